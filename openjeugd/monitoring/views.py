from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.monitoring import cache, charts, kpi, reports, selectors_kpi, views_themes
from openjeugd.monitoring.forms import PeriodForm, default_period
from openjeugd.registry.models import Municipality


@requires(Perm.VIEW_REGION_FIGURES)
def dashboard(request):
    """Trajectories started and ended per half year and per municipality: figures of the
    user's region (no personal data), each chart with its table. Tables and charts come from
    the figures alone and are kept with them (monitoring.cache)."""
    today = timezone.localdate()
    form, first, last = _period(request, today)
    region = request.user.region
    shown = cache.derived(request.user, region, first, last, today=today, name="dashboard",
                          build=lambda figures: _drawn(_dashboard(figures, region)))
    return render(request, "monitoring/dashboard.html", {**shown, "form": form})


def _drawn(context: dict) -> dict:
    # Everything below the period form depends on the figures alone: drawn once with them.
    return {**context, "figures_html": render_to_string("monitoring/_dashboard_figures.html",
                                                        context)}


def _dashboard(figures: dict, region) -> dict:
    periods = figures["perioden"]
    latest = periods[-1]["periode"] if periods else None
    municipalities = _municipality_rows(figures["per_gemeente"].get(latest, {}))
    steering = figures["sturing"]["regio"]
    process = _process_rows(figures["processen"])
    names = dict(Municipality.objects.filter(region=region).values_list("code", "name"))
    return {
        **views_themes.context(figures, names),
        "figures": figures, "periods": periods, "latest": latest,
        "municipalities": municipalities, "steering": steering,
        "referrers": periods[-1]["jeugdigen_per_verwijzer"] if periods else {},
        "process": process,
        "provider_chart": charts.bars(
            _("Granted per provider (top 10, €)"),
            [row["naam"] for row in steering["top_aanbieders"]],
            [(_("granted"), [_chart_amount(row["toegekend"])
                             for row in steering["top_aanbieders"]])]),
        "process_chart": charts.bars(
            _("Messages answered on time (%)"), [row["label"] for row in process],
            [(_("on time"), [_chart_amount(row["op_tijd"]["percentage"]) for row in process])]),
        "period_chart": charts.bars(
            _("Trajectories per half year"), [p["periode"] for p in periods],
            [(_("started"), [p["gestart"] for p in periods]),
             (_("ended"), [p["beeindigd"] for p in periods])]),
        "municipality_chart": charts.bars(
            _("Trajectories per municipality"), [row["name"] for row in municipalities],
            [(_("started"), [row["gestart"] for row in municipalities]),
             (_("ended"), [row["beeindigd"] for row in municipalities])]),
    }


REPORT_TYPES = {"pdf": "application/pdf",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@requires(Perm.VIEW_REGION_FIGURES)
def report(request, kind):
    """The monitoring report for the chosen period (default: the dashboard's), as PDF or
    Excel, from the same selector as the dashboard. A bad period is refused, not widened."""
    if kind not in REPORT_TYPES:
        raise Http404
    today = timezone.localdate()
    form, first, last = _period(request, today)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(" ".join(
            f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()))
    figures = cache.indicators_for(request.user, request.user.region, first, last,
                                   today=today)
    names = dict(Municipality.objects.filter(region=request.user.region)
                 .values_list("code", "name"))
    kpis = _kpis(request.user, last, today)
    if kind == "pdf":
        content = reports.pdf(reports.html(figures, municipalities=names, kpis=kpis))
    else:
        content = reports.xlsx(figures, municipalities=names, kpis=kpis)
    response = HttpResponse(content, content_type=REPORT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{reports.filename(figures, kind)}"'
    return response


def _kpis(user, last, today) -> list[dict]:
    """The region's KPIs/KRIs for the quarter the report's period ends in (seed 000: the
    quarterly monitoringoverleg), with that quarter's narratives."""
    return [evaluation.as_dict() for evaluation in selectors_kpi.evaluate(
        user, kpi.quarter_of(last), today=today)]


def _period(request, today):
    first, last = default_period(today)
    form = PeriodForm(request.GET or None, initial={"van": first, "tot": last})
    if form.is_bound and form.is_valid():
        first, last = form.cleaned_data["van"], form.cleaned_data["tot"]
    return form, first, last


PROCESS_LABELS = {
    "retour": _lazy("Returns by the region (3 working days)"),
    "retour_aanbieders": _lazy("Returns by providers (3 working days)"),
    "antwoord_verzoek": _lazy("Answers to requests (5 working days)"),
    "declaratie_antwoord": _lazy("Declaration answers (10 working days)"),
}


def _process_rows(per_kind: dict) -> list[dict]:
    return [{"kind": kind, "label": str(PROCESS_LABELS[kind]), **row}
            for kind, row in per_kind.items()]


def _chart_amount(text: str | None) -> float | None:
    # Drawing only: the tables show the exact Decimal figures.
    return None if text is None else float(text)


def _municipality_rows(per_code: dict) -> list[dict]:
    names = dict(Municipality.objects.filter(code__in=per_code).values_list("code", "name"))
    return [{"code": code, "name": names.get(code, code), "gestart": row.get("gestart", 0),
             "beeindigd": row.get("beeindigd", 0), "trajecten": row.get("trajecten", 0)}
            for code, row in per_code.items()]
