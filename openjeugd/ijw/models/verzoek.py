from django.db import models
from django.utils.translation import gettext_lazy as _


class Verzoek(models.Model):
    """A provider's request (JW315 toewijzing / JW317 wijziging) and how it was answered."""

    class Kind(models.TextChoices):
        TOEWIJZING = "toewijzing", _("request for assignment")
        WIJZIGING = "wijziging", _("request for change")

    class State(models.TextChoices):
        OPEN = "open", _("open")
        IN_ONDERZOEK = "in_onderzoek", _("under investigation")
        TOEGEWEZEN = "toegewezen", _("assigned")
        AFGEWEZEN = "afgewezen", _("rejected")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     related_name="verzoeken")
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT,
                                 related_name="verzoeken")
    youth = models.ForeignKey("registry.Youth", on_delete=models.PROTECT,
                              related_name="verzoeken")
    referentie_aanbieder = models.CharField(_("provider reference"), max_length=40)
    products = models.JSONField(_("requested products"), default=list)
    verwijzer = models.CharField(_("referrer"), max_length=2, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices,
                             default=State.OPEN)
    reden_afwijzing = models.CharField(_("reason for rejection"), max_length=2, blank=True)
    message = models.ForeignKey("ijw.Message", on_delete=models.PROTECT, related_name="+")
    answer_due = models.DateField(_("answer due"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["answer_due"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        constraints = [
            models.UniqueConstraint(fields=["provider", "municipality", "referentie_aanbieder"],
                                    name="unique_verzoek_reference")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.referentie_aanbieder}"
