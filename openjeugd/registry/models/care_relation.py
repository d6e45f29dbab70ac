"""Who may read a youth's record because they take part in its care, and for how long.

A provider reads a youth only while it has a care relation: from the toewijzing (or its own
request) until a grace period after the care ends, so declarations and corrections can still
be sent. A withdrawal "sent by mistake" (RedenWijziging 13) ends the relation at once. The
same table carries the expert team's and the mobile brigade's relations (pathways).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CareRelation(models.Model):
    class Kind(models.TextChoices):
        TOEWIJZING = "toewijzing", _("assignment")
        REQUEST = "request", _("request for assignment")
        DELIVERY = "delivery", _("care without assignment")
        EXPERT_TEAM = "expert_team", _("expert team")
        BRIGADE = "brigade", _("mobile brigade")

    youth = models.ForeignKey("registry.Youth", on_delete=models.CASCADE,
                              related_name="care_relations", verbose_name=_("youth"))
    provider = models.ForeignKey("registry.Provider", on_delete=models.CASCADE, null=True,
                                 blank=True, related_name="care_relations",
                                 verbose_name=_("provider"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    valid_from = models.DateField(_("from"))
    # The end of care; access lasts CARE_RELATION_GRACE_DAYS longer, unless revoked.
    valid_to = models.DateField(_("to"), null=True, blank=True)
    revoked = models.BooleanField(
        _("revoked"), default=False,
        help_text=_("Ended at once, without a grace period (e.g. sent by mistake)."))
    # What created it, e.g. "toewijzing:0268:12" or "ijw.Message:41"; one relation per source.
    source = models.CharField(_("source"), max_length=100)

    class Meta:
        verbose_name = _("care relation")
        verbose_name_plural = _("care relations")
        constraints = [
            models.UniqueConstraint(fields=["kind", "source"], name="one_care_relation_per_source"),
        ]
        indexes = [models.Index(fields=["provider", "valid_to"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.valid_from}–{self.valid_to or '…'}"
