"""Money between parties: cost-sharing keys, prefinancing instalments, year-end settlement."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CostSharingKey(models.Model):
    """How a cost is divided over municipalities or regions for a year (seed 000: the G7
    together carry the cost of keeping JeugdzorgPlus places available, "De G7 dragen echter
    gezamenlijk de kosten voor het beschikbaar houden van de benodigde JeugdzorgPlus
    plekken")."""

    class Basis(models.TextChoices):
        POPULATION = "population", _("population aged 0-17")
        USE = "use", _("use (actual spending per party)")
        FIXED = "fixed", _("fixed shares")

    owner = models.ForeignKey("registry.Region", on_delete=models.PROTECT,
                              related_name="cost_sharing_keys",
                              verbose_name=_("administering region"))
    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices)
    amount = models.DecimalField(_("cost to share"), max_digits=14, decimal_places=2)
    # For the "use" basis: whose spending on these products measures use.
    products = models.ManyToManyField("contracts.Product", blank=True, related_name="+")

    class Meta:
        ordering = ["owner", "year", "name"]
        verbose_name = _("cost-sharing key")
        verbose_name_plural = _("cost-sharing keys")
        constraints = [models.UniqueConstraint(fields=["owner", "name", "year"],
                                               name="unique_cost_sharing_key")]

    def __str__(self) -> str:
        return f"{self.name} {self.year}"


class CostShare(models.Model):
    """One party to a key: a municipality or a whole region, with its fixed share (for the
    fixed basis) and what it has paid so far, so who owes whom follows at year end."""

    key = models.ForeignKey(CostSharingKey, on_delete=models.CASCADE, related_name="shares")
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")
    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT, null=True,
                               blank=True, related_name="+")
    fixed_share = models.DecimalField(_("fixed share"), max_digits=7, decimal_places=6,
                                      null=True, blank=True)
    paid = models.DecimalField(_("paid"), max_digits=14, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("cost share")
        verbose_name_plural = _("cost shares")
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality__isnull=False, region__isnull=True)
                | Q(municipality__isnull=True, region__isnull=False),
                name="cost_share_party_is_municipality_xor_region"),
            models.CheckConstraint(
                condition=Q(fixed_share__isnull=True)
                | Q(fixed_share__gte=0, fixed_share__lte=1),
                name="cost_share_fraction"),
            models.UniqueConstraint(fields=["key", "municipality"], name="unique_share_muni",
                                    condition=Q(municipality__isnull=False)),
            models.UniqueConstraint(fields=["key", "region"], name="unique_share_region",
                                    condition=Q(region__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.municipality or self.region}"


class PrefinancingInstalment(models.Model):
    """A voorschot: part of a lump sum or total budget paid ahead (seed 002, seed 003)."""

    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT,
                                 related_name="instalments")
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT,
                                 related_name="instalments")
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     related_name="instalments")
    due_date = models.DateField(_("due date"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    class Meta:
        ordering = ["contract", "provider", "municipality", "due_date"]
        verbose_name = _("prefinancing instalment")
        verbose_name_plural = _("prefinancing instalments")
        constraints = [
            models.UniqueConstraint(fields=["contract", "provider", "municipality", "due_date"],
                                    name="unique_instalment"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="instalment_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.municipality} {self.due_date}: {self.amount}"


class Settlement(models.Model):
    """Year-end settlement per contract, provider and municipality: what was prefinanced
    against what was realised; a positive balance is owed to the provider."""

    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT,
                                 related_name="settlements")
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT,
                                 related_name="settlements")
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     related_name="settlements")
    year = models.PositiveSmallIntegerField(_("year"))
    prefinanced = models.DecimalField(_("prefinanced"), max_digits=14, decimal_places=2)
    realised = models.DecimalField(_("realised"), max_digits=14, decimal_places=2)
    balance = models.DecimalField(_("balance"), max_digits=14, decimal_places=2)
    settled_on = models.DateField(_("settled on"))

    class Meta:
        ordering = ["contract", "year", "provider", "municipality"]
        verbose_name = _("year-end settlement")
        verbose_name_plural = _("year-end settlements")
        constraints = [
            models.UniqueConstraint(fields=["contract", "provider", "municipality", "year"],
                                    name="unique_settlement"),
            models.CheckConstraint(
                condition=Q(balance=models.F("realised") - models.F("prefinanced")),
                name="settlement_balance_is_realised_minus_prefinanced"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.provider} {self.municipality}: {self.balance}"
