from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openjeugd.registry.validators import validate_bsn


class Youth(models.Model):
    """A jeugdige (client). Personal data: read only through accounts.policy."""

    class Geslacht(models.TextChoices):
        # COD046
        ONBEKEND = "0", _("unknown")
        MAN = "1", _("male")
        VROUW = "2", _("female")

    bsn = models.CharField(_("BSN"), max_length=9, validators=[validate_bsn])
    birth_date = models.DateField(_("date of birth"))
    geslacht = models.CharField(
        _("gender"), max_length=1, choices=Geslacht.choices, default=Geslacht.ONBEKEND
    )
    initials = models.CharField(_("initials"), max_length=10, blank=True)
    surname = models.CharField(_("surname"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "registry.Municipality", on_delete=models.PROTECT, related_name="youths",
        verbose_name=_("municipality of residence"),
        help_text=_("The municipality responsible under the woonplaatsbeginsel."),
    )

    class Meta:
        ordering = ["surname", "bsn"]
        verbose_name = _("youth")
        verbose_name_plural = _("youths")
        # Each municipality keeps its own record of a client: the same BSN can be a client of
        # two municipalities, and no message of one can change the other's record.
        constraints = [
            models.UniqueConstraint(fields=["bsn", "municipality"],
                                    name="one_youth_record_per_municipality"),
        ]

    def __str__(self) -> str:
        # Never the BSN in a string representation: it ends up in logs and admin history.
        return f"{self.initials} {self.surname}".strip() or f"#{self.pk}"

    def clean(self) -> None:
        if self.birth_date and self.birth_date > timezone.localdate():
            raise ValidationError({"birth_date": _("Date of birth cannot be in the future.")})
