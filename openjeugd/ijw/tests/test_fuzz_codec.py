"""Fuzz the codec with broken messages: it refuses them with its own CodecError and nothing
else, and whatever it does accept goes through the stateless rules and the XSD without a crash
(processing calls all three on untrusted bytes)."""

import sys
from collections import Counter
from datetime import date

from django.conf import settings as django_settings
from hypothesis import given

from openjeugd.ijw import codec
from openjeugd.ijw.codec.rules import check
from openjeugd.ijw.services.sniff import sniff
from openjeugd.ijw.tests.fuzz import fuzz_settings, mutated_message


def test_codec_raises_only_its_own_error():
    stats = Counter()

    @fuzz_settings()
    @given(mutated_message())
    def parse_one(case):
        _code, raw = case
        stats["messages"] += 1
        sniff(raw)  # reads the header to archive first; must never raise
        if django_settings.IJW_XSD_DIR:
            codec.validate_xsd(raw, django_settings.IJW_XSD_DIR)
        try:
            parsed = codec.parse(raw)
        except codec.CodecError:
            stats["refused"] += 1
            return
        check(parsed, today=date(2026, 3, 10))
        stats["parsed"] += 1

    parse_one()  # any exception but CodecError fails here, with the smallest example found
    print(f"\ncodec: {stats['messages']} messages, {stats['refused']} refused with "
          f"CodecError, {stats['parsed']} parsed and checked, 0 other exceptions",
          file=sys.stderr)
