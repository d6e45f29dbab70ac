"""Validators for the identifiers of the youth-care chain; each error names its field."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.nl import bsn as stdnum_bsn


def validate_agb_code(value: str) -> None:
    # Vektis AGB code: 8 digits; for care providers the first two give the kind of care.
    if not (isinstance(value, str) and len(value) == 8 and value.isdigit()):
        raise ValidationError(
            _("AGB code must be exactly 8 digits, got %(value)r."),
            code="invalid_agb", params={"value": value},
        )


def validate_gemeentecode(value: str) -> None:
    # CBS gemeentecode: always 4 digits with leading zeros (0363 Amsterdam).
    if not (isinstance(value, str) and len(value) == 4 and value.isdigit()):
        raise ValidationError(
            _("Gemeentecode must be exactly 4 digits, got %(value)r."),
            code="invalid_gemeentecode", params={"value": value},
        )


def validate_bsn(value: str) -> None:
    if not stdnum_bsn.is_valid(value or ""):
        raise ValidationError(
            _("BSN %(value)r is not valid: it must be 9 digits that pass the 11-proef."),
            code="invalid_bsn", params={"value": value},
        )


def validate_kvk_number(value: str) -> None:
    # KvK-nummer (Kamer van Koophandel): 8 digits.
    if not (isinstance(value, str) and len(value) == 8 and value.isdigit()):
        raise ValidationError(
            _("KvK number must be exactly 8 digits, got %(value)r."),
            code="invalid_kvk", params={"value": value},
        )
