"""The monitoring report for a chosen period (seed 000's meeting cycle: monthly, quarterly), as
PDF (WeasyPrint, from an HTML page) and Excel (openpyxl), both from the figures the dashboard
shows (selectors.indicators_for) - never a second calculation."""

import io
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from openjeugd.monitoring.views_themes import theme_rows

PERIOD_COLUMNS = ("periode", "van", "tot_en_met", "jeugdigen", "trajecten", "gestart",
                  "gestart_herhaald_beroep", "beeindigd", "gemiddelde_duur_dagen",
                  "lopend_einde_periode")


def filename(figures: dict, kind: str) -> str:
    return f"monitoring-{figures['van']}-{figures['tot_en_met']}.{kind}"


def html(figures: dict, *, municipalities: dict[str, str], kpis: list[dict] = ()) -> str:
    """The page WeasyPrint prints: self-contained (inline CSS, no images or links to fetch).
    `kpis`: the KPI/KRI evaluations of the meeting's period (selectors_kpi, as_dict)."""
    steering = figures["sturing"]["regio"]
    return render_to_string("monitoring/report.html", {
        "kpis": list(kpis), "kpi_period": kpis[0]["period"] if kpis else None,
        "figures": figures, "periods": figures["perioden"], "steering": steering,
        "municipalities": [
            {"code": code, "name": municipalities.get(code, code), **row}
            for code, row in figures["per_gemeente"].get(_latest(figures), {}).items()],
        "latest": _latest(figures), "process": figures["processen"],
        "theme_rows": theme_rows(figures["themes"], municipalities),
        "segments": figures["segments"]["segmenten"],
    })


def pdf(page: str) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    return HTML(string=page, url_fetcher=_no_fetch).write_pdf()


def _no_fetch(url, *args, **kwargs):
    # The report carries everything inline; nothing may be fetched while printing.
    raise ValueError(f"monitoring report: refusing to fetch {url}")


def _latest(figures: dict) -> str | None:
    return figures["perioden"][-1]["periode"] if figures["perioden"] else None


def xlsx(figures: dict, *, municipalities: dict[str, str], kpis: list[dict] = ()) -> bytes:
    """One sheet per table; amounts as numbers (Decimal), suppressed cells empty."""
    book = Workbook()
    book.remove(book.active)
    _sheet(book, _("Half years"), [*PERIOD_COLUMNS, "uitval_percentage", "toegekend",
                                   "gemiddeld_per_jeugdige"],
           [[p[c] for c in PERIOD_COLUMNS]
            + [_number(p["uitval"]["percentage"]), _number(p["kosten"]["toegekend"]),
               _number(p["kosten"]["gemiddeld_per_jeugdige"])] for p in figures["perioden"]])
    latest = _latest(figures)
    _sheet(book, _("Municipalities"), ["gemeente", "naam", "trajecten", "gestart", "beeindigd"],
           [[code, municipalities.get(code, code), row.get("trajecten"), row.get("gestart"),
             row.get("beeindigd")]
            for code, row in figures["per_gemeente"].get(latest, {}).items()])
    steering = figures["sturing"]["regio"]
    _sheet(book, _("Top providers"), ["aanbieder", "naam", "jeugdigen", "toegekend"],
           [[p["aanbieder"], p["naam"], p["jeugdigen"], _number(p["toegekend"])]
            for p in steering["top_aanbieders"]])
    _sheet(book, _("Products"), ["product", "jeugdigen", "toegekend"],
           [[product, row["jeugdigen"], _number(row["toegekend"])]
            for product, row in steering["per_product"].items()])
    _sheet(book, _("Message deadlines"), ["soort", "termijn_werkdagen", "binnen_termijn",
                                          "te_laat", "open_verlopen", "open",
                                          "percentage_op_tijd", "gemiddeld_werkdagen"],
           [[kind, row["termijn_werkdagen"], row["binnen_termijn"], row["te_laat"],
             row["open_verlopen"], row["open"], _number(row["op_tijd"]["percentage"]),
             _number(row["gemiddeld_werkdagen"])]
            for kind, row in figures["processen"].items()])
    _themes_and_segments(book, figures, municipalities)
    if kpis:
        _kpi_sheets(book, kpis)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _kpi_sheets(book, kpis: list[dict]) -> None:
    _sheet(book, _("KPIs and KRIs"), ["code", "naam", "soort", "niveau", "gemeente", "periode",
                                      "waarde", "doelwaarde", "signaalwaarde", "status",
                                      "vorige_waarde", "trend"],
           [[k["code"], k["name"], k["kind"], k["level"], k["municipality"], k["period"],
             _number(k["value"]), _number(k["target"]), _number(k["signal"]), k["status"],
             _number(k["previous_value"]), k["trend"]] for k in kpis])
    _sheet(book, _("Narratives"), ["code", "periode", "gemeente", "auteur", "geschreven",
                                   "tekst"],
           [[k["code"], k["period"], n["municipality"], n["author"], n["written_at"], n["text"]]
            for k in kpis for n in k["narratives"]])


def _sheet(book, title: str, header: list[str], rows: list[list]) -> None:
    sheet = book.create_sheet(title[:31])
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)


def _number(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


THEME_COLUMNS = ("label", "onvrijwillig", "doorplaatsingen", "tevredenheid", "tevredenheid_n",
                 "jeugdigen", "toegekend", "per_jeugdige", "aangemeld", "va", "pp",
                 "een_op_een", "een_op_een_dagen", "uitstroom_op_tijd", "vervolgplek")
_THEME_NUMBERS = {"tevredenheid", "toegekend", "per_jeugdige", "va", "pp",
                  "uitstroom_op_tijd", "vervolgplek"}


def _themes_and_segments(book, figures: dict, municipalities: dict[str, str]) -> None:
    """The G7 themes (one row for the region, one per municipality) and the segment KPIs
    (one row per segment and year, one per segment and provider)."""
    _sheet(book, _("G7 themes"), list(THEME_COLUMNS),
           [[_number(row[c]) if c in _THEME_NUMBERS else row[c] for c in THEME_COLUMNS]
            for row in theme_rows(figures["themes"], municipalities)])
    segments = figures["segments"]["segmenten"]
    _sheet(book, _("Segments"), ["segment", "jaar", "budget", "toegekend", "percentage_budget",
                                 "jeugdigen", "gemiddeld_per_jeugdige", "verblijfsduur_dagen",
                                 "bedden_begin", "bedden_eind", "bedden_gepland",
                                 "wachtlijst_jeugdigen"],
           [[s["naam"], int(year), _number(row["budget"]), _number(row["toegekend_bedrag"]),
             _number(row["percentage_budget"]), s["kosten_per_jeugdige"]["jeugdigen"],
             _number(s["kosten_per_jeugdige"]["gemiddeld_per_jeugdige"]),
             _number(s["verblijfsduur"]["gemiddelde"]), s["bedden"]["in_gebruik_begin"],
             s["bedden"]["in_gebruik_eind"], s["bedden"]["bedden_gepland"],
             s["wachtlijst"]["jeugdigen"]]
            for s in segments for year, row in s["besteding"].items()])
    _sheet(book, _("Segment providers"), ["segment", "aanbieder", "naam", "jeugdigen",
                                          "toegekend", "percentage_totaalbudget", "plafond",
                                          "percentage_plafond"],
           [[s["naam"], p["aanbieder"], p["naam"], p["jeugdigen"], _number(p["toegekend"]),
             _number(p["percentage_totaalbudget"]), _number(p["plafond"]),
             _number(p["percentage_plafond"])] for s in segments for p in s["aanbieders"]])
