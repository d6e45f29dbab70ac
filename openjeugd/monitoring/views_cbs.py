"""Screens for the CBS outputs (issue #11): the StatLine-style tables of the region (figures,
CSV and Excel with small cells suppressed: an export can leave the region) and a provider's
CBS delivery file for a half year (person-level: youth access, own provider or own region)."""

import csv
import io

from django import forms
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Font

from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.monitoring import selectors_cbs
from openjeugd.monitoring.cbs import delivery_file, statline
from openjeugd.monitoring.forms import PeriodForm, default_period
from openjeugd.registry.models import Municipality

COLUMNS = {
    "gestart": _("Started"),
    "gestart_nieuw": _("Started, new"),
    "gestart_herhaald_beroep": _("Started, herhaald beroep"),
    "beeindigd": _("Ended"),
    "gemiddelde_duur_dagen": _("Average duration of ended (days)"),
    "beeindigd_reden_01": _("Ended according to plan (01)"),
    "beeindigd_reden_02": _("Ended early: by agreement (02)"),
    "beeindigd_reden_03": _("Ended early: by the client (03)"),
    "beeindigd_reden_04": _("Ended early: by the provider (04)"),
    "beeindigd_reden_05": _("Ended early: external circumstances (05)"),
    "beeindigd_reden_onbekend": _("Ended, reason unknown"),
    "lopend_einde_periode": _("Running at the end of the period"),
}
EXPORTS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@requires(Perm.VIEW_REGION_FIGURES)
def statline_tables(request):
    """Per half year and municipality; `formaat=csv|xlsx` downloads the table with cells of
    fewer than 5 youths suppressed, `onderdrukt=1` shows that version on screen."""
    today = timezone.localdate()
    first, last = default_period(today)
    asked = "van" in request.GET or "tot" in request.GET
    form = PeriodForm(request.GET if asked else None, initial={"van": first, "tot": last})
    export = request.GET.get("formaat")
    if export is not None and export not in EXPORTS:
        raise Http404("No such export format.")
    if asked:
        if not form.is_valid():
            if export:
                return HttpResponseBadRequest(" ".join(
                    f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()))
        else:
            first, last = form.cleaned_data["van"], form.cleaned_data["tot"]
    rows, report = selectors_cbs.statline_for(request.user, request.user.region, first, last)
    hide = bool(export) or request.GET.get("onderdrukt") == "1"
    shown = statline.suppressed(rows) if hide else rows
    names = dict(Municipality.objects.filter(region=request.user.region)
                 .values_list("code", "name"))
    for row in shown:
        row["naam"] = (str(_("Region total")) if row["gemeente"] == statline.REGIO
                       else names.get(row["gemeente"], row["gemeente"]))
    if export:
        name = f"statline_{first.isoformat()}_{last.isoformat()}.{export}"
        content = _csv(shown) if export == "csv" else _xlsx(shown)
        response = HttpResponse(content, content_type=EXPORTS[export])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    for row in shown:
        row["cells"] = [row[key] for key in COLUMNS]
    return render(request, "monitoring/cbs_statline.html", {
        "form": form, "rows": shown, "columns": list(COLUMNS.items()), "suppressed": hide,
        "first": first, "last": last, "report": report,
        "periods": _grouped(shown)})


def _grouped(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["periode"], []).append(row)
    return list(grouped.items())


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["periode", "gemeente", "naam", *COLUMNS])
    for row in rows:
        writer.writerow([row["periode"], row["gemeente"], row["naam"],
                         *("" if row[key] is None else row[key] for key in COLUMNS)])
    # With a BOM Excel opens the Dutch names (ë) right.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(rows: list[dict]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "StatLine"
    sheet.append([str(_("Half year")), str(_("Municipality code")), str(_("Municipality")),
                  *(str(label) for label in COLUMNS.values())])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row["periode"], row["gemeente"], row["naam"],
                      *(row[key] for key in COLUMNS)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class DeliveryFileForm(forms.Form):
    aanbieder = forms.ChoiceField(label=_("Provider"))
    halfjaar = forms.ChoiceField(label=_("Half year"))

    def __init__(self, *args, providers, half_years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].choices = [(agb, f"{name} ({agb})") for agb, name in providers]
        self.fields["halfjaar"].choices = [
            (code, _("%(year)s, %(months)s") % {
                "year": code[:4],
                "months": _("January-June") if code.endswith("-1") else _("July-December")})
            for code in (delivery_file.half_year_code(p) for p in half_years)]


@requires(Perm.VIEW_YOUTH)
def delivery(request):
    """Choose provider and half year; `controleren` shows what the file holds and what it
    lacks, `download` returns the file. A provider outside the user's scope is 404."""
    providers = selectors_cbs.providers_for(request.user)
    half_years = selectors_cbs.half_years_ended(timezone.localdate())
    form = DeliveryFileForm(request.GET or None, providers=providers, half_years=half_years)
    asked = request.GET.get("aanbieder", "")
    if asked and asked not in dict(providers):
        try:
            delivery_file.check_agb(asked)
        except ValueError:
            pass  # the form names the field
        else:
            raise Http404("No such provider in your scope.")
    found = None
    if "aanbieder" in request.GET and form.is_valid():
        period = delivery_file.parse_half_year(form.cleaned_data["halfjaar"])
        found = selectors_cbs.delivery_file_for(request.user, form.cleaned_data["aanbieder"],
                                                period, request=request)
        if "download" in request.GET:
            response = HttpResponse(found.text.encode("ascii"),
                                    content_type="text/plain; charset=us-ascii")
            response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
            return response
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "monitoring/cbs_delivery.html", {
        "form": form, "found": found, "layout": delivery_file.LAYOUT,
        "record_length": delivery_file.RECORD_LENGTH,
        "unmapped": selectors_cbs.unmapped_rows(found.problems) if found else []},
        status=status)
