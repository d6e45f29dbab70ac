"""Amsterdam profile × intensity (seed 004): one tariff per family, its exceptions, its amount."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.contracts.funding.errors import FundingError, MeerwerkError, StackingError
from openjeugd.contracts.funding.periods import Period
from openjeugd.contracts.funding.profile import (
    Assignment,
    Consent,
    Intensiteit,
    ProfileTariffs,
    TariffBasis,
    amount_for_family,
    assignment_errors,
    check_claim,
    family_lines,
)

PERSP, INTENS, ACUUT, DUURZ = (
    Intensiteit.PERSPECTIEF,
    Intensiteit.INTENSIEF,
    Intensiteit.ACUUT,
    Intensiteit.DUURZAAM,
)
YEAR = Period(date(2028, 1, 1), date(2028, 12, 31))
CONSENT = Consent("regisseur lokaal team Zuid", date(2028, 1, 5))


def days(start, end):
    return Period(start, end)


def rules(errors):
    return [error.rule for error in errors]


def test_one_assignment_is_valid():
    assert (
        assignment_errors([Assignment(3, INTENS, days(date(2028, 1, 10), date(2028, 6, 30)))]) == []
    )


def test_two_tariffs_at_once_are_stacking():
    errors = assignment_errors(
        [
            Assignment(3, INTENS, days(date(2028, 1, 10), date(2028, 6, 30))),
            Assignment(5, PERSP, days(date(2028, 3, 1), date(2028, 8, 31))),
        ]
    )
    assert rules(errors) == ["one tariff per family (seed 004)"]
    assert isinstance(errors[0], StackingError)
    assert errors[0].field == "assignments[1]"
    assert "without the regisseur's recorded consent" in str(errors[0])


def test_consent_does_not_allow_two_tariffs_at_once_unless_one_is_duurzaam():
    errors = assignment_errors(
        [
            Assignment(3, INTENS, days(date(2028, 1, 10), date(2028, 6, 30))),
            Assignment(5, PERSP, days(date(2028, 3, 1), date(2028, 8, 31)), CONSENT),
        ]
    )
    assert rules(errors) == ["stacking only with Duurzaam (seed 004)"]


def test_duurzaam_alongside_intensief_with_the_regisseurs_consent():
    # seed 004: after a clinical treatment a long intensive extramural phase (Duurzaam) may start
    intensief = Assignment(3, INTENS, days(date(2028, 1, 10), date(2028, 6, 30)))
    duurzaam = Assignment(3, DUURZ, days(date(2028, 6, 1), date(2028, 12, 31)), CONSENT)
    assert assignment_errors([intensief, duurzaam]) == []
    without = Assignment(3, DUURZ, days(date(2028, 6, 1), date(2028, 12, 31)))
    assert rules(assignment_errors([intensief, without])) == ["one tariff per family (seed 004)"]


def test_a_treatment_on_top_of_duurzaam_with_consent():
    # seed 004: a family in Duurzaam may need a treatment, e.g. psychic problems of an LVB youth
    duurzaam = Assignment(8, DUURZ, days(date(2028, 1, 1), date(2028, 12, 31)))
    treatment = Assignment(8, INTENS, days(date(2028, 4, 1), date(2028, 7, 31)), CONSENT)
    assert assignment_errors([duurzaam, treatment]) == []


def test_acuut_comes_on_top_without_consent_for_at_most_14_days():
    intensief = Assignment(3, INTENS, days(date(2028, 1, 10), date(2028, 6, 30)))
    fourteen = Assignment(
        3, ACUUT, days(date(2028, 2, 16), date(2028, 2, 29))
    )  # 16–29 Feb: 14 days
    assert assignment_errors([intensief, fourteen]) == []
    fifteen = Assignment(3, ACUUT, days(date(2028, 2, 15), date(2028, 2, 29)))
    errors = assignment_errors([intensief, fifteen])
    assert rules(errors) == ["Acuut maximaal 14 dagen (seed 004)"]
    assert "15 days" in str(errors[0])


def test_two_acuut_at_once_are_refused():
    errors = assignment_errors(
        [
            Assignment(3, ACUUT, days(date(2028, 2, 1), date(2028, 2, 10))),
            Assignment(4, ACUUT, days(date(2028, 2, 5), date(2028, 2, 14))),
        ]
    )
    assert rules(errors) == ["one tariff per family (seed 004)"]


def test_a_switch_to_another_combination_needs_the_regisseurs_consent():
    perspectief = Assignment(3, PERSP, days(date(2028, 1, 10), date(2028, 3, 31)))
    intensief = Assignment(3, INTENS, days(date(2028, 4, 1), date(2028, 9, 30)))
    errors = assignment_errors([perspectief, intensief])
    assert rules(errors) == ["one tariff per family (seed 004)"]
    assert "follows" in str(errors[0])
    consented = Assignment(3, INTENS, days(date(2028, 4, 1), date(2028, 9, 30)), CONSENT)
    assert assignment_errors([perspectief, consented]) == []


def test_consent_must_be_recorded_before_the_start():
    late = Consent("regisseur GI", date(2028, 7, 1))
    errors = assignment_errors(
        [
            Assignment(3, INTENS, days(date(2028, 1, 10), date(2028, 6, 30))),
            Assignment(3, DUURZ, days(date(2028, 6, 1), date(2028, 12, 31)), late),
        ]
    )
    assert rules(errors) == ["consent recorded in the perspectiefplan (seed 004)"]


def test_every_broken_rule_is_reported():
    errors = assignment_errors([Assignment(11, ACUUT, days(date(2028, 1, 1), date(2028, 1, 31)))])
    assert rules(errors) == ["10 profielen (seed 004)", "Acuut maximaal 14 dagen (seed 004)"]


MONTHLY = ProfileTariffs(
    {(3, INTENS): Decimal("1450.00"), (3, ACUUT): Decimal("900.00")}, TariffBasis.MONTH
)


def test_a_monthly_tariff_pays_parts_of_months_by_their_days():
    # 10 Feb – 20 Apr 2028 at 1450.00 a month:
    # Feb 20 of 29 days → 1000.00; March whole → 1450.00; Apr 20 of 30 → 966.666 → 966.67
    family = [Assignment(3, INTENS, days(date(2028, 2, 10), date(2028, 4, 20)))]
    lines = family_lines(family, MONTHLY, YEAR)
    assert [line.amount for line in lines] == [
        Decimal("1000.00"),
        Decimal("1450.00"),
        Decimal("966.67"),
    ]
    assert amount_for_family(family, MONTHLY, YEAR) == Decimal("3416.67")
    # only March asked: 1450.00
    march = Period(date(2028, 3, 1), date(2028, 3, 31))
    assert amount_for_family(family, MONTHLY, march) == Decimal("1450.00")


def test_the_same_dates_in_a_year_without_leap_day():
    # 10–28 Feb 2027 is 19 of 28 days: 1450 × 19 / 28 = 983.93
    family = [Assignment(3, INTENS, days(date(2027, 2, 10), date(2027, 2, 28)))]
    february = Period(date(2027, 2, 1), date(2027, 2, 28))
    assert amount_for_family(family, MONTHLY, february) == Decimal("983.93")


def test_acuut_on_top_is_paid_as_well():
    # Intensief whole Feb 2028 = 1450.00; Acuut 16–29 Feb is 14 of 29 days of 900.00 = 434.48
    family = [
        Assignment(3, INTENS, days(date(2028, 2, 1), date(2028, 2, 29))),
        Assignment(3, ACUUT, days(date(2028, 2, 16), date(2028, 2, 29))),
    ]
    february = Period(date(2028, 2, 1), date(2028, 2, 29))
    assert amount_for_family(family, MONTHLY, february) == Decimal("1884.48")


TOTAL_SUM = ProfileTariffs({(5, PERSP): Decimal("2500.00")})  # "totaal som" per family


def test_a_trajectory_tariff_is_paid_once_in_the_period_it_starts():
    family = [Assignment(5, PERSP, days(date(2028, 3, 20), date(2028, 9, 30)))]
    first_quarter = Period(date(2028, 1, 1), date(2028, 3, 31))
    second_quarter = Period(date(2028, 4, 1), date(2028, 6, 30))
    assert amount_for_family(family, TOTAL_SUM, first_quarter) == Decimal("2500.00")
    assert amount_for_family(family, TOTAL_SUM, second_quarter) == Decimal("0.00")


def test_no_amount_for_stacked_tariffs():
    family = [
        Assignment(5, PERSP, days(date(2028, 3, 20), date(2028, 9, 30))),
        Assignment(5, PERSP, days(date(2028, 4, 1), date(2028, 4, 30))),
    ]
    with pytest.raises(StackingError):
        amount_for_family(family, TOTAL_SUM, YEAR)


def test_a_claim_above_the_tariff_is_meerwerk():
    family = [Assignment(5, PERSP, days(date(2028, 3, 20), date(2028, 9, 30)))]
    check_claim(Decimal("2500.00"), family, TOTAL_SUM, YEAR)
    with pytest.raises(MeerwerkError):
        check_claim(Decimal("2750.00"), family, TOTAL_SUM, YEAR)


def test_a_combination_without_tariff_and_a_profile_outside_1_to_10_are_refused():
    family = [Assignment(7, DUURZ, days(date(2028, 3, 20), date(2028, 9, 30)))]
    with pytest.raises(FundingError, match="no tariff for profile 7 duurzaam"):
        amount_for_family(family, TOTAL_SUM, YEAR)
    with pytest.raises(FundingError) as refused:
        ProfileTariffs({(11, PERSP): Decimal("100.00")})
    assert refused.value.field == "profile"
