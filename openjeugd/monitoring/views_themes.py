"""The dashboard's G7 themes and segment sections: the indicator set's "themes" and "segments"
as flat table rows, and their charts (charts.bars; each chart has a table with its numbers)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from openjeugd.monitoring import charts

DEADLINE_LABELS = {
    "brigade": _lazy("Mobile brigade available (3 working days)"),
    "crisis": _lazy("Crisis intervention (24 hours)"),
    "escalation": _lazy("Escalation step decided"),
    "follow_up": _lazy("Follow-up place arranged (3 months before outflow)"),
}
WAIT_LABELS = {
    "aanmelding_tot_besluit": _lazy("Expert team: registration to decision"),
    "toewijzing_tot_start": _lazy("Toewijzing to start of care"),
}


def context(figures: dict, names: dict[str, str]) -> dict:
    themes, segments = figures["themes"], figures["segments"]
    rows = theme_rows(themes, names)
    found = {
        "theme_rows": rows,
        "theme_deadlines": [{"kind": kind, "label": str(DEADLINE_LABELS[kind]), **row}
                            for kind, row in themes["regio"]["samenwerking"]["termijnen"]
                            .items()],
        "theme_waits": [{"label": str(WAIT_LABELS[kind]), **row} for kind, row
                        in themes["regio"]["samenwerking"]["wachttijden"].items()],
        "theme_chart": charts.bars(
            _("Verklarende analyse, perspectiefplan and outflow on time (%)"),
            [row["label"] for row in rows],
            [(_("verklarende analyse"), [_number(row["va"]) for row in rows]),
             (_("perspectiefplan"), [_number(row["pp"]) for row in rows]),
             (_("outflow on time"), [_number(row["uitstroom_op_tijd"]) for row in rows])]),
        # Each segment with its chart (a copy: the figures stay as the selector gave them).
        "segments": [{**segment, "grafiek": charts.bars(
            _("Granted per provider as a share of the total budget (%)"),
            [row["naam"] for row in segment["aanbieders"]],
            [(segment["naam"], [_number(row["percentage_totaalbudget"])
                                for row in segment["aanbieders"]])])}
            for segment in segments["segmenten"]],
        "beds_chart": charts.bars(
            _("Beds in use at the start and end of the period, and planned"),
            [segment["naam"] for segment in segments["segmenten"]],
            [(_("start"), [s["bedden"]["in_gebruik_begin"] for s in segments["segmenten"]]),
             (_("end"), [s["bedden"]["in_gebruik_eind"] for s in segments["segmenten"]]),
             (_("planned"), [s["bedden"]["bedden_gepland"] for s in segments["segmenten"]])]),
    }
    return found


def theme_rows(themes: dict, names: dict[str, str]) -> list[dict]:
    """The region first, then each municipality (name and code)."""
    rows = [_row(_("Region"), themes["regio"])]
    rows += [_row(f"{names.get(code, code)} ({code})", figures)
             for code, figures in themes["per_gemeente"].items()]
    return rows


def _row(label: str, f: dict) -> dict:
    moves, cost = f["onvrijwillige_doorplaatsingen"], f["kosten_en_omvang"]
    plan, outflow = f["verklarende_analyse_en_perspectiefplan"], f["uitstroom_op_tijd"]
    return {
        "label": label, "onvrijwillig": moves["onvrijwillig"],
        "doorplaatsingen": moves["doorplaatsingen"],
        "tevredenheid": f["tevredenheid"]["gemiddelde"], "tevredenheid_n": f["tevredenheid"]["n"],
        "jeugdigen": cost["omvang"]["jeugdigen"], "toegekend": cost["kosten"]["toegekend"],
        "per_jeugdige": cost["kosten"]["gemiddeld_per_jeugdige"],
        "va": plan["verklarende_analyse"]["percentage"],
        "pp": plan["perspectiefplan"]["percentage"], "aangemeld": plan["casussen"],
        "een_op_een": f["een_op_een_begeleiding"]["jeugdigen"],
        "een_op_een_dagen": f["een_op_een_begeleiding"]["dagen"],
        "uitstroom_op_tijd": outflow["op_tijd"]["percentage"],
        "vervolgplek": outflow["vervolgplek_tijdig"]["percentage"],
    }


def _number(text: str | None) -> float | None:
    # Drawing only: the tables show the exact figures.
    return None if text is None else float(text)
