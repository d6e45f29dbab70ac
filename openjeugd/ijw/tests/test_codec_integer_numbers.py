"""Numbers typed xs:integer (ToewijzingNummer, BeschikkingNummer) are read as the number they
are: "+0000…1001" is toewijzing 1001, not a 50-character text (found by the upload fuzz test:
it overflowed the column on PostgreSQL and answered 500)."""

from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples


def test_padded_toewijzing_number_is_read_as_its_value():
    raw = codec.serialize(samples.sample_jw323()).replace(
        b"<ToewijzingNummer>1001<", b"<ToewijzingNummer>+" + b"0" * 50 + b"1001<")
    parsed = codec.parse(raw)
    assert parsed.declaratie.clienten[0].prestaties[0].toewijzing_nummer == "1001"
