"""The region's product catalogue and the old-to-new product conversion table."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from openjeugd.contracts.cbs import HULPVORM, ONE_TO_ONE
from openjeugd.ijw.codec.codes import EENHEID, PRODUCTCATEGORIE


class FundingModel(models.TextChoices):
    # The seven ways of issue #9; the calculations live in contracts/funding/.
    PXQ = "pxq", _("P×Q, effort-based")
    OUTPUT = "output", _("output / trajectory")
    LUMP_SUM = "lump_sum", _("task-based lump sum")
    AVAILABILITY = "availability", _("availability")
    INTENSITY = "intensity", _("intensity model")
    PROFILE = "profile", _("profile × intensity")
    TOTAL_BUDGET = "total_budget", _("annual total budget")


class Uitvoeringsvariant(models.TextChoices):
    # ../shared/ijw/Toewijzingsvarianten_inspanning-output.md
    INSPANNINGSGERICHT = "inspanningsgericht", _("effort-based (inspanningsgericht)")
    OUTPUTGERICHT = "outputgericht", _("output-based (outputgericht)")
    TAAKGERICHT = "taakgericht", _("task-based (taakgericht)")


def _hulpvorm_fits_category() -> Q:
    fixed = Q(cbs_hulpvorm="")
    for categorie, hulpvorm in ONE_TO_ONE.items():
        fixed |= Q(product_categorie=categorie, cbs_hulpvorm=hulpvorm)
    return ~Q(product_categorie__in=list(ONE_TO_ONE)) | fixed


class Product(models.Model):
    """A product the region buys, as it appears in the iJw messages (categorie + code). A blank
    product code is the category as a whole (taakgericht care is assigned per category)."""

    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT,
                               related_name="products", verbose_name=_("region"))
    product_categorie = models.CharField(_("product category (JZ020)"), max_length=2,
                                         choices=sorted(PRODUCTCATEGORIE.items()))
    product_code = models.CharField(_("product code"), max_length=5, blank=True)
    name = models.CharField(_("name"), max_length=200)
    eenheid = models.CharField(_("unit (WJ756)"), max_length=2, choices=sorted(EENHEID.items()))
    uitvoeringsvariant = models.CharField(_("uitvoeringsvariant"), max_length=20,
                                          choices=Uitvoeringsvariant.choices)
    funding_model = models.CharField(_("funding model"), max_length=20,
                                     choices=FundingModel.choices)
    task_area = models.ForeignKey("contracts.TaskArea", on_delete=models.PROTECT, null=True,
                                  blank=True, related_name="products",
                                  verbose_name=_("task area"))
    # Only for categories other than 31-38 (those map one to one, cbs.ONE_TO_ONE).
    cbs_hulpvorm = models.CharField(_("CBS hulpvorm"), max_length=2, blank=True,
                                    choices=sorted(HULPVORM.items()))

    class Meta:
        ordering = ["region", "product_categorie", "product_code"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        constraints = [
            models.UniqueConstraint(fields=["region", "product_categorie", "product_code"],
                                    name="unique_product_per_region"),
            models.CheckConstraint(condition=_hulpvorm_fits_category(),
                                   name="product_hulpvorm_fits_category"),
        ]

    def __str__(self) -> str:
        return f"{self.product_categorie}{self.product_code or ''} {self.name}"


class ConversionTable(models.Model):
    """A vertaaltabel (seed 003, "VERTAALTABEL WAS WORDT"): old product codes and what replaces
    them from ``effective_date``."""

    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT,
                               related_name="conversion_tables", verbose_name=_("region"))
    name = models.CharField(_("name"), max_length=200)
    effective_date = models.DateField(_("effective date"))

    class Meta:
        ordering = ["region", "-effective_date"]
        verbose_name = _("conversion table")
        verbose_name_plural = _("conversion tables")
        constraints = [models.UniqueConstraint(fields=["region", "name"],
                                               name="unique_conversion_table_name")]

    def __str__(self) -> str:
        return self.name


class ConversionRule(models.Model):
    """One WAS -> WORDT line. An old code "(gedeeltelijk)" split over several new products has
    one rule per new product with its ``share`` of the volume (the shares of an old code add
    up to 1). Transport codes name their distance band (seed 003: "Vervoer rolstoel 20-39 km")."""

    table = models.ForeignKey(ConversionTable, on_delete=models.CASCADE, related_name="rules")
    old_categorie = models.CharField(_("old product category"), max_length=2)
    old_code = models.CharField(_("old product code"), max_length=5, blank=True)
    new_product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("new product"))
    share = models.DecimalField(_("share of the volume"), max_digits=5, decimal_places=4,
                                default=1)
    distance_from_km = models.PositiveSmallIntegerField(_("distance from (km)"), null=True,
                                                        blank=True)
    distance_to_km = models.PositiveSmallIntegerField(_("distance to (km)"), null=True,
                                                      blank=True)

    class Meta:
        ordering = ["table", "old_categorie", "old_code", "id"]
        verbose_name = _("conversion rule")
        verbose_name_plural = _("conversion rules")
        constraints = [
            models.UniqueConstraint(fields=["table", "old_categorie", "old_code", "new_product"],
                                    name="unique_conversion_rule"),
            models.CheckConstraint(condition=Q(share__gt=0, share__lte=1),
                                   name="conversion_share_between_0_and_1"),
            models.CheckConstraint(
                condition=Q(distance_to_km__isnull=True) | Q(distance_from_km__isnull=True)
                | Q(distance_to_km__gte=models.F("distance_from_km")),
                name="conversion_distance_band_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.old_categorie}{self.old_code} -> {self.new_product}"


class ConversionRun(models.Model):
    """The report of one application of a conversion table to the running toewijzingen."""

    table = models.ForeignKey(ConversionTable, on_delete=models.PROTECT, related_name="runs")
    run_at = models.DateTimeField(_("run at"), auto_now_add=True)
    on_date = models.DateField(_("toewijzingen running on"))

    class Meta:
        ordering = ["-run_at"]
        verbose_name = _("conversion run")
        verbose_name_plural = _("conversion runs")

    def __str__(self) -> str:
        return f"{self.table} {self.on_date}"


class ToewijzingConversion(models.Model):
    """What the run decided for one running toewijzing. The toewijzing itself is an iJw fact
    and is not rewritten here: the municipality sends new JW301s where it chooses to; until
    then the toewijzing is declared, and valued in budgets, on its old product."""

    class Outcome(models.TextChoices):
        CONVERTED = "converted", _("converted to one new product")
        SPLIT = "split", _("split over several new products")
        NO_RULE = "no_rule", _("no rule for the old code: unchanged")

    run = models.ForeignKey(ConversionRun, on_delete=models.CASCADE, related_name="lines")
    toewijzing = models.ForeignKey("ijw.Toewijzing", on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    new_product = models.ForeignKey(Product, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    new_volume = models.DecimalField(_("new volume"), max_digits=12, decimal_places=2,
                                     null=True, blank=True)

    class Meta:
        ordering = ["run", "toewijzing", "id"]
        verbose_name = _("converted toewijzing")
        verbose_name_plural = _("converted toewijzingen")
        constraints = [models.UniqueConstraint(
            fields=["run", "toewijzing", "new_product"], name="unique_conversion_line",
            condition=Q(new_product__isnull=False))]

    def __str__(self) -> str:
        return f"{self.toewijzing_id}: {self.outcome}"
