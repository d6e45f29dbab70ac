from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from openjeugd.monitoring.cbs.periods import half_year

MAX_YEARS = 10


def default_period(today: date) -> tuple[date, date]:
    """The current half year and the three before it."""
    last = half_year(today).last
    first = half_year(half_year(today).first - timedelta(days=1))
    first = half_year(first.first - timedelta(days=1))
    first = half_year(first.first - timedelta(days=1))
    return first.first, last


class PeriodForm(forms.Form):
    van = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Up to and including"),
                          widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        first, last = data.get("van"), data.get("tot")
        if first and last:
            if last < first:
                raise ValidationError(_("The end of the period lies before its start."))
            if (last - first).days > 366 * MAX_YEARS:
                raise ValidationError(_("Choose a period of at most %(years)s years.")
                                      % {"years": MAX_YEARS})
        return data
