"""The contract manager's read screens (Perm.VIEW_CONTRACTS): contracts, the ceiling overview
with its charts (data: images in the page, one computation per page) and exports, one ceiling
per municipality and provider, and what lies behind its figures. Objects come through
selectors_screens, so another region's answer 404."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy

from openjeugd.accounts import policy
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.contracts import budget, charts, conversion, exports
from openjeugd.contracts import selectors_screens as screens
from openjeugd.contracts.selectors_screens import get_in

SECTION_TITLES = {"region": gettext_lazy("Region"),
                  "municipality": gettext_lazy("Per municipality"),
                  "provider": gettext_lazy("Per provider"),
                  "other": gettext_lazy("Lots, products and segments")}


# The sections whose ceilings may plan beds (models.budgets.PLANNED_BEDS_LEVELS).
BED_SECTIONS = ("region", "other")


def _can_manage(request) -> bool:
    return policy.has_perm(request.user, Perm.MANAGE_CONTRACTS)


def _overview(request):
    year = screens.year_from(request.GET.get("year"))
    return screens.ceiling_overview(request.user.region, year)


# --- contracts ----------------------------------------------------------------------------------

@requires(Perm.VIEW_CONTRACTS)
def contract_list(request):
    contracts = screens.prefetched_contracts(screens.contracts_of(request.user))
    return render(request, "contracts/contract_list.html", {
        "contracts": contracts, "can_manage": _can_manage(request)})


@requires(Perm.VIEW_CONTRACTS)
def contract_detail(request, pk):
    contract = get_in(screens.contracts_of(request.user), pk)
    year = screens.year_from(request.GET.get("year"))
    return render(request, "contracts/contract_detail.html", {
        "view": screens.contract_view(contract), "contract": contract, "year": year,
        "ceilings": screens.contract_ceilings(contract, year),
        "can_manage": _can_manage(request)})


# --- ceilings -----------------------------------------------------------------------------------

@requires(Perm.VIEW_CONTRACTS)
def ceiling_overview(request):
    overview = _overview(request)
    sections = []
    for key, _levels, rows in overview.sections:
        if rows:
            title = str(SECTION_TITLES[key])
            sections.append((key, title, rows,
                             charts.ceilings_chart(f"{title} {overview.year}", rows),
                             key in BED_SECTIONS))
    return render(request, "contracts/ceiling_overview.html", {
        "overview": overview, "sections": sections, "can_manage": _can_manage(request)})


@requires(Perm.VIEW_CONTRACTS)
def ceiling_export_xlsx(request):
    return exports.response(_overview(request), "xlsx")


@requires(Perm.VIEW_CONTRACTS)
def ceiling_export_pdf(request):
    return exports.response(_overview(request), "pdf")


@requires(Perm.VIEW_CONTRACTS)
def ceiling_detail(request, pk):
    ceiling = get_in(screens.ceilings_of(request.user), pk)
    # Per municipality and per provider: a chart (when there are shares) beside its table.
    splits = [(by, shares, shares and charts.shares_chart(str(SECTION_TITLES[by]), shares))
              for by, shares in screens.breakdown(ceiling).items()]
    return render(request, "contracts/ceiling_detail.html", {
        "ceiling": ceiling, "row": screens.row_of(budget.ceiling_figures(ceiling)),
        "splits": splits, "can_manage": _can_manage(request)})


@requires(Perm.VIEW_CONTRACTS)
def ceiling_drilldown(request, pk):
    ceiling = get_in(screens.ceilings_of(request.user), pk)
    behind = screens.drilldown(request.user, ceiling, purpose=Purpose.CEILING_DRILLDOWN,
                               request=request)
    return render(request, "contracts/ceiling_drilldown.html", {
        "ceiling": ceiling, "behind": behind})


# --- conversion tables --------------------------------------------------------------------------

@requires(Perm.VIEW_CONTRACTS)
def conversion_list(request):
    return render(request, "contracts/conversion_list.html", {
        "tables": screens.conversion_tables_of(request.user).prefetch_related(
            "rules__new_product"),
        "runs": screens.conversion_runs_of(request.user)[:20],
        "can_manage": _can_manage(request)})


@requires(Perm.VIEW_CONTRACTS)
def conversion_run(request, pk):
    run = get_in(screens.conversion_runs_of(request.user), pk)
    return render(request, "contracts/conversion_run.html", {
        "run": run, "report": conversion.report(run),
        "lines": run.lines.select_related("new_product", "toewijzing")})
