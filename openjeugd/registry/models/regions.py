from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openjeugd.registry.validators import validate_gemeentecode


class Region(models.Model):
    """A jeugdregio: the municipalities that commission specialised youth care together."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("youth-care region")
        verbose_name_plural = _("youth-care regions")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(
        _("gemeentecode"), max_length=4, unique=True, validators=[validate_gemeentecode],
        help_text=_("CBS gemeentecode, 4 digits."),
    )
    name = models.CharField(_("name"), max_length=100)
    province = models.CharField(_("province"), max_length=50)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    population_total = models.PositiveIntegerField(
        _("population"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    population_0_17 = models.PositiveIntegerField(
        _("population aged 0-17"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    # Rates and cost-sharing keys use population; say where a figure comes from so nobody
    # mistakes a demo estimate for a CBS figure.
    population_source = models.CharField(
        _("population source"), max_length=200, blank=True,
        help_text=_("Where the population figures come from, e.g. 'CBS 2025' or 'demo estimate'."),
    )
    population_is_estimate = models.BooleanField(_("population is a demo estimate"), default=False)
    active = models.BooleanField(
        _("active"), default=True,
        help_text=_("False once a municipality no longer exists after a redivision."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"
