"""Step 10 (seed 000 §8 "Uitstroom en nazorg"; seed 003 "toekomstplan") and step 11
(measurements, seed 004 and the CBS protocol)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case, Versioned
from .expert_team import ExpertTeamRegistration


class OutflowPlan(Versioned):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="outflow")
    planned_outflow_on = models.DateField(_("planned outflow on"), null=True, blank=True)
    follow_up_place = models.CharField(_("follow-up place"), max_length=200, blank=True)
    follow_up_arranged_on = models.DateField(_("follow-up arranged on"), null=True, blank=True)
    toekomstplan_on = models.DateField(_("toekomstplan made on"), null=True, blank=True)
    mdo_informed_on = models.DateField(_("MDO last informed on"), null=True, blank=True)
    outflowed_on = models.DateField(_("outflow on"), null=True, blank=True)
    # Seed 000 §8 "Is er geen passend aanbod ... dan wordt er een aanmelding gedaan bij het RET".
    new_registration = models.OneToOneField(ExpertTeamRegistration, on_delete=models.SET_NULL,
                                            null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("outflow plan")
        verbose_name_plural = _("outflow plans")

    def __str__(self) -> str:
        return f"{_('Outflow')} {self.planned_outflow_on or '-'}"


class Measurement(models.Model):
    class Moment(models.TextChoices):
        # seed 004 "bij start behandeling, eind behandeling, 6 maanden na afsluiting ... en
        # (eventueel) 2 jaar na afsluiting"
        START = "start", _("start")
        END = "end", _("end")
        PLUS_6M = "plus_6m", _("6 months after the end")
        PLUS_2Y = "plus_2y", _("2 years after the end")

    class Informant(models.TextChoices):
        # CBS protocol §4.5 "Type informant": "De jeugdige", "De ouder/opvoeder"
        JEUGDIGE = "jeugdige", _("the youth")
        OUDER = "ouder", _("the parent / carer")

    class Doelrealisatie(models.TextChoices):
        # CBS protocol §4.4 (outcome criterion 3.1)
        SAME_OR_HEAVIER = "01", _("01 same or heavier help needed")
        LIGHTER = "02", _("02 a lighter form of help suffices")
        NOT_NOW = "03", _("03 no help now, may ask again later")
        NONE = "04", _("04 no further help needed")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="measurements")
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices)
    informant = models.CharField(_("type informant"), max_length=10,
                                 choices=Informant.choices)
    measured_on = models.DateField(_("measured on"))
    # CBS protocol §4.3 "rapportcijfer van 1 tot 10"
    tevredenheid = models.PositiveSmallIntegerField(
        _("satisfaction (1–10)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)])
    doelrealisatie = models.CharField(_("goal realisation (3.1)"), max_length=2,
                                      choices=Doelrealisatie.choices, blank=True)

    class Meta:
        ordering = ["case", "measured_on"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            # CBS: per record at most one measurement by the youth and one by a parent.
            models.UniqueConstraint(fields=["case", "moment", "informant"],
                                    name="one_measurement_per_moment_and_informant"),
            models.CheckConstraint(
                condition=models.Q(tevredenheid__isnull=True)
                | models.Q(tevredenheid__gte=1, tevredenheid__lte=10),
                name="tevredenheid_1_to_10"),
        ]

    def __str__(self) -> str:
        return f"{self.get_moment_display()} {self.measured_on}"
