from django.db import models
from django.utils.translation import gettext_lazy as _

from openjeugd.registry.validators import validate_agb_code, validate_kvk_number


class Provider(models.Model):
    """A jeugdhulpaanbieder, known in the iJw traffic by its AGB code."""

    name = models.CharField(_("name"), max_length=200)
    agb_code = models.CharField(
        _("AGB code"), max_length=8, unique=True, validators=[validate_agb_code]
    )
    kvk_number = models.CharField(
        _("KvK number"), max_length=8, blank=True, validators=[validate_kvk_number]
    )
    regions = models.ManyToManyField(
        "registry.Region", related_name="providers", blank=True, verbose_name=_("regions")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self) -> str:
        return f"{self.name} ({self.agb_code})"


class CertifiedInstitution(models.Model):
    """A gecertificeerde instelling (GI): carries out child-protection measures."""

    name = models.CharField(_("name"), max_length=200)
    agb_code = models.CharField(
        _("AGB code"), max_length=8, blank=True, validators=[validate_agb_code]
    )
    regions = models.ManyToManyField(
        "registry.Region", related_name="certified_institutions", blank=True,
        verbose_name=_("regions"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("certified institution (GI)")
        verbose_name_plural = _("certified institutions (GI)")

    def __str__(self) -> str:
        return self.name


class Partnership(models.Model):
    """A samenwerkingsverband: providers contracted together under one hoofdaannemer."""

    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(
        "registry.Region", on_delete=models.PROTECT, related_name="partnerships",
        verbose_name=_("region"),
    )
    providers = models.ManyToManyField(Provider, through="PartnershipMember")

    class Meta:
        ordering = ["name"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self) -> str:
        return self.name


class PartnershipMember(models.Model):
    class Role(models.TextChoices):
        HOOFDAANNEMER = "hoofdaannemer", _("main contractor (hoofdaannemer)")
        ONDERAANNEMER = "onderaannemer", _("subcontractor (onderaannemer)")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="members")
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("partnership member")
        verbose_name_plural = _("partnership members")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "provider"], name="unique_member"),
            # One hoofdaannemer per partnership: it holds the contract and is paid.
            models.UniqueConstraint(
                fields=["partnership"], condition=models.Q(role="hoofdaannemer"),
                name="one_hoofdaannemer_per_partnership",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider} – {self.get_role_display()}"
