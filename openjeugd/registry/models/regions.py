from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
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
    """A gemeente as in the CBS division; kept (inactive) after a merger because history
    refers to it."""

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

    def clean(self) -> None:
        total, young = self.population_total, self.population_0_17
        if total is not None and young is not None and young > total:
            raise ValidationError(
                {"population_0_17": _("Population aged 0-17 cannot exceed the total population.")}
            )
        if (total is not None or young is not None) and not self.population_source.strip():
            raise ValidationError(
                {"population_source": _("Say where the population figures come from.")}
            )


class Division(models.Model):
    """One load of the CBS municipal division (gemeentelijke indeling) per 1 January of a year."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    source = models.CharField(_("source"), max_length=200)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)
    created = models.PositiveIntegerField(_("municipalities created"), default=0)
    updated = models.PositiveIntegerField(_("municipalities updated"), default=0)
    deactivated = models.PositiveIntegerField(_("municipalities deactivated"), default=0)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("municipal division")
        verbose_name_plural = _("municipal divisions")

    def __str__(self) -> str:
        return str(_("Municipal division %(year)s") % {"year": self.year})
