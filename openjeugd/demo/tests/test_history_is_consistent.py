"""The generated history obeys the rules the iJw import will check."""

import calendar
from collections import Counter, defaultdict
from decimal import Decimal

import pytest

from openjeugd.demo.events import Change, Declaration, Referral, Start, Stop, Toewijzing
from openjeugd.demo.generator import _years_before, generate_history
from openjeugd.demo.tests.conftest import END


@pytest.fixture(scope="module")
def events(nijmegen_profile):
    return generate_history(nijmegen_profile, youths=1500, years=2, seed=5, end=END)


def _by_type(events, kind):
    return [event for event in events if isinstance(event, kind)]


def test_events_are_sorted_and_inside_the_period(events):
    dates = [event.date for event in events]
    assert dates == sorted(dates)
    assert dates[0] >= _years_before(END, 2)
    assert dates[-1] <= END


def test_no_stop_before_its_start(events):
    starts = {(s.toewijzing_nummer, s.youth.bsn, s.begindatum): s for s in _by_type(events, Start)}
    stops = _by_type(events, Stop)
    assert stops
    for stop in stops:
        start = starts[(stop.toewijzing_nummer, stop.youth.bsn, stop.begindatum)]
        assert stop.einddatum >= start.begindatum
        assert stop.date >= start.date


def test_declarations_lie_inside_their_toewijzing_and_one_month(events):
    toewijzingen = {t.toewijzing_nummer: t for t in _by_type(events, Toewijzing)}
    current_end = {nummer: t.einddatum for nummer, t in toewijzingen.items()}
    for change in _by_type(events, Change):  # sorted by date, so the last change wins
        current_end[change.toewijzing_nummer] = change.einddatum
    declarations = _by_type(events, Declaration)
    assert declarations
    for line in declarations:
        toewijzing = toewijzingen[line.toewijzing_nummer]
        assert toewijzing.ingangsdatum <= line.period_start <= line.period_end
        assert line.period_end <= current_end[line.toewijzing_nummer]
        assert (line.period_start.year, line.period_start.month) == (
            line.period_end.year, line.period_end.month)
        assert line.date > line.period_end  # declared in arrears
        assert line.product_code == toewijzing.product_code


def test_amounts_are_volume_times_tariff_to_the_cent(events):
    for line in _by_type(events, Declaration):
        assert line.tariff.as_tuple().exponent == -2
        assert line.amount.as_tuple().exponent == -2
        assert line.amount == line.tariff * line.volume
        assert line.amount > Decimal("0")


def test_corrections_credit_an_earlier_line_and_declare_again(events):
    lines = {line.referentie_nummer: line for line in _by_type(events, Declaration)}
    credits = [line for line in lines.values() if line.debet_credit == "C"]
    assert credits, "a history of this size has some corrections"
    for credit in credits:
        original = lines[credit.vorig_referentie_nummer]
        assert (original.debet_credit, original.amount) == ("D", credit.amount)
        assert credit.date > original.date
    assert len(lines) == len(_by_type(events, Declaration))  # references are unique


def test_about_fifteen_percent_of_toewijzingen_run_past_the_end(events):
    stopped = {s.toewijzing_nummer for s in _by_type(events, Stop)}
    toewijzingen = _by_type(events, Toewijzing)
    running = [t for t in toewijzingen if t.toewijzing_nummer not in stopped]
    # 15 % are planned to run over; extensions that end after the period add a little.
    assert 0.12 <= len(running) / len(toewijzingen) <= 0.22


def test_some_trajectories_stop_early_and_some_toewijzingen_change(events):
    reasons = Counter(stop.reden_beeindiging for stop in _by_type(events, Stop))
    early = sum(reasons[code] for code in ("32", "33", "34", "35", "38", "39"))
    assert 0.05 <= early / sum(reasons.values()) <= 0.15  # 10 % planned
    assert {change.reden_wijziging for change in _by_type(events, Change)} == {"04", "05"}


def test_huisarts_and_gemeente_refer_most(events):
    counts = Counter(referral.verwijzer_type for referral in _by_type(events, Referral))
    top_two = {code for code, _count in counts.most_common(2)}
    assert top_two == {"01", "02"}


def test_referrals_name_the_verwijzer_as_the_standard_allows(events):
    for referral in _by_type(events, Referral):
        code, name = referral.verwijzer_zorgverlenercode, referral.verwijzer_naam
        if referral.verwijzer_type in ("02", "03", "04", "05"):
            assert len(code) == 8 and code.isdigit() and not name
        elif referral.verwijzer_type == "06":
            assert not code and not name
        else:
            assert name and not code and len(name) <= 64


def test_youths_are_0_to_17_and_mostly_4_or_older(events):
    ages = {}
    for referral in _by_type(events, Referral):
        youth = referral.youth
        age = (referral.date - youth.birth_date).days // 365.25
        ages.setdefault(youth.bsn, age)
    assert 0 <= min(ages.values()) and max(ages.values()) <= 17
    assert sum(age >= 4 for age in ages.values()) / len(ages) > 0.8


def test_toewijzing_numbers_are_digits_and_unique_per_municipality(events):
    seen = defaultdict(set)
    for toewijzing in _by_type(events, Toewijzing):
        assert toewijzing.toewijzing_nummer.isdigit()
        assert toewijzing.toewijzing_nummer not in seen[toewijzing.municipality_code]
        seen[toewijzing.municipality_code].add(toewijzing.toewijzing_nummer)
        assert len(toewijzing.product_code) == 5
        assert toewijzing.einddatum >= toewijzing.ingangsdatum


def test_a_provider_declares_a_month_to_a_municipality_on_one_day(events):
    # One JW323 per provider, municipality and month: every first declaration of a month (not
    # a correction) is sent on the same day, 5-15 days after the calendar month's last day.
    days = defaultdict(set)
    lines = [line for line in _by_type(events, Declaration)
             if line.debet_credit == "D" and not line.referentie_nummer.endswith("N")]
    for line in lines:
        month_end = line.period_start.replace(
            day=calendar.monthrange(line.period_start.year, line.period_start.month)[1])
        assert 5 <= (line.date - month_end).days <= 15
        days[(line.provider_agb, line.municipality_code, month_end)].add(line.date)
    assert all(len(sent) == 1 for sent in days.values())
    assert len(days) < len(lines) / 2  # so a message carries several lines on average
