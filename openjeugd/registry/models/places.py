from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# The Jeugdwet covers youths up to 18; verlengde jeugdhulp can continue to 23 at the latest.
MAX_YOUTH_CARE_AGE = 23


class Facility(models.Model):
    """A location where care is given, with its places (capacity)."""

    class Kind(models.TextChoices):
        JEUGDZORGPLUS = "jeugdzorgplus", _("JeugdzorgPlus (closed)")
        DRIEMILIEU = "driemilieu", _("driemilieuvoorziening")
        ONVOORWAARDELIJK_WONEN = "onvoorwaardelijk_wonen", _("Onvoorwaardelijk Wonen")
        GEZINSBEHANDELING = "gezinsbehandeling", _("family treatment (gezinsbehandeling)")
        KLINIEK_VERSLAVING = "kliniek_verslaving", _("addiction clinic (kliniek verslavingszorg)")
        GEZINSHUIS = "gezinshuis", _("family home (gezinshuis)")
        PLEEGZORG = "pleegzorg", _("foster care (pleegzorg)")
        BEHANDELGROEP = "behandelgroep", _("treatment group (behandelgroep)")
        HIC = "hic", _("HIC bed (high & intensive care)")
        KLINIEK_GGZ = "kliniek_ggz", _("mental-health clinic")
        AMBULANT = "ambulant", _("outpatient location")

    provider = models.ForeignKey(
        "registry.Provider", on_delete=models.PROTECT, related_name="facilities",
        verbose_name=_("provider"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    municipality = models.ForeignKey(
        "registry.Municipality", on_delete=models.PROTECT, related_name="facilities",
        verbose_name=_("municipality"),
    )
    places = models.PositiveIntegerField(_("places"), default=0)
    group_size = models.PositiveIntegerField(_("group size"), null=True, blank=True)
    age_min = models.PositiveSmallIntegerField(_("minimum age"), default=0)
    age_max = models.PositiveSmallIntegerField(_("maximum age"), default=17)

    class Meta:
        ordering = ["name"]
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"

    def clean(self) -> None:
        if self.age_min > self.age_max:
            raise ValidationError({"age_max": _("Maximum age must not be below minimum age.")})
        if self.age_max > MAX_YOUTH_CARE_AGE:
            raise ValidationError({"age_max": _("Youth care ends at age 23 at the latest.")})
        if self.group_size and self.places and self.group_size > self.places:
            raise ValidationError({"group_size": _("Group size must not exceed places.")})


class Team(models.Model):
    class Kind(models.TextChoices):
        LOKAAL_TEAM = "lokaal_team", _("local team")
        SLT = "slt", _("Stevig Lokaal Team (SLT)")
        RET = "ret", _("Regional Expert Team (RET)")
        MOBILE_BRIGADE = "mobile_brigade", _("mobile brigade cluster")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        "registry.Region", on_delete=models.PROTECT, related_name="teams", verbose_name=_("region")
    )
    municipalities = models.ManyToManyField(
        "registry.Municipality", related_name="teams", blank=True,
        verbose_name=_("municipalities served"),
    )

    class Meta:
        ordering = ["region", "kind", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name
