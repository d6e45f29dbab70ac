"""Identifier validators: AGB code, gemeentecode, BSN (11-proef) and KvK number."""

import pytest
from django.core.exceptions import ValidationError

from openjeugd.registry.tests.factories import valid_bsn
from openjeugd.registry.validators import (
    validate_agb_code,
    validate_bsn,
    validate_gemeentecode,
    validate_kvk_number,
)


@pytest.mark.parametrize("value", ["12345678", "00000001"])
def test_agb_code_accepts_8_digits(value):
    validate_agb_code(value)


@pytest.mark.parametrize("value", ["1234567", "123456789", "1234567a", "", " 1234567", None])
def test_agb_code_refuses_anything_else(value):
    with pytest.raises(ValidationError) as error:
        validate_agb_code(value)
    assert error.value.code == "invalid_agb"


@pytest.mark.parametrize("value", ["0363", "1992"])
def test_gemeentecode_accepts_4_digits(value):
    validate_gemeentecode(value)


@pytest.mark.parametrize("value", ["363", "03630", "GM0363", "", 363])
def test_gemeentecode_refuses_anything_else(value):
    with pytest.raises(ValidationError) as error:
        validate_gemeentecode(value)
    assert error.value.code == "invalid_gemeentecode"


def test_bsn_passing_the_11_proef_is_accepted():
    # 111222333: 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3 = 69, minus 1*3 = 66 = 6*11.
    validate_bsn("111222333")


@pytest.mark.parametrize("value", [
    "111222334",  # 69 - 4 = 65, not divisible by 11
    "11122233",   # 8 digits
    "1112223333", # 10 digits
    "11122233a",
    "",
])
def test_bsn_failing_the_11_proef_is_refused(value):
    with pytest.raises(ValidationError) as error:
        validate_bsn(value)
    assert error.value.code == "invalid_bsn"


def test_factory_bsns_are_valid_and_distinct():
    bsns = [valid_bsn(n) for n in range(500)]
    for bsn in bsns:
        validate_bsn(bsn)
    assert len(set(bsns)) == 500


def test_kvk_number_must_be_8_digits():
    validate_kvk_number("12345678")
    with pytest.raises(ValidationError):
        validate_kvk_number("1234567")
