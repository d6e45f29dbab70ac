from django.db import models
from django.utils.translation import gettext_lazy as _


class Declaratie(models.Model):
    """A JW323 declaration (sum over a declaration period) and the answer it got."""

    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     related_name="declaraties")
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT,
                                 related_name="declaraties")
    declaratie_nummer = models.CharField(_("declaration number"), max_length=20)
    periode_begin = models.DateField(_("period start"))
    periode_eind = models.DateField(_("period end"))
    totaal_ingediend = models.DecimalField(_("total declared"), max_digits=14, decimal_places=2)
    totaal_toegekend = models.DecimalField(_("total granted"), max_digits=14, decimal_places=2,
                                           default=0)
    message = models.ForeignKey("ijw.Message", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-periode_begin"]
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")
        constraints = [
            # TR333: a declaration refused for a used number is not stored, so every stored row
            # holds its number and the constraint needs no condition.
            models.UniqueConstraint(fields=["provider", "declaratie_nummer"],
                                    name="unique_declaratie_nummer_per_provider"),
        ]

    def __str__(self) -> str:
        return f"{self.declaratie_nummer} {self.periode_begin:%Y-%m}"


class Prestatie(models.Model):
    declaratie = models.ForeignKey(Declaratie, on_delete=models.CASCADE,
                                   related_name="prestaties")
    # The declaration's provider, repeated so the database can keep TR314 unique per provider.
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT,
                                 related_name="prestaties")
    youth = models.ForeignKey("registry.Youth", on_delete=models.PROTECT,
                              related_name="prestaties")
    toewijzing = models.ForeignKey("ijw.Toewijzing", on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="prestaties")
    product_referentie = models.CharField(max_length=40)
    # A credit line (negative amount) names the debit line it cancels.
    vorig_product_referentie = models.CharField(max_length=40, blank=True)
    toewijzing_nummer = models.CharField(max_length=20)
    product_categorie = models.CharField(max_length=2)
    product_code = models.CharField(max_length=5)
    begindatum = models.DateField()
    einddatum = models.DateField()
    volume = models.PositiveIntegerField()
    eenheid = models.CharField(max_length=2)
    tarief = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    ingediend = models.DecimalField(max_digits=12, decimal_places=2)
    toegekend = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    retourcodes = models.JSONField(default=list)
    # TR314: the first line with a reference holds it; a later line repeating it is kept as
    # part of the record, refused, and marked as a repeat so it does not hold the reference.
    repeats_reference = models.BooleanField(default=False)

    class Meta:
        ordering = ["begindatum", "id"]
        verbose_name = _("prestatie")
        verbose_name_plural = _("prestaties")
        constraints = [
            models.UniqueConstraint(fields=["provider", "product_referentie"],
                                    condition=models.Q(repeats_reference=False),
                                    name="unique_prestatie_referentie_per_provider"),
        ]

    def __str__(self) -> str:
        return self.product_referentie

    @property
    def granted(self) -> bool:
        return not self.retourcodes
