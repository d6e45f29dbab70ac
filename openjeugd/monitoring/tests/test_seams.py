"""The code tables are complete, and the seams to contracts and pathways are wired."""

from datetime import date

from django.test import override_settings

from openjeugd.ijw.codec import codes as ijw_codes
from openjeugd.ijw.codec import samples
from openjeugd.monitoring import selectors
from openjeugd.monitoring.cbs import codes
from openjeugd.monitoring.cbs.outcome import Measurement

from .test_command import AMBULANT, start, stop

CBS_REDEN = {"01", "02", "03", "04", "05"}  # protocol §3.7
CBS_VERWIJZER = {"01", "02", "03", "04", "05", "06", "08"}  # protocol §3.2


def test_every_jz588_code_but_the_temporary_stop_has_a_cbs_reason():
    jz588 = set(ijw_codes.code_list("JZ588"))
    assert set(codes.REDEN_BY_JZ588) == jz588 - {codes.TEMPORARY_STOP}
    assert set(codes.REDEN_BY_JZ588.values()) <= CBS_REDEN


def test_every_cod327_code_is_a_cbs_verwijzer():
    assert set(codes.VERWIJZER_BY_COD327) == set(ijw_codes.code_list("COD327"))
    assert set(codes.VERWIJZER_BY_COD327.values()) == CBS_VERWIJZER


SEEN = []


def catalogue(region, categorie, code):
    # The contracts app's role: a code per product of the region; "99" is no §3.3 code.
    SEEN.append(region.name)
    return {"45A48": "04", "45X99": "99"}.get(code)


@override_settings(MONITORING_HULPVORM_LOOKUP=f"{__name__}.catalogue")
def test_the_catalogue_seam_maps_and_a_wrong_code_is_reported(deliver, nijmegen):
    # 45A48 -> 04 through the catalogue; 45X99 -> "99", not a §3.3 hulpvorm: reported.
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5)))
    deliver(samples.sample_jw301(identificatie="TW000002", toewijzing_nummer="1002",
                                 productcode="45X99", dagtekening=date(2026, 1, 5)))
    deliver(samples.sample_jw305(dagtekening=date(2026, 1, 14), begindatum=date(2026, 1, 14)))
    deliver(samples.sample_jw305(identificatie="ST000002", toewijzing_nummer="1002",
                                 productcode="45X99", dagtekening=date(2026, 1, 14),
                                 begindatum=date(2026, 1, 14)))
    found, report = selectors.region_trajectories(nijmegen.region, date(2026, 1, 1),
                                                  date(2026, 6, 30))
    assert [t.hulpvorm for t in found] == ["04"]
    assert [(u.product_code, u.starts) for u in report.unmapped] == [("45X99", 1)]
    assert set(SEEN) == {nijmegen.region.name}


def measurements(region, first, last):
    # The pathways app's role; one measurement of a youth outside the region's trajectories
    # (another BSN) must not count.
    return [Measurement(samples.BSN, samples.AGB, date(2026, 6, 1), "jeugdige",
                        tevredenheid=8, zonder_hulp="04"),
            Measurement(samples.BSN, samples.AGB, date(2026, 6, 1), "ouder",
                        tevredenheid=6, zonder_hulp="02"),
            Measurement("999990011", samples.AGB, date(2026, 6, 1), "jeugdige",
                        tevredenheid=1)]


@override_settings(MONITORING_MEASUREMENTS_LOOKUP=f"{__name__}.measurements")
def test_the_measurement_seam_feeds_tevredenheid_and_doelrealisatie(deliver, nijmegen):
    # Youth and parent of the one trajectory: marks 8 and 6 -> mean 7.0; zonder hulp 04 and
    # 02 -> 1 of 2 = 50.0 %. The stranger's mark 1 is left out.
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), **AMBULANT))
    deliver(start(1, date(2026, 1, 14)))
    deliver(stop(1, date(2026, 1, 14), date(2026, 5, 31)))
    figures = selectors.region_indicators(nijmegen.region, date(2026, 1, 1),
                                          date(2026, 6, 30), today=date(2026, 7, 15))
    (h1,) = figures["perioden"]
    assert (h1["tevredenheid"]["n"], h1["tevredenheid"]["gemiddelde"]) == (2, "7.0")
    assert h1["zonder_hulp_verder"]["percentage"] == "50.0"
