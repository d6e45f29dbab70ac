"""The G7 themes and segment KPIs of a region, end to end: iJw facts through the real import
path, the casework and the ceilings recorded with their own models, read through the seams
(MONITORING_CASEWORK_LOOKUP, MONITORING_BUDGET_LOOKUP) into the indicator set, the command,
the dashboard and the reports."""

import base64
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.urls import reverse
from openpyxl import load_workbook

from openjeugd.accounts.roles import Role
from openjeugd.contracts.models import Ceiling, Product, TaskArea
from openjeugd.ijw.codec import samples
from openjeugd.monitoring import selectors, themes_selectors
from openjeugd.pathways.models import (
    Case,
    ExpertTeamRegistration,
    Measurement,
    Move,
    OneOnOneSupport,
    OutflowPlan,
    Placement,
    RegistrationDocument,
)
from openjeugd.registry.models import Facility, Youth
from openjeugd.registry.tests.factories import valid_bsn

RESIDENTIAL = {"categorie": "36", "productcode": "36A01"}  # JZ020 36 -> CBS 12, met verblijf
H1 = (date(2026, 1, 1), date(2026, 6, 30))
WAITING_BSN = valid_bsn(811)


@pytest.fixture
def story(deliver, nijmegen, provider):
    # Youth 1: assigned 5 Jan (JW301 at 09:30), started 14 Jan, stopped 31 May (JZ588 31):
    # a stay of 14 Jan - 31 May = 18 + 28 + 31 + 30 + 31 = 138 days; February's declaration
    # 16 x 85.50 = 1368.00.
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), **RESIDENTIAL))
    tw = {"toewijzing_nummer": "1001", "toewijzing_ingangsdatum": date(2026, 1, 12),
          **RESIDENTIAL}
    deliver(samples.sample_jw305(identificatie="ST000001", dagtekening=date(2026, 1, 14),
                                 begindatum=date(2026, 1, 14), **tw))
    deliver(samples.sample_jw307(identificatie="SP000001", dagtekening=date(2026, 5, 31),
                                 begindatum=date(2026, 1, 14), einddatum=date(2026, 5, 31),
                                 reden_beeindiging="31", **tw))
    deliver(samples.sample_jw323(prestaties=[samples.sample_prestatie(
        categorie="36", productcode="36A01")]))
    # Youth 2: assigned 1 Jun, not started by 30 Jun: on the waiting list for 29 days.
    deliver(samples.sample_jw301(identificatie="TW000002", bsn=WAITING_BSN,
                                 toewijzing_nummer="1002", dagtekening=date(2026, 6, 1),
                                 ingangsdatum=date(2026, 6, 1), **RESIDENTIAL))
    region = nijmegen.region
    # The segment (seed 002 "segment 1 behandeling met verblijf") and its ceilings.
    area = TaskArea.objects.create(region=region, name="Behandeling met verblijf")
    Product.objects.create(region=region, product_categorie="36", product_code="36A01",
                           name="Behandelgroep", eenheid="14", uitvoeringsvariant="outputgericht",
                           funding_model="pxq", task_area=area)
    Ceiling.objects.create(region=region, year=2026, level="segment", task_area=area,
                           amount=Decimal("100000.00"))
    Ceiling.objects.create(region=region, year=2026, level="provider", provider=provider,
                           amount=Decimal("40000.00"))
    _casework(nijmegen, provider)


def _casework(nijmegen, provider):
    youth = Youth.objects.get(bsn=samples.BSN)
    case = Case.objects.create(youth=youth, municipality=nijmegen, opened_on=date(2026, 1, 2))
    RegistrationDocument.objects.create(case=case, kind="verklarende_analyse",
                                        dated=date(2026, 1, 3), author="Consulent")
    ExpertTeamRegistration.objects.create(case=case, registered_on=date(2026, 1, 5),
                                          decided_on=date(2026, 1, 9), status="decided")
    group = Facility.objects.create(provider=provider, name="De Linde groep 1",
                                    kind="behandelgroep", municipality=nijmegen, places=8)
    first = Placement.objects.create(case=case, facility=group, started_on=date(2026, 1, 14),
                                     ended_on=date(2026, 3, 1))
    second = Placement.objects.create(case=case, facility=group, started_on=date(2026, 3, 1),
                                      ended_on=date(2026, 5, 31))
    Move.objects.create(case=case, from_placement=first, to_placement=second,
                        moved_on=date(2026, 3, 1), voluntary=False, reason="Groep gesloten")
    OneOnOneSupport.objects.create(placement=second, started_on=date(2026, 5, 1),
                                   ended_on=date(2026, 5, 10), reason="Veiligheid")
    Measurement.objects.create(case=case, moment="start", informant="jeugdige",
                               measured_on=date(2026, 2, 1), tevredenheid=8)
    OutflowPlan.objects.create(case=case, planned_outflow_on=date(2026, 5, 31),
                               outflowed_on=date(2026, 5, 31),
                               follow_up_arranged_on=date(2026, 2, 1))


def _figures(nijmegen):
    return selectors.region_indicators(nijmegen.region, *H1, today=date(2026, 7, 15))


def test_the_themes_of_the_region_by_hand(story, nijmegen):
    region = _figures(nijmegen)["themes"]["regio"]
    # The move of 1 Mar was involuntary: 1 of 1, one youth (target 0).
    assert region["onvrijwillige_doorplaatsingen"] == {
        "doorplaatsingen": 1, "onvrijwillig": 1, "jeugdigen": 1, "doel": "0"}
    assert region["tevredenheid"] == {"n": 1, "gemiddelde": "8.0"}
    assert region["kosten_en_omvang"] == {
        "kosten": {"jeugdigen": 1, "toegekend": "1368.00", "gemiddeld_per_jeugdige": "1368.00"},
        "omvang": {"casussen": 1, "jeugdigen": 1}}
    # Entered first on 5 Jan (the registration); the analysis is dated 3 Jan, no plan.
    plan = region["verklarende_analyse_en_perspectiefplan"]
    assert (plan["verklarende_analyse"]["percentage"], plan["perspectiefplan"]["percentage"]) \
        == ("100.0", "0.0")
    # 1-op-1 from 1 to 10 May: 10 days.
    assert region["een_op_een_begeleiding"]["dagen"] == 10
    # Outflow on the planned day; the follow-up place arranged 1 Feb, due 28 Feb (planned
    # outflow 31 May minus the default 3 months).
    outflow = region["uitstroom_op_tijd"]
    assert (outflow["op_tijd"]["percentage"], outflow["vervolgplek_tijdig"]["percentage"]) == (
        "100.0", "100.0")
    assert region["samenwerking"]["termijnen"]["follow_up"]["binnen_termijn"] == 1
    waits = region["samenwerking"]["wachttijden"]
    # Registration 5 Jan -> decision 9 Jan: 4 days; toewijzing 5 Jan -> start 14 Jan: 9 days.
    assert waits["aanmelding_tot_besluit"]["gemiddelde"] == "4.0"
    assert waits["toewijzing_tot_start"] == {"n": 1, "gemiddelde": "9.0", "mediaan": "9.0"}
    assert list(_figures(nijmegen)["themes"]["per_gemeente"]) == ["0268"]


def test_the_segment_kpis_by_hand(story, nijmegen):
    (segment,) = _figures(nijmegen)["segments"]["segmenten"]
    assert (segment["naam"], segment["producten"]) == ("Behandeling met verblijf", ["36/36A01"])
    # 1368.00 of 100000.00 = 1.368 % -> 1.4 %.
    assert segment["besteding"] == {"2026": {"budget": "100000.00",
                                             "toegekend_bedrag": "1368.00",
                                             "percentage_budget": "1.4"}}
    assert segment["kosten_per_jeugdige"]["gemiddeld_per_jeugdige"] == "1368.00"
    assert segment["verblijfsduur"] == {"n": 1, "gemiddelde": "138.0", "lopend": 0,
                                        "lopend_gemiddelde_tot_nu": None}
    # Nobody in a bed on 1 Jan (started 14 Jan) or on 30 Jun (stopped 31 May); no plan.
    assert segment["bedden"] == {"in_gebruik_begin": 0, "in_gebruik_eind": 0, "afname": 0,
                                 "bedden_gepland": None, "boven_plan": None}
    assert segment["wachtlijst"] == {"peildatum": "2026-06-30", "jeugdigen": 1, "n": 1,
                                     "gemiddelde": "29.0", "langste_dagen": 29}
    # The provider's own ceiling (the only segment's): 1368 / 40000 = 3.42 % -> 3.4 %.
    (linde,) = segment["aanbieders"]
    assert (linde["naam"], linde["percentage_totaalbudget"], linde["plafond"],
            linde["percentage_plafond"]) == ("Jeugdhulp De Linde", "1.4", "40000.00", "3.4")


def test_the_command_adds_themes_and_segments_and_keeps_its_keys(story, nijmegen):
    out = io.StringIO()
    call_command("monitoring", "indicators", "--region", nijmegen.region.name, "--from",
                 "2026-01-01", "--to", "2026-06-30", "--suppress-small-cells", stdout=out)
    found = json.loads(out.getvalue())
    assert {"perioden", "per_gemeente", "sturing", "processen", "niet_gekoppelde_producten",
            "verwijzer_onbekend", "themes", "segments"} <= set(found)
    # Leaving the region: the one youth's amount and its share of the budget are suppressed.
    (segment,) = found["segments"]["segmenten"]
    assert segment["aanbieders"][0]["toegekend"] is None
    assert segment["aanbieders"][0]["percentage_totaalbudget"] is None
    assert found["themes"]["regio"]["onvrijwillige_doorplaatsingen"]["onvrijwillig"] is None


def test_dashboard_and_reports_show_both_sections(client, story, user_with):
    client.force_login(user_with(Role.POLICY_ADVISOR))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    period = {"van": "2026-01-01", "tot": "2026-06-30"}
    response = client.get(reverse("monitoring:dashboard"), period)
    html = response.content.decode()
    themes = html.split('data-testid="themes"', 1)[1].split("</table>", 1)[0]
    assert "Nijmegen (0268)" in themes and "100.0 %" in themes
    providers = html.split('data-testid="segment-providers"', 1)[1].split("</table>", 1)[0]
    assert "Jeugdhulp De Linde" in providers and "3.4 %" in providers
    assert response.context["segments"][0]["wachtlijst"]["jeugdigen"] == 1
    svg = base64.b64decode(response.context["theme_chart"].split(",", 1)[1]).decode()
    assert "<script" not in svg and "Nijmegen" in svg
    book = load_workbook(io.BytesIO(client.get(reverse("monitoring:report", args=["xlsx"]),
                                               period).content))
    segments = book["Segments"]
    row = dict(zip([c.value for c in segments[1]], [c.value for c in segments[2]],
                   strict=True))
    assert (row["segment"], row["jaar"], row["wachtlijst_jeugdigen"]) == (
        "Behandeling met verblijf", 2026, 1)
    assert Decimal(str(row["toegekend"])) == Decimal("1368.00")
    themes_sheet = book["G7 themes"]
    assert [c.value for c in themes_sheet[2]][:3] == ["Region", 1, 1]
    pdf = client.get(reverse("monitoring:report", args=["pdf"]), period)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_scope_of_another_provider_sees_none_of_it(story, nijmegen):
    # No figures role is provider-scoped today; the reads still honour such a scope, shaped
    # as policy.scope_q shapes it for provider staff (the provider path's AGB code).
    def kompas(municipality="municipality", provider="provider"):
        return Q(**{f"{provider}__agb_code": "98765432"})

    found = themes_selectors.themes_and_segments(nijmegen.region, *H1,
                                                 today=date(2026, 7, 15), scope=kompas)
    # No beschikking names Kompas, no line or toewijzing is its: nothing of the two youths.
    assert found["themes"]["regio"]["kosten_en_omvang"]["omvang"]["casussen"] == 0
    (segment,) = found["segments"]["segmenten"]
    assert segment["aanbieders"] == [] and segment["wachtlijst"]["jeugdigen"] == 0
    assert segment["verblijfsduur"]["n"] == 0


def test_kpis_read_the_themes_and_their_own_task_areas_segment(story, nijmegen, user_with):
    from openjeugd.monitoring import selectors_kpi, services

    advisor = user_with(Role.POLICY_ADVISOR)
    region = nijmegen.region
    verblijf = TaskArea.objects.get(region=region, name="Behandeling met verblijf")
    ambulant = TaskArea.objects.create(region=region, name="Ambulant")  # no ceiling

    def make(code, **fields):
        return services.create_indicator(user=advisor, region=region, code=code, name=code,
                                         kind="kpi", **fields)

    make("BUDGET-VERBLIJF", level="task_area", task_area=verblijf, figure="besteding_budget")
    make("BUDGET-AMBULANT", level="task_area", task_area=ambulant, figure="besteding_budget")
    make("WACHT-VERBLIJF", level="task_area", task_area=verblijf, figure="wachtlijst")
    make("VA", level="process", figure="verklarende_analyse")
    make("DOORPLAATSING", level="region", figure="onvrijwillige_doorplaatsingen")
    found = {e.indicator.code: e.value
             for e in selectors_kpi.evaluate(advisor, "2026-H1", today=date(2026, 7, 15))}

    # February's 1368.00 of the 100000.00 segment budget: 1.368 % -> 1.4.
    assert found["BUDGET-VERBLIJF"] == Decimal("1.4")
    # The ambulant task area has no ceiling, so no segment: no value (never the region's).
    assert found["BUDGET-AMBULANT"] is None
    # Youth 2 waits for residential care on 30 June.
    assert found["WACHT-VERBLIJF"] == Decimal(1)
    # The one case had its verklarende analyse (3 Jan) before its registration (5 Jan): 100 %.
    assert found["VA"] == Decimal("100.0")
    # The involuntary move of 1 March.
    assert found["DOORPLAATSING"] == Decimal(1)
