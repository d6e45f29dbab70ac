"""Contracts, their lots, the parties they were awarded to and the rules an award must keep."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TaskArea(models.Model):
    """A taakgebied of the region's procurement (seed 003: Stevig Lokaal Team, Wonen met
    verblijf ...). A segment ceiling budgets one task area."""

    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT,
                               related_name="task_areas", verbose_name=_("region"))
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("task area")
        verbose_name_plural = _("task areas")
        constraints = [models.UniqueConstraint(fields=["region", "name"],
                                               name="unique_task_area_per_region")]

    def __str__(self) -> str:
        return self.name


class Contract(models.Model):
    """One agreement of a region with its contract partners (raamovereenkomst, open house,
    koepelcontract ...)."""

    class Procedure(models.TextChoices):
        OPEN_HOUSE = "open_house", _("open house (admission at any time)")
        COMPETITIVE_DIALOGUE = "competitive_dialogue", _("competitive dialogue")
        OPEN_TENDER = "open_tender", _("open tender")
        RESTRICTED_TENDER = "restricted_tender", _("restricted tender")
        SOCIAL_SERVICES = "social_services", _("social and other specific services regime")
        NEGOTIATED = "negotiated", _("negotiated procedure")
        SUBSIDY = "subsidy", _("subsidy")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        TENDERING = "tendering", _("tendering")
        AWARDED = "awarded", _("awarded")
        ACTIVE = "active", _("active")
        ENDED = "ended", _("ended")
        TERMINATED = "terminated", _("terminated early")

    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT,
                               related_name="contracts", verbose_name=_("region"))
    reference = models.CharField(_("reference"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    task_area = models.ForeignKey(TaskArea, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="contracts", verbose_name=_("task area"))
    procedure = models.CharField(_("procedure"), max_length=30, choices=Procedure.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    # seed 002: individual contracts hang under one koepelcontract.
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name=_("koepelcontract"))
    start_date = models.DateField(_("start date"))
    initial_end_date = models.DateField(_("end of the initial term"))
    # "5 + 2×1": an initial term of five years and two options of one year each.
    extension_options = models.PositiveSmallIntegerField(_("extension options"), default=0)
    extension_months = models.PositiveSmallIntegerField(_("months per extension"), default=12)

    class Meta:
        ordering = ["region", "reference"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [
            models.UniqueConstraint(fields=["region", "reference"],
                                    name="unique_contract_reference_per_region"),
            models.CheckConstraint(condition=Q(initial_end_date__gte=models.F("start_date")),
                                   name="contract_ends_after_start"),
            models.CheckConstraint(condition=~Q(parent=models.F("id")),
                                   name="contract_not_its_own_parent"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"


class ContractExtension(models.Model):
    """An extension option taken: the contract now runs until ``new_end_date``."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="extensions")
    number = models.PositiveSmallIntegerField(_("option number"))
    new_end_date = models.DateField(_("new end date"))
    decided_on = models.DateField(_("decided on"))

    class Meta:
        ordering = ["contract", "number"]
        verbose_name = _("contract extension")
        verbose_name_plural = _("contract extensions")
        constraints = [
            models.UniqueConstraint(fields=["contract", "number"],
                                    name="unique_extension_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="extension_number_from_1"),
        ]

    def __str__(self) -> str:
        return f"{self.contract} +{self.number}"


class Lot(models.Model):
    """A perceel: a part of the contract awarded separately (seed 003 §5.3.3)."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="lots")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    task_area = models.ForeignKey(TaskArea, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="lots", verbose_name=_("task area"))
    # Empty: the lot covers every municipality of the region.
    municipalities = models.ManyToManyField("registry.Municipality", blank=True,
                                            related_name="lots",
                                            verbose_name=_("municipalities"))

    class Meta:
        ordering = ["contract", "number"]
        verbose_name = _("lot")
        verbose_name_plural = _("lots")
        constraints = [models.UniqueConstraint(fields=["contract", "number"],
                                               name="unique_lot_number_per_contract")]

    def __str__(self) -> str:
        return f"{self.contract.reference} perceel {self.number}: {self.name}"


class ContractPartner(models.Model):
    """An award: the contract (or one of its lots) goes to a provider or a partnership from the
    registry, from ``start_date`` (an open house admits partners at any time) until
    ``end_date`` (a partner can leave before the contract ends)."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="partners")
    lot = models.ForeignKey(Lot, on_delete=models.CASCADE, null=True, blank=True,
                            related_name="partners", verbose_name=_("lot"))
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT, null=True,
                                 blank=True, related_name="contract_awards",
                                 verbose_name=_("provider"))
    partnership = models.ForeignKey("registry.Partnership", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="contract_awards",
                                    verbose_name=_("partnership"))
    start_date = models.DateField(_("admitted from"))
    end_date = models.DateField(_("admitted until"), null=True, blank=True)

    class Meta:
        ordering = ["contract", "lot", "id"]
        verbose_name = _("contract partner")
        verbose_name_plural = _("contract partners")
        constraints = [
            models.CheckConstraint(
                condition=Q(provider__isnull=False, partnership__isnull=True)
                | Q(provider__isnull=True, partnership__isnull=False),
                name="partner_is_provider_xor_partnership"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="partner_ends_after_start"),
            models.UniqueConstraint(fields=["contract", "provider"], name="unique_partner_provider",
                                    condition=Q(lot__isnull=True, provider__isnull=False)),
            models.UniqueConstraint(fields=["lot", "provider"], name="unique_lot_provider",
                                    condition=Q(lot__isnull=False, provider__isnull=False)),
            models.UniqueConstraint(fields=["contract", "partnership"],
                                    name="unique_partner_partnership",
                                    condition=Q(lot__isnull=True, partnership__isnull=False)),
            models.UniqueConstraint(fields=["lot", "partnership"], name="unique_lot_partnership",
                                    condition=Q(lot__isnull=False, partnership__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.contract.reference}: {self.provider or self.partnership}"


class AwardRule(models.Model):
    """A rule every award must keep, checked by services.award_contract."""

    class Kind(models.TextChoices):
        # seed 003 §5.3.3: "Voor de twee percelen van Breda geldt dat elk perceel moet worden
        # gegund aan een andere geinteresseerde".
        DIFFERENT_PARTIES = "different_parties", _("each lot to a different party")
        # seed 003 §5.3.4: "Per perceel contracteert Regio WBO Jeugd één contractpartner".
        MAX_PARTNERS_PER_LOT = "max_partners_per_lot", _("at most N partners per lot")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="award_rules")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    lots = models.ManyToManyField(Lot, blank=True, related_name="award_rules",
                                  verbose_name=_("lots"))
    max_partners = models.PositiveSmallIntegerField(_("maximum partners"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True,
                              help_text=_("Where the rule comes from, e.g. the tender section."))

    class Meta:
        verbose_name = _("award rule")
        verbose_name_plural = _("award rules")
        constraints = [models.CheckConstraint(
            condition=~Q(kind="max_partners_per_lot") | Q(max_partners__gte=1),
            name="max_partners_rule_has_a_number")]

    def __str__(self) -> str:
        return f"{self.contract.reference}: {self.get_kind_display()}"
