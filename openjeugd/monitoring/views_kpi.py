"""Screens of the region's KPI/KRI (seed 003 §10.3) and their narratives (seed 000 §13):
reads for VIEW_REGION_FIGURES, writes for MANAGE_MONITORING, all of the own region (another
region's objects answer 404). Each write view validates its form, calls one service and puts
the service's refusal on the field it names."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openjeugd.accounts import policy
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.core.forms import saved
from openjeugd.monitoring import kpi, services
from openjeugd.monitoring import selectors_kpi as selectors
from openjeugd.monitoring.forms_kpi import (
    GoalForm,
    IndicatorForm,
    LinkForm,
    NarrativeForm,
    PeriodChoiceForm,
    TargetForm,
)


def default_period(today) -> str:
    """The last complete quarter: what the quarterly monitoringoverleg discusses (seed 000
    §13 "Dit overleg is 1x per kwartaal")."""
    first_of_quarter = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
    return kpi.quarter_of(first_of_quarter - timedelta(days=1))


def chosen_period(request) -> tuple[PeriodChoiceForm, str]:
    today = timezone.localdate()
    form = PeriodChoiceForm(request.GET or {"periode": default_period(today)})
    if form.is_valid():
        return form, form.cleaned_data["periode"]
    return form, default_period(today)


def _form_page(request, form, title, back_url, **extra):
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/kpi_form.html",
                  {"form": form, "title": title, "back_url": back_url, **extra}, status=status)


@requires(Perm.VIEW_REGION_FIGURES)
def kpi_list(request):
    form, period = chosen_period(request)
    evaluations = selectors.evaluate(request.user, period, today=timezone.localdate())
    return render(request, "monitoring/kpi_list.html", {
        "form": form, "period": period, "previous": kpi.previous(period),
        "levels": selectors.by_level(evaluations),
        "may_manage": policy.has_perm(request.user, Perm.MANAGE_MONITORING),
        "status_counts": _counts(evaluations),
    }, status=200 if form.is_valid() else 400)


def _counts(evaluations) -> dict:
    counts = {}
    for evaluation in evaluations:
        counts[evaluation.status] = counts.get(evaluation.status, 0) + 1
    return counts


@requires(Perm.VIEW_REGION_FIGURES)
def indicator_detail(request, pk):
    indicator = selectors.indicator_for(request.user, pk)
    form, period = chosen_period(request)
    [evaluation] = selectors.evaluate(request.user, period, today=timezone.localdate(),
                                      indicators=[indicator])
    return render(request, "monitoring/kpi_detail.html", {
        "indicator": indicator, "form": form, "period": period, "evaluation": evaluation,
        "targets": selectors.targets_of(indicator),
        "narratives": selectors.narratives_of(request.user, indicator=indicator),
        "links_up": indicator.links_up.select_related("parent", "goal"),
        "links_down": indicator.links_down.select_related("indicator"),
        "may_manage": policy.has_perm(request.user, Perm.MANAGE_MONITORING),
    })


@requires(Perm.MANAGE_MONITORING)
def indicator_create(request):
    region = request.user.region
    form = IndicatorForm(request.POST or None, region=region)
    indicator = saved(request, form, lambda data: services.create_indicator(
        user=request.user, region=region, **data))
    if indicator:
        messages.success(request, _("Indicator %(code)s created.") % {"code": indicator.code})
        return redirect("monitoring:kpi-detail", indicator.pk)
    return _form_page(request, form, _("New KPI or KRI"), _url("monitoring:kpi-list"))


@requires(Perm.MANAGE_MONITORING)
def indicator_edit(request, pk):
    indicator = selectors.indicator_for(request.user, pk)
    initial = {key: getattr(indicator, key) for key in (
        "code", "name", "kind", "level", "figure", "direction", "task_area", "municipality",
        "description")}
    form = IndicatorForm(request.POST or None, initial=initial, region=indicator.region)
    if saved(request, form, lambda data: services.update_indicator(
            user=request.user, indicator=indicator, **data)):
        messages.success(request, _("Indicator %(code)s saved.") % {"code": indicator.code})
        return redirect("monitoring:kpi-detail", indicator.pk)
    return _form_page(request, form, _("Change %(code)s") % {"code": indicator.code},
                      _url("monitoring:kpi-detail", indicator.pk))


@requires(Perm.MANAGE_MONITORING)
def target_set(request, pk):
    indicator = selectors.indicator_for(request.user, pk)
    period = chosen_period(request)[1]
    form = TargetForm(request.POST or None, initial={"period": period})
    target = saved(request, form, lambda data: services.set_target(
        user=request.user, indicator=indicator, **data))
    if target:
        messages.success(request, _("Target for %(period)s saved.") % {"period": target.period})
        return redirect(_url("monitoring:kpi-detail", indicator.pk) + f"?periode={target.period}")
    return _form_page(request, form, _("Target of %(code)s") % {"code": indicator.code},
                      _url("monitoring:kpi-detail", indicator.pk), indicator=indicator)


@require_POST
@requires(Perm.MANAGE_MONITORING)
def target_remove(request, pk):
    target = selectors.target_for(request.user, pk)
    indicator_pk = target.indicator_id
    services.remove_target(user=request.user, target=target)
    messages.success(request, _("Target removed."))
    return redirect("monitoring:kpi-detail", indicator_pk)


@requires(Perm.MANAGE_MONITORING)
def narrative_add(request, pk):
    indicator = selectors.indicator_for(request.user, pk)
    period = chosen_period(request)[1]
    form = NarrativeForm(request.POST or None, initial={"period": period},
                         region=indicator.region)
    narrative = saved(request, form, lambda data: services.add_narrative(
        user=request.user, indicator=indicator, **data))
    if narrative:
        messages.success(request, _("Narrative added."))
        return redirect(_url("monitoring:kpi-detail", indicator.pk)
                        + f"?periode={narrative.period}")
    return _form_page(request, form, _("Narrative for %(code)s") % {"code": indicator.code},
                      _url("monitoring:kpi-detail", indicator.pk), indicator=indicator)


@requires(Perm.MANAGE_MONITORING)
def link_add(request, pk):
    indicator = selectors.indicator_for(request.user, pk)
    form = LinkForm(request.POST or None, indicator=indicator)
    if saved(request, form, lambda data: services.link(
            user=request.user, indicator=indicator, **data)):
        messages.success(request, _("Link added to the strategy map."))
        return redirect("monitoring:kpi-map")
    return _form_page(request, form, _("Link %(code)s in the strategy map")
                      % {"code": indicator.code},
                      _url("monitoring:kpi-detail", indicator.pk), indicator=indicator)


@require_POST
@requires(Perm.MANAGE_MONITORING)
def link_remove(request, pk):
    services.unlink(user=request.user, link=selectors.link_for(request.user, pk))
    messages.success(request, _("Link removed from the strategy map."))
    return redirect("monitoring:kpi-map")


@requires(Perm.MANAGE_MONITORING)
def goal_create(request):
    region = request.user.region
    form = GoalForm(request.POST or None)
    if saved(request, form, lambda data: services.create_goal(
            user=request.user, region=region, **data)):
        messages.success(request, _("Strategic goal added."))
        return redirect("monitoring:kpi-map")
    return _form_page(request, form, _("New strategic goal"), _url("monitoring:kpi-map"))


@requires(Perm.VIEW_REGION_FIGURES)
def strategy_map(request):
    form, period = chosen_period(request)
    evaluations = selectors.evaluate(request.user, period, today=timezone.localdate())
    return render(request, "monitoring/kpi_map.html", {
        "form": form, "period": period, "map": selectors.strategy_map(request.user, evaluations),
        "links": selectors.links_of(request.user),
        "may_manage": policy.has_perm(request.user, Perm.MANAGE_MONITORING),
    })


def _url(name, *args) -> str:
    return reverse(name, args=args)
