"""Current care state per client, derived only from messages (each row links its message)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Toewijzing(models.Model):
    """The current state of one assigned product (ToewijzingNummer per municipality)."""

    municipality = models.ForeignKey(
        "registry.Municipality", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    provider = models.ForeignKey(
        "registry.Provider", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    youth = models.ForeignKey("registry.Youth", on_delete=models.PROTECT,
                              related_name="toewijzingen")
    toewijzing_nummer = models.CharField(_("toewijzingnummer"), max_length=20)
    referentie_aanbieder = models.CharField(max_length=40, blank=True)
    product_categorie = models.CharField(_("product category"), max_length=2, blank=True)
    product_code = models.CharField(_("product code"), max_length=5, blank=True)
    toewijzing_datum_tijd = models.DateTimeField(_("assigned at"))
    ingangsdatum = models.DateField(_("start date"))
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    reden_wijziging = models.CharField(_("reason for change"), max_length=2, blank=True)
    volume = models.PositiveIntegerField(_("volume"), null=True, blank=True)
    eenheid = models.CharField(_("unit"), max_length=2, blank=True)
    frequentie = models.CharField(_("frequency"), max_length=1, blank=True)
    budget = models.DecimalField(_("budget"), max_digits=12, decimal_places=2, null=True,
                                 blank=True)
    message = models.ForeignKey("ijw.Message", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-ingangsdatum"]
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "toewijzing_nummer"],
                                    name="unique_toewijzing_per_municipality")
        ]

    def __str__(self) -> str:
        return f"{self.toewijzing_nummer} {self.product_categorie}/{self.product_code}"

    @property
    def withdrawn(self) -> bool:
        # JZ002 code 01 (administratieve correctie) with einddatum = ingangsdatum, or
        # einddatum before ingangsdatum, means the assignment was withdrawn (ingetrokken).
        return self.einddatum is not None and self.einddatum < self.ingangsdatum

    def covers(self, first, last) -> bool:
        end = self.einddatum
        return first >= self.ingangsdatum and (end is None or last <= end)


class ToewijzingVersion(models.Model):
    """History: every JW301 product line as it arrived, oldest first."""

    toewijzing = models.ForeignKey(Toewijzing, on_delete=models.CASCADE,
                                   related_name="versions")
    ingangsdatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    reden_wijziging = models.CharField(max_length=2, blank=True)
    volume = models.PositiveIntegerField(null=True, blank=True)
    eenheid = models.CharField(max_length=2, blank=True)
    frequentie = models.CharField(max_length=1, blank=True)
    budget = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    message = models.ForeignKey("ijw.Message", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.toewijzing} ({self.reden_wijziging or '-'})"


class Delivery(models.Model):
    """Shared by start and stop. Taakgericht care has no toewijzing: then only the youth,
    provider, municipality and product category say what the message is about."""

    toewijzing = models.ForeignKey(Toewijzing, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="%(class)ss")
    youth = models.ForeignKey("registry.Youth", on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT,
                                 related_name="+")
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     related_name="+")
    product_categorie = models.CharField(_("product category"), max_length=2, blank=True)
    product_code = models.CharField(_("product code"), max_length=5, blank=True)

    class Meta:
        abstract = True


class Start(Delivery):
    begindatum = models.DateField(_("start of care"))
    message = models.ForeignKey("ijw.Message", on_delete=models.PROTECT, related_name="+")
    # iJw OP033: a correction is a deletion (StatusAanlevering 3) followed by a new message.
    deleted_by = models.ForeignKey("ijw.Message", on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")

    class Meta:
        ordering = ["begindatum", "id"]
        verbose_name = _("start of care")
        verbose_name_plural = _("starts of care")

    def __str__(self) -> str:
        return f"start {self.begindatum}"


class Stop(Delivery):
    begindatum = models.DateField(_("start of care"))
    einddatum = models.DateField(_("end of care"))
    reden_beeindiging = models.CharField(_("reason for ending"), max_length=2)
    message = models.ForeignKey("ijw.Message", on_delete=models.PROTECT, related_name="+")
    deleted_by = models.ForeignKey("ijw.Message", on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")

    class Meta:
        ordering = ["einddatum", "id"]
        verbose_name = _("end of care")
        verbose_name_plural = _("ends of care")

    def __str__(self) -> str:
        return f"stop {self.einddatum} ({self.reden_beeindiging})"
