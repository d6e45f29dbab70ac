"""The casework's measurements as monitoring asks for them (MONITORING_MEASUREMENTS_LOOKUP):
each attributed to the provider the municipality decided on, validated by monitoring."""

from datetime import date

from openjeugd.monitoring import seams
from openjeugd.pathways.lookups import measurements_for
from openjeugd.pathways.models import Beschikking, Measurement
from openjeugd.registry.models import Provider


def test_measurements_follow_the_decided_provider(case, provider, region):
    other = Provider.objects.create(name="Kompas Jeugd", agb_code="98765432")
    Beschikking.objects.create(case=case, decided_on=date(2026, 6, 10), provider=provider,
                               product_categorie="45", ingangsdatum=date(2026, 6, 15))
    Beschikking.objects.create(case=case, decided_on=date(2026, 9, 1), provider=other,
                               product_categorie="45", ingangsdatum=date(2026, 9, 1))
    # Before any decision: no trajectory to measure, so left out (never a guessed provider).
    Measurement.objects.create(case=case, moment="start", informant="ouder",
                               measured_on=date(2026, 6, 5), tevredenheid=6)
    # After the first decision: the first provider's trajectory.
    Measurement.objects.create(case=case, moment="start", informant="jeugdige",
                               measured_on=date(2026, 6, 20), tevredenheid=7)
    # After the second: the second provider's, with the 3.1 answer.
    Measurement.objects.create(case=case, moment="end", informant="jeugdige",
                               measured_on=date(2026, 11, 2), tevredenheid=8,
                               doelrealisatie="04")

    found = measurements_for(region, date(2026, 1, 1), date(2026, 12, 31))
    assert [(m["provider"], m["measured_on"], m["tevredenheid"], m["zonder_hulp"])
            for m in found] == [
        (provider.agb_code, date(2026, 6, 20), 7, None),
        ("98765432", date(2026, 11, 2), 8, "04"),
    ]
    assert {m["bsn"] for m in found} == {case.youth.bsn}
    # A period that holds none of them answers none.
    assert measurements_for(region, date(2027, 1, 1), date(2027, 6, 30)) == []


def test_monitoring_reads_them_through_its_seam(case, provider, region):
    Beschikking.objects.create(case=case, decided_on=date(2026, 6, 10), provider=provider,
                               product_categorie="45", ingangsdatum=date(2026, 6, 15))
    Measurement.objects.create(case=case, moment="end", informant="ouder",
                               measured_on=date(2026, 10, 1), tevredenheid=9,
                               doelrealisatie="03")
    # settings.MONITORING_MEASUREMENTS_LOOKUP points here by default: monitoring gets its own
    # validated Measurement objects.
    [measured] = seams.measurements(region, date(2026, 7, 1), date(2026, 12, 31))
    assert (measured.provider, measured.informant, measured.tevredenheid,
            measured.zonder_hulp) == (provider.agb_code, "ouder", 9, "03")
