"""Step 3: registration (aanmelding) with the expert team (RET / MDO / OPH), its documents,
participants, decision, consensus meeting and escalation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case, Versioned
from .config import EscalationStep
from .request import Referral


class ExpertTeamRegistration(Versioned):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("registered")
        CONSENSUS = "consensus", _("in consensus meeting")
        ESCALATED = "escalated", _("escalated")
        DECIDED = "decided", _("decided")
        WITHDRAWN = "withdrawn", _("withdrawn")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="registrations")
    referral = models.ForeignKey(Referral, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="registrations")
    team = models.ForeignKey("registry.Team", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="registrations", verbose_name=_("team"))
    registered_on = models.DateField(_("registered on"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.REGISTERED)
    # Seed 000 §8: no suitable follow-up place → a new registration with the RET.
    for_outflow = models.BooleanField(_("because no follow-up place was found"), default=False)
    # The decision (seed 003 "Met een uniform afwegingskader besluit het MDO welke
    # taakgebieden er worden ingezet"): framework answers by criterion (framework.py).
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    framework = models.JSONField(_("assessment framework"), default=dict, blank=True)
    task_areas = models.JSONField(_("task areas deployed"), default=list, blank=True)
    decision = models.TextField(_("decision"), blank=True)
    decided_by_referrer = models.BooleanField(
        _("decided by the referrer without consensus"), default=False)

    class Meta:
        ordering = ["case", "registered_on", "pk"]
        verbose_name = _("expert team registration")
        verbose_name_plural = _("expert team registrations")

    def __str__(self) -> str:
        return f"{_('Registration')} {self.registered_on}"


class RegistrationDocument(models.Model):
    """Seed 000 §7: "altijd een verklarende analyse, een perspectiefplan met een duidelijk doel
    en een aanzet tot een signaleringsplan". Recorded as a fact (date, author, goal), the
    document itself stays with its author."""

    class Kind(models.TextChoices):
        VERKLARENDE_ANALYSE = "verklarende_analyse", _("verklarende analyse")
        PERSPECTIEFPLAN = "perspectiefplan", _("perspectiefplan")
        SIGNALERINGSPLAN = "signaleringsplan", _("signaleringsplan (first version)")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    registration = models.ForeignKey(ExpertTeamRegistration, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="documents")
    kind = models.CharField(_("document"), max_length=30, choices=Kind.choices)
    dated = models.DateField(_("dated"))
    author = models.CharField(_("author"), max_length=200)
    goal = models.TextField(_("goal"), blank=True)
    made_with_family = models.BooleanField(_("made together with youth and parents"),
                                           default=True)

    class Meta:
        ordering = ["case", "dated", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="perspectiefplan") | ~models.Q(goal=""),
                name="perspectiefplan_has_a_goal"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.dated}"


class Participant(models.Model):
    class TaskArea(models.TextChoices):
        # seed 003 MDO: "deskundigen ... vanuit de taakgebieden specialistische/locatiegebonden
        # jeugdhulp, verblijf met behandeling en crisiszorg, en de sociale basis"
        SPECIALIST = "specialist", _("specialist / location-bound youth care")
        RESIDENTIAL = "residential", _("residential treatment")
        CRISIS = "crisis", _("crisis care")
        SOCIAL_BASE = "social_base", _("social base")
        # seed 000 §5: "J&O, LVB, jGGZ, verslaving en forensische zorg"
        JO = "jo", _("youth and parenting care (J&O)")
        LVB = "lvb", _("mild intellectual disability (LVB)")
        JGGZ = "jggz", _("youth mental health (jGGZ)")
        ADDICTION = "addiction", _("addiction care")
        FORENSIC = "forensic", _("forensic care")
        LOCAL_TEAM = "local_team", _("local team / referrer")
        GI = "gi", _("certified institution (GI)")
        EDUCATION = "education", _("education")

    registration = models.ForeignKey(ExpertTeamRegistration, on_delete=models.CASCADE,
                                     related_name="participants")
    task_area = models.CharField(_("task area"), max_length=20, choices=TaskArea.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    class Meta:
        ordering = ["registration", "task_area", "name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_task_area_display()})"


class ConsensusMeeting(models.Model):
    """Seed 002 (Limburg): "op consensus gericht overleg" with "een onafhankelijke voorzitter";
    "De verwijzer ... neemt ... een besluit wanneer consensus niet kan worden bereikt"."""

    registration = models.ForeignKey(ExpertTeamRegistration, on_delete=models.CASCADE,
                                     related_name="meetings")
    held_on = models.DateField(_("held on"))
    chair_name = models.CharField(_("independent chair"), max_length=200)
    chair_independent = models.BooleanField(_("the chair is independent"), default=True)
    consensus = models.BooleanField(_("consensus reached"))
    outcome = models.TextField(_("outcome"))
    referrer_decision = models.TextField(_("referrer's decision (no consensus)"), blank=True)

    class Meta:
        ordering = ["registration", "held_on", "pk"]
        verbose_name = _("consensus meeting")
        verbose_name_plural = _("consensus meetings")
        constraints = [
            models.CheckConstraint(condition=models.Q(chair_independent=True),
                                   name="consensus_meeting_chair_independent"),
            models.CheckConstraint(
                condition=models.Q(consensus=True) | ~models.Q(referrer_decision=""),
                name="referrer_decides_without_consensus"),
        ]

    def __str__(self) -> str:
        return f"{_('Consensus meeting')} {self.held_on}"


class Escalation(models.Model):
    """One step taken on the region's escalation ladder (seed 003)."""

    registration = models.ForeignKey(ExpertTeamRegistration, on_delete=models.CASCADE,
                                     related_name="escalations")
    step = models.ForeignKey(EscalationStep, on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField(_("started on"))
    due_on = models.DateField(_("decision due on"))
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")

    class Meta:
        ordering = ["registration", "started_on", "pk"]
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        constraints = [
            models.UniqueConstraint(fields=["registration", "step"],
                                    name="each_escalation_step_once"),
        ]

    def __str__(self) -> str:
        return f"{self.step} {self.started_on}"
