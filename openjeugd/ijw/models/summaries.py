"""Summaries of the care facts (starts, stops, declaration lines) for the figures.

ijw writes these rows in the same transaction as the facts they summarise (see
ijw.services.summaries), as it does for the message tallies; monitoring reads them instead of
scanning years of lines and rebuilding every delivery from its start and stop rows. They hold
no product -> CBS mapping (that is contracts' catalogue, looked up by monitoring at read time):
only the product categorie and code as the messages carry them.

Money is kept in whole cents (BigIntegerField): integer sums are exact on every database,
where SQLite would sum decimals as floating point.
"""

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _


class _Amounts(models.Model):
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     related_name="+")
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT, related_name="+")
    product_categorie = models.CharField(_("product category"), max_length=2)
    product_code = models.CharField(_("product code"), max_length=5)
    # Granted is signed: a credit line is granted as a negative amount (JW323/JW325), so the
    # sum is what was paid net; credits is the sum of the negative granted amounts alone.
    granted_cents = models.BigIntegerField(_("granted (cents)"), default=0)
    declared_cents = models.BigIntegerField(_("declared (cents)"), default=0)
    credits_cents = models.BigIntegerField(_("credited (cents)"), default=0)
    lines = models.IntegerField(_("declaration lines"), default=0)

    class Meta:
        abstract = True


class DeclaredMonth(_Amounts):
    """The declaration lines whose product period begins in `month` (the declaration's
    municipality, the line's provider and product), summed. Names no youth."""

    month = models.DateField(_("month"))

    class Meta:
        verbose_name = _("declared per month")
        verbose_name_plural = _("declared per month")
        constraints = [models.UniqueConstraint(
            fields=["month", "municipality", "provider", "product_categorie", "product_code"],
            name="unique_declared_month")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.product_categorie}/{self.product_code}: " \
               f"{self.granted_cents / 100:.2f}"


class DeclaredHalfYear(_Amounts):
    """Per youth: the declaration lines whose product period begins in the half year starting
    on `half_year` (1 January or 1 July), summed - what paid-for youths are counted from."""

    half_year = models.DateField(_("half year"))
    youth = models.ForeignKey("registry.Youth", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("declared per youth and half year")
        verbose_name_plural = _("declared per youth and half year")
        constraints = [models.UniqueConstraint(
            fields=["half_year", "municipality", "provider", "youth", "product_categorie",
                    "product_code"], name="unique_declared_half_year")]

    def __str__(self) -> str:
        return f"{self.half_year:%Y-%m} youth {self.youth_id}: {self.granted_cents / 100:.2f}"


# How a stop finds its start (ijw/services/handlers/start_stop.py): the toewijzing and the
# start's begindatum, or for taakgericht care (no toewijzing) youth, provider, municipality,
# categorie and begindatum. NULL never equals NULL in a unique index, hence the COALESCE.
_EPISODE_KEY = (Coalesce(F("toewijzing"), Value(0)), F("youth"), F("provider"),
                F("municipality"), F("product_categorie"), F("begindatum"))


class CareEpisode(models.Model):
    """One delivery of care as the current (not deleted, OP033) starts and stops of one key
    say: its start and, when stopped, the definitive end and reason and any temporary stop
    (JZ588 20). Rewritten from the facts of its key whenever a start or stop of that key is
    added or deleted, so a correction (StatusAanlevering 3) is followed as the facts are."""

    toewijzing = models.ForeignKey("ijw.Toewijzing", on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")
    youth = models.ForeignKey("registry.Youth", on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     related_name="+")
    product_categorie = models.CharField(_("product category"), max_length=2, blank=True)
    begindatum = models.DateField(_("start of care"))
    # The current start (None: deleted, or only stops of this key remain) and its product.
    start = models.ForeignKey("ijw.Start", on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    product_code = models.CharField(_("product code"), max_length=5, blank=True)
    einddatum = models.DateField(_("end of care"), null=True, blank=True)
    reden_beeindiging = models.CharField(_("reason for ending"), max_length=2, blank=True)
    paused_on = models.DateField(_("temporary stop"), null=True, blank=True)
    # The rules allow one current start, one definitive and one temporary stop per key
    # (TR074, TR415, TR413). Anything else is marked here, and readers fall back to the facts.
    irregular = models.BooleanField(_("irregular"), default=False)

    class Meta:
        verbose_name = _("care episode")
        verbose_name_plural = _("care episodes")
        constraints = [models.UniqueConstraint(*_EPISODE_KEY, name="unique_care_episode")]

    def __str__(self) -> str:
        return f"episode {self.begindatum} - {self.einddatum or '…'}"
