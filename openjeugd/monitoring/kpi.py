"""KPI/KRI evaluation, pure: the figure a region's indicator reads out of monitoring's
indicator set, its status against the period's target, the trend, and the strategy map's
cycle rule. No Django.

Seed 003 (WBO, §10.3): "de realisatie van KPI's en KRI's, afgezet tegen de doelwaarden. Dit
gebeurt per individueel proces, per taakgebied, per lokaal stelsel van taakgebieden en ook
regionaal"; "Strategiekaart: Inzicht in onderlinge relaties tussen KPI's en de link met
strategische doelen".
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from .cbs.outcome import Ratio

# --- periods: a month, a quarter or a half year ------------------------------------------------
# Seed 000 §13: the implementatieoverleg "maandelijks", the monitoringoverleg "1x per kwartaal";
# the CBS figures are per half year. None straddles a half year, so one period is one entry of
# the indicator set's `perioden`.

_PERIOD = re.compile(r"^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12]))$")


@dataclass(frozen=True)
class KpiPeriod:
    label: str
    first: date
    last: date


def period(label: str) -> KpiPeriod:
    """'2026-03' (month), '2026-Q1' (quarter) or '2026-H1' (half year)."""
    found = _PERIOD.match(label or "")
    if not found:
        raise ValueError("period: write a month (2026-03), a quarter (2026-Q1) or a half year "
                         "(2026-H1).")
    year, month, quarter, half = found.groups()
    year = int(year)
    if month:
        first_month, months = int(month), 1
    elif quarter:
        first_month, months = 3 * int(quarter) - 2, 3
    else:
        first_month, months = 6 * int(half) - 5, 6
    if not 2000 <= year <= 2100:
        raise ValueError("period: the year lies outside 2000-2100.")
    return KpiPeriod(label, date(year, first_month, 1), _month_end(year, first_month + months - 1))


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def previous(label: str) -> str:
    """The period of the same length just before."""
    current = period(label)
    day = date.fromordinal(current.first.toordinal() - 1)
    if len(label) == 7 and label[5] not in "QH":
        return f"{day.year}-{day.month:02d}"
    if label[5] == "Q":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


# --- the figures an indicator may read --------------------------------------------------------

def gettext_noop(text: str) -> str:
    """Marks a label for makemessages (same name as Django's) without importing Django; the
    screens translate it."""
    return text


@dataclass(frozen=True)
class Figure:
    label: str  # English msgid; the screens translate it
    unit: str  # a key of UNITS
    # The indicator set of one period -> the value (or None); a segment figure also gets the
    # indicator's task area (by name) to pick its segment.
    read: Callable[..., object]
    direction: str  # the usual reading: "higher" or "lower" is better
    per_task_area: bool = False


UNITS = {"percent": "%", "count": "", "euro": "€", "days": "days", "mark": "1-10",
         "working_days": "working days"}


def _period_entry(figures: dict) -> dict:
    # One KPI period lies inside one half year (see above): at most one entry.
    return figures["perioden"][0] if figures["perioden"] else {}


def _walk(value, path: tuple[str, ...]):
    """value[path[0]][path[1]]...; None where a step is missing."""
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _in_period(*path: str):
    def read(figures: dict):
        return _walk(_period_entry(figures), path)
    return read


def _process(kind: str, key: str):
    def read(figures: dict):
        row = figures.get("processen", {}).get(kind) or {}
        if key == "op_tijd":
            return (row.get("op_tijd") or {}).get("percentage")
        return row.get(key)
    return read


def _theme(*path: str):
    """A G7 theme figure (seed 000) of the set's scope (the region, or the indicator's
    municipality: the set is computed for it)."""
    def read(figures: dict):
        return _walk((figures.get("themes") or {}).get("regio"), path)
    return read


def segment_of(figures: dict, task_area: str | None) -> dict:
    """The Limburg segment (seed 002) a KPI reads: the one of its task area; for any other
    level the region-wide one (all products), or the only segment there is. Never another
    task area's figures: no match gives {} (no value)."""
    found = (figures.get("segments") or {}).get("segmenten") or []
    if task_area is not None:
        return next((s for s in found if s.get("naam") == task_area), {})
    whole = [s for s in found if s.get("producten") is None]
    return whole[0] if whole else (found[0] if len(found) == 1 else {})


def _segment(*path: str):
    def read(figures: dict, task_area: str | None):
        return _walk(segment_of(figures, task_area), path)
    return read


def _budget_used(figures: dict, task_area: str | None):
    # One KPI period lies in one calendar year (a month, quarter or half year): one entry.
    years = segment_of(figures, task_area).get("besteding") or {}
    return next(iter(years.values()), {}).get("percentage_budget") if len(years) == 1 else None


def _herhaald_beroep_share(figures: dict):
    entry = _period_entry(figures)
    if entry.get("gestart") is None or entry.get("gestart_herhaald_beroep") is None:
        return None
    return Ratio(entry["gestart_herhaald_beroep"], entry["gestart"]).percentage


_ = gettext_noop
FIGURES: dict[str, Figure] = {
    "uitval": Figure(_("Uitval: share of ended trajectories ended early"), "percent",
                     _in_period("uitval", "percentage"), "lower"),
    "geen_nieuwe_start": Figure(_("No new start of youth care after the end (3.2)"),
                                "percent", _in_period("geen_nieuwe_start", "percentage"),
                                "higher"),
    "zonder_hulp_verder": Figure(_("Going on without help (3.1)"), "percent",
                                 _in_period("zonder_hulp_verder", "percentage"), "higher"),
    "tevredenheid": Figure(_("Satisfaction (average mark)"), "mark",
                           _in_period("tevredenheid", "gemiddelde"), "higher"),
    "herhaald_beroep": Figure(_("Share of started trajectories with herhaald beroep"),
                              "percent", _herhaald_beroep_share, "lower"),
    "jeugdigen": Figure(_("Youths in care"), "count", _in_period("jeugdigen"), "lower"),
    "gestart": Figure(_("Trajectories started"), "count", _in_period("gestart"), "lower"),
    "beeindigd": Figure(_("Trajectories ended"), "count", _in_period("beeindigd"), "higher"),
    "gemiddelde_duur_dagen": Figure(_("Average duration of ended trajectories"), "days",
                                    _in_period("gemiddelde_duur_dagen"), "lower"),
    "toegekend": Figure(_("Granted on declarations (credits netted)"), "euro",
                        _in_period("kosten", "toegekend"), "lower"),
    "kosten_per_jeugdige": Figure(_("Average cost per youth paid for"), "euro",
                                  _in_period("kosten", "gemiddeld_per_jeugdige"), "lower"),
    "retour_op_tijd": Figure(_("Returns by the region on time (3 working days)"), "percent",
                             _process("retour", "op_tijd"), "higher"),
    "retour_aanbieders_op_tijd": Figure(_("Returns by providers on time (3 working days)"),
                                        "percent", _process("retour_aanbieders", "op_tijd"),
                                        "higher"),
    "antwoord_verzoek_op_tijd": Figure(_("Answers to requests on time (5 working days)"),
                                       "percent", _process("antwoord_verzoek", "op_tijd"),
                                       "higher"),
    "declaratie_antwoord_op_tijd": Figure(_("Declaration answers on time (10 working days)"),
                                          "percent", _process("declaratie_antwoord", "op_tijd"),
                                          "higher"),
    "antwoord_verzoek_werkdagen": Figure(_("Average working days to answer a request"),
                                         "working_days",
                                         _process("antwoord_verzoek", "gemiddeld_werkdagen"),
                                         "lower"),
    # The G7 themes (seed 000 "Monitoring"): the figures its meeting cycle discusses.
    "verklarende_analyse": Figure(
        _("Cases with a verklarende analyse at registration or placement"), "percent",
        _theme("verklarende_analyse_en_perspectiefplan", "verklarende_analyse", "percentage"),
        "higher"),
    "perspectiefplan": Figure(
        _("Cases with a perspectiefplan at registration or placement"), "percent",
        _theme("verklarende_analyse_en_perspectiefplan", "perspectiefplan", "percentage"),
        "higher"),
    "uitstroom_op_tijd": Figure(_("Outflow on time (on or before the planned day)"),
                                "percent", _theme("uitstroom_op_tijd", "op_tijd", "percentage"),
                                "higher"),
    "onvrijwillige_doorplaatsingen": Figure(_("Involuntary moves"), "count",
                                            _theme("onvrijwillige_doorplaatsingen",
                                                   "onvrijwillig"), "lower"),
    "een_op_een_jeugdigen": Figure(_("Youths with 1-op-1 begeleiding"), "count",
                                   _theme("een_op_een_begeleiding", "jeugdigen"), "lower"),
    "wachttijd_aanmelding_besluit": Figure(
        _("Average days from registration to decision"), "days",
        _theme("samenwerking", "wachttijden", "aanmelding_tot_besluit", "gemiddelde"),
        "lower"),
    "wachttijd_toewijzing_start": Figure(
        _("Average days from toewijzing to start of care"), "days",
        _theme("samenwerking", "wachttijden", "toewijzing_tot_start", "gemiddelde"), "lower"),
    # The Limburg segment KPIs (seed 002), of the indicator's task area when it names one.
    "besteding_budget": Figure(_("Share of the total budget granted"), "percent",
                               _budget_used, "lower", per_task_area=True),
    "segment_kosten_per_jeugdige": Figure(
        _("Average cost per youth in the segment"), "euro",
        _segment("kosten_per_jeugdige", "gemiddeld_per_jeugdige"), "lower",
        per_task_area=True),
    "verblijfsduur": Figure(_("Average length of ended stays"), "days",
                            _segment("verblijfsduur", "gemiddelde"), "lower",
                            per_task_area=True),
    "bedden_in_gebruik": Figure(_("Beds in use at the end of the period"), "count",
                                _segment("bedden", "in_gebruik_eind"), "lower",
                                per_task_area=True),
    "bedden_boven_plan": Figure(_("Beds in use above the planned number"), "count",
                                _segment("bedden", "boven_plan"), "lower", per_task_area=True),
    "wachtlijst": Figure(_("Youths waiting for assigned care to start"), "count",
                         _segment("wachtlijst", "jeugdigen"), "lower", per_task_area=True),
}
del _


def value_of(figure: str, figures: dict, *, task_area: str | None = None) -> Decimal | None:
    """The figure's value as a Decimal; None where the indicator set has none (no data, or a
    suppressed cell). `task_area`: the indicator's task area by name (segment figures)."""
    found = FIGURES[figure]
    raw = found.read(figures, task_area) if found.per_task_area else found.read(figures)
    if raw is None:
        return None
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        return None


# --- status against the target ----------------------------------------------------------------

ON_TARGET, SIGNAL, OFF_TARGET, NO_DATA, NO_TARGET = (
    "on_target", "signal", "off_target", "no_data", "no_target")
BETTER, WORSE, SAME = "better", "worse", "same"


def _at_least_as_good(value: Decimal, bound: Decimal, direction: str) -> bool:
    return value >= bound if direction == "higher" else value <= bound


def status(value: Decimal | None, target: Decimal | None, signal: Decimal | None,
           direction: str) -> str:
    """On target when the value is at least as good as the target; signal when it missed the
    target but not the signal threshold (which lies on the bad side of the target); off target
    beyond that, or when it missed a target that has no signal threshold."""
    if target is None:
        return NO_TARGET
    if value is None:
        return NO_DATA
    if _at_least_as_good(value, target, direction):
        return ON_TARGET
    if signal is not None and _at_least_as_good(value, signal, direction):
        return SIGNAL
    return OFF_TARGET


def signal_on_bad_side(target: Decimal, signal: Decimal, direction: str) -> bool:
    """A signal threshold is a warning before off target: worse than the target (or equal)."""
    return _at_least_as_good(target, signal, direction)


def trend(value: Decimal | None, before: Decimal | None, direction: str) -> str | None:
    if value is None or before is None:
        return None
    if value == before:
        return SAME
    return BETTER if _at_least_as_good(value, before, direction) else WORSE


# --- strategy map -----------------------------------------------------------------------------

def creates_cycle(edges: set[tuple[int, int]], source: int, parent: int) -> bool:
    """Would source -> parent (source contributes to parent) close a cycle? Yes when source is
    the parent itself or already reachable upward from the parent."""
    upward: dict[int, set[int]] = {}
    for child, above in edges:
        upward.setdefault(child, set()).add(above)
    seen, pending = set(), [parent]
    while pending:
        node = pending.pop()
        if node == source:
            return True
        if node not in seen:
            seen.add(node)
            pending.extend(upward.get(node, ()))
    return False
