"""The casework as monitoring asks for it (MONITORING_CASEWORK_LOOKUP, the G7 themes): plain
records, due dates with the region's terms, only the cases of the region and the scope."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import Q

from openjeugd.pathways.lookups import casework_for
from openjeugd.pathways.models import Beschikking, CrisisEpisode, OutflowPlan

from .conftest import documents

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def test_documents_outflow_and_registration_come_as_plain_records(registered, region):
    case = registered.case
    OutflowPlan.objects.create(case=case, planned_outflow_on=date(2026, 11, 30))
    found = casework_for(region, *YEAR)
    assert found["cases"] == [{"id": case.pk, "bsn": case.youth.bsn, "gemeente": "0268",
                               "opened_on": date(2026, 6, 1), "closed_on": None}]
    # The registered fixture dated all three documents 2 June.
    assert sorted(d["kind"] for d in found["documents"]) == [
        "perspectiefplan", "signaleringsplan", "verklarende_analyse"]
    assert found["entries"] == [{"case": case.pk, "on": date(2026, 6, 3)}]
    # G7 preset: the follow-up place is due 3 months before the planned outflow (30 Nov ->
    # 30 Aug), not arranged yet.
    assert found["outflows"] == [{"case": case.pk, "outflowed_on": None,
                                  "planned_on": date(2026, 11, 30),
                                  "follow_up_due": date(2026, 8, 30),
                                  "follow_up_arranged_on": None}]
    assert {"case": case.pk, "kind": "follow_up", "due": date(2026, 8, 30),
            "done_on": None} in found["deadlines"]
    assert found["decisions"] == [{"case": case.pk, "registered_on": date(2026, 6, 3),
                                   "decided_on": None}]
    # A period before the case was opened holds none of it.
    assert casework_for(region, date(2025, 1, 1), date(2025, 12, 31))["cases"] == []


def test_a_crisis_intervention_late_by_hours_on_its_due_day_is_late(case, region):
    # Reported 1 June 08:00, due 24 hours later (2 June 08:00); intervened 2 June 20:00: the
    # same calendar day as the due moment, still 12 hours late, so the day-grained record
    # says done the day after the due day. An intervention within the term stays on its day.
    reported = datetime(2026, 6, 1, 8, 0, tzinfo=AMSTERDAM)
    CrisisEpisode.objects.create(case=case, reported_at=reported,
                                 intervened_at=datetime(2026, 6, 2, 20, 0, tzinfo=AMSTERDAM),
                                 acuut_from=date(2026, 6, 1), acuut_to=date(2026, 6, 14))
    CrisisEpisode.objects.create(case=case, reported_at=reported,
                                 intervened_at=datetime(2026, 6, 1, 15, 0, tzinfo=AMSTERDAM),
                                 acuut_from=date(2026, 6, 1), acuut_to=date(2026, 6, 14))
    crises = sorted((d["due"], d["done_on"]) for d in casework_for(region, *YEAR)["deadlines"]
                    if d["kind"] == "crisis")
    assert crises == [(date(2026, 6, 2), date(2026, 6, 1)), (date(2026, 6, 2), date(2026, 6, 3))]


def test_the_scope_limits_the_cases(case, region, people, provider):
    documents(people["worker"], case)
    Beschikking.objects.create(case=case, decided_on=date(2026, 6, 10), provider=provider,
                               product_categorie="45", ingangsdatum=date(2026, 6, 15))

    def scope_of(agb):
        # As policy.scope_q shapes a provider's scope: the provider path's AGB code.
        return lambda municipality="municipality", provider="provider": Q(
            **{f"{provider}__agb_code": agb})

    assert [c["id"] for c in casework_for(region, *YEAR, scope_of(provider.agb_code))[
        "cases"]] == [case.pk]
    other = casework_for(region, *YEAR, scope_of("98765432"))
    assert other["cases"] == [] and other["documents"] == []
