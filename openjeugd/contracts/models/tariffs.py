"""Tariffs: a price per unit of a product under a contract, for a period.

A tariff is never edited once in use: a new period (an indexation, a renegotiation) is a new
row, so the rows of a product are its tariff history. ``provider`` empty means the tariff holds
for every partner of the contract; a provider's own tariff takes precedence over it.
Overlapping periods are refused by services.set_tariff inside a transaction that locks the
product row (select_for_update), on SQLite and PostgreSQL alike.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from openjeugd.ijw.codec.codes import EENHEID


class Tariff(models.Model):
    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT,
                                 related_name="tariffs", verbose_name=_("contract"))
    product = models.ForeignKey("contracts.Product", on_delete=models.PROTECT,
                                related_name="tariffs", verbose_name=_("product"))
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT, null=True,
                                 blank=True, related_name="tariffs", verbose_name=_("provider"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    # The product's eenheid, repeated so a tariff states what it is a price of; a mismatch is
    # refused by the service.
    eenheid = models.CharField(_("unit (WJ756)"), max_length=2, choices=sorted(EENHEID.items()))
    # Euros per unit to the cent: ProductTarief in a JW323 is a whole number of eurocents.
    amount = models.DecimalField(_("tariff"), max_digits=12, decimal_places=2)
    # Indexation: the tariff this one was derived from and the percentage applied.
    indexed_from = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("indexed from"))
    index_percentage = models.DecimalField(_("indexation (%)"), max_digits=6, decimal_places=3,
                                           null=True, blank=True)

    class Meta:
        ordering = ["product", "provider", "valid_from"]
        verbose_name = _("tariff")
        verbose_name_plural = _("tariffs")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="tariff_not_negative"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="tariff_period_ordered"),
            models.UniqueConstraint(fields=["contract", "product", "provider", "valid_from"],
                                    name="unique_tariff_start",
                                    condition=Q(provider__isnull=False)),
            models.UniqueConstraint(fields=["contract", "product", "valid_from"],
                                    name="unique_contract_wide_tariff_start",
                                    condition=Q(provider__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.product} {self.amount} ({self.valid_from}–{self.valid_until or ''})"

    def covers(self, day) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)
