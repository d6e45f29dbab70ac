"""Step 1: the request for help at the local team / Stevig Lokaal Team, its clarification over
the life domains and its triage."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case, Versioned

# seed 000 §4 "support, school & werk, wonen, inkomen en welzijn. Daarnaast is er aandacht voor
# veiligheid"; seed 001 "Support, Wonen, Inkomen, Onderwijs & werk, Zorg & Welzijn".
LIFE_DOMAINS = ("support", "school_work", "housing", "income", "wellbeing", "safety")


class RequestForHelp(Versioned):
    class Channel(models.TextChoices):
        WALK_IN = "walk_in", _("walk-in")
        PHONE = "phone", _("phone")
        EMAIL = "email", _("e-mail")
        REFERRER = "referrer", _("via a referrer")
        SCHOOL = "school", _("via school")
        OTHER = "other", _("other")

    class Urgency(models.TextChoices):
        # seed 003 "Triage is de beoordeling van de urgentie van een hulpvraag"
        CRISIS = "crisis", _("crisis (act today)")
        HIGH = "high", _("high")
        NORMAL = "normal", _("normal")
        LOW = "low", _("low")

    class Speed(models.TextChoices):
        # seed 003 "direct moet worden opgepakt, met welke snelheid"
        IMMEDIATE = "immediate", _("immediately")
        WITHIN_WEEK = "within_week", _("within a week")
        WITHIN_MONTH = "within_month", _("within a month")
        PLANNED = "planned", _("planned")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="requests")
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    received_on = models.DateField(_("received on"))
    question = models.TextField(_("request in the family's words"), blank=True)
    support = models.TextField(_("support"), blank=True)
    school_work = models.TextField(_("school & work"), blank=True)
    housing = models.TextField(_("housing"), blank=True)
    income = models.TextField(_("income"), blank=True)
    wellbeing = models.TextField(_("wellbeing"), blank=True)
    safety = models.TextField(_("safety"), blank=True)
    urgency = models.CharField(_("urgency"), max_length=20, choices=Urgency.choices, blank=True)
    speed = models.CharField(_("speed"), max_length=20, choices=Speed.choices, blank=True)
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("assigned professional"))
    triaged_on = models.DateField(_("triaged on"), null=True, blank=True)

    class Meta:
        ordering = ["case", "received_on", "pk"]
        verbose_name = _("request for help")
        verbose_name_plural = _("requests for help")

    def __str__(self) -> str:
        return f"{_('Request')} {self.received_on}"


class RequestOutcome(models.Model):
    """The outcome of a request; combinations allowed (issue #10 step 1)."""

    class Outcome(models.TextChoices):
        NO_CARE = "no_care", _("no care needed")
        NETWORK = "network", _("own network")
        SOCIAL_BASE = "social_base", _("social base (sociale basis)")
        SLT_HELP = "slt_help", _("help by the local team / SLT")
        REFERRAL_CARE = "referral_care", _("care that needs a referral")
        OTHER_LAW = "other_law", _("other law (Wmo, Zvw, Wlz, …)")

    request = models.ForeignKey(RequestForHelp, on_delete=models.CASCADE,
                                related_name="outcomes")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)

    class Meta:
        verbose_name = _("request outcome")
        verbose_name_plural = _("request outcomes")
        constraints = [
            models.UniqueConstraint(fields=["request", "outcome"], name="one_outcome_of_a_kind"),
        ]

    def __str__(self) -> str:
        return self.get_outcome_display()


class Referral(models.Model):
    """Step 2: a legal referrer refers to a product or to the expert team."""

    class Target(models.TextChoices):
        PRODUCT = "product", _("a product")
        EXPERT_TEAM = "expert_team", _("the expert team")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    # iJw COD327 without 06 (zelfverwijzer / geen verwijzer): a referral has a legal referrer.
    referrer_code = models.CharField(_("referrer (COD327)"), max_length=2)
    referrer_name = models.CharField(_("name of the referrer"), max_length=200)
    referred_on = models.DateField(_("referred on"))
    target = models.CharField(_("referred to"), max_length=20, choices=Target.choices)
    product_categorie = models.CharField(_("product category"), max_length=2, blank=True)
    product_code = models.CharField(_("product code"), max_length=5, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["case", "referred_on", "pk"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(referrer_code__in=["01", "02", "03", "04", "05", "08"]),
                name="referral_by_legal_referrer"),
        ]

    def __str__(self) -> str:
        return f"{_('Referral')} {self.referred_on}"
