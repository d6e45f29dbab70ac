"""Running totals of the message archive: the facts that figures are made of.

ijw writes these rows, in the same transaction as the message they count (see
ijw.services.tallies); the region overview reads them, and so will the monitoring app, instead
of scanning years of messages. A tally row never names a youth: it counts traffic between two
parties per month, so any role with the figures permission may read it.

The scope fields (municipality, provider, afzender, ontvanger) are those of the messages, so
`policy.message_q(user, figures=True)` selects a user's tallies exactly as it selects the
messages themselves. The month is the month of `received_at` in the region's time zone.
"""

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _


class _TrafficKey(models.Model):
    month = models.DateField(_("month"))
    direction = models.CharField(_("direction"), max_length=3)
    code = models.CharField(_("message code"), max_length=5, blank=True)
    afzender = models.CharField(_("sender"), max_length=8, blank=True)
    ontvanger = models.CharField(_("receiver"), max_length=8, blank=True)
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT, null=True,
                                 blank=True, related_name="+")

    class Meta:
        abstract = True


# NULL is never equal to NULL in a unique index, so the key compares the foreign keys through
# COALESCE: an unresolved party is one key, not a new row per message.
_KEY = (F("month"), F("direction"), F("code"), F("afzender"), F("ontvanger"),
        Coalesce(F("municipality"), Value(0)), Coalesce(F("provider"), Value(0)))


class MessageTally(_TrafficKey):
    """How many messages, per month, party pair, message type and status."""

    status = models.CharField(_("status"), max_length=20)
    # Signed: a message that was never counted (written around the services) can be moved out
    # of its bucket without breaking the write; `manage.py ijw tallies --rebuild` repairs it.
    messages = models.IntegerField(_("messages"), default=0)

    class Meta:
        verbose_name = _("message tally")
        verbose_name_plural = _("message tallies")
        constraints = [models.UniqueConstraint(*_KEY, F("status"), name="unique_message_tally")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.code} {self.afzender}→{self.ontvanger} {self.status}: " \
               f"{self.messages}"


class FindingTally(_TrafficKey):
    """How many findings with a retourcode, and on how many messages, per month and party
    pair. Findings are written once, when a message is judged, and never change after."""

    retourcode = models.CharField(_("return code"), max_length=4)
    findings = models.IntegerField(_("findings"), default=0)
    messages = models.IntegerField(_("messages"), default=0)

    class Meta:
        verbose_name = _("finding tally")
        verbose_name_plural = _("finding tallies")
        constraints = [models.UniqueConstraint(*_KEY, F("retourcode"),
                                               name="unique_finding_tally")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.code} {self.retourcode}: {self.findings}"
