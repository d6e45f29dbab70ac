"""Forms of the KPI/KRI screens. They parse input; the rules are the services', whose errors
the views put back on the field they name. Every choice is limited to the user's region."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openjeugd.monitoring import kpi
from openjeugd.monitoring.models import Goal, Indicator
from openjeugd.registry.models import Municipality

PERIOD_HELP = _("A month (2026-03), a quarter (2026-Q1) or a half year (2026-H1).")


def _figure_choices():
    return [(key, _(figure.label)) for key, figure in kpi.FIGURES.items()]


class PeriodChoiceForm(forms.Form):
    periode = forms.CharField(label=_("Period"), max_length=7, help_text=PERIOD_HELP)

    def clean_periode(self):
        try:
            return kpi.period(self.cleaned_data["periode"].strip()).label
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class IndicatorForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Indicator.Kind.choices)
    level = forms.ChoiceField(label=_("Level"), choices=Indicator.Level.choices)
    figure = forms.ChoiceField(label=_("Figure it reads"), choices=_figure_choices)
    direction = forms.ChoiceField(
        label=_("Direction"), required=False,
        choices=[("", _("as usual for this figure")), *Indicator.Direction.choices])
    task_area = forms.ModelChoiceField(label=_("Task area"), required=False, queryset=None)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), required=False, queryset=Municipality.objects.none(),
        to_field_name="code", help_text=_("Empty: the figure of the whole region."))
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        # contracts' TaskArea through the model's relation: monitoring imports no contracts.
        task_areas = Indicator._meta.get_field("task_area").related_model.objects
        self.fields["task_area"].queryset = task_areas.filter(region=region)
        self.fields["municipality"].queryset = Municipality.objects.filter(region=region)


class TargetForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=7, help_text=PERIOD_HELP)
    target = forms.DecimalField(label=_("Target value"), max_digits=14, decimal_places=2)
    signal = forms.DecimalField(
        label=_("Signal threshold"), max_digits=14, decimal_places=2, required=False,
        help_text=_("Required for a KRI: the value, worse than the target, at which the risk "
                    "is signalled."))
    source = forms.CharField(label=_("Source of the target"), max_length=200, required=False,
                             help_text=_("E.g. the decision that set it."))


class NarrativeForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=7, help_text=PERIOD_HELP)
    municipality = forms.ModelChoiceField(label=_("Municipality"), required=False,
                                          queryset=Municipality.objects.none(),
                                          to_field_name="code",
                                          help_text=_("Empty: about the whole figure."))
    text = forms.CharField(
        label=_("Narrative"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The story behind the figure: what happened, what it means, what we do. "
                    "No names or BSNs."))

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(region=region)


class GoalForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class LinkForm(forms.Form):
    parent = forms.ModelChoiceField(label=_("Contributes to indicator"), required=False,
                                    queryset=Indicator.objects.none())
    goal = forms.ModelChoiceField(label=_("Contributes to strategic goal"), required=False,
                                  queryset=Goal.objects.none())

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Indicator.objects.filter(
            region_id=indicator.region_id).exclude(pk=indicator.pk)
        self.fields["goal"].queryset = Goal.objects.filter(region_id=indicator.region_id)
