"""A readable account of what an iJw message says: per record its fields, code values with
their official meaning, amounts in euros and the retourcodes it carries.

Used by the message detail (a stored message, parsed again from its raw bytes) and by the
preview of a message a user is about to send, so both show the same thing.
"""

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, time
from decimal import Decimal

from django.utils import formats

from openjeugd.ijw import codec
from openjeugd.ijw.codec import codes
from openjeugd.ijw.codec import model as m

# Element names that do not name their code list themselves (codes._ALIASES has the rest).
_CODE_LISTS = {
    ("Product", "categorie"): "JZ020",
    ("Verwijzer", "type"): "COD327",
    ("Contact", "soort"): "COD757",
    ("Relatie", "soort"): "COD472",
}
_MONEY = {"cents", "dc", "totaal-dc"}
# Technical header fields that tell a reader nothing about the content.
_SKIPPED = {"berichtversie", "berichtsubversie", "basisschema_xsd_versie", "bericht_xsd_versie",
            "basisschema_xsd_versie_retour", "bericht_xsd_versie_retour", "xslt_versie",
            "basisschema_xsd_versie_declaratie", "bericht_xsd_versie_declaratie"}


@dataclass
class Retourcode:
    code: str
    meaning: str


@dataclass
class Section:
    """One record of the message (header, client, product, prestatie …)."""

    title: str
    ref: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    retourcodes: list[Retourcode] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)


def summarize(message: m.Message) -> list[Section]:
    return [_section(type(message).__name__, "", message)]


def read_stored(raw: bytes) -> list[Section] | None:
    """The content of an archived message, or None when its bytes cannot be read."""
    try:
        return summarize(codec.parse(bytes(raw)))
    except codec.CodecError:
        return None


def _section(title: str, ref: str, record) -> Section:
    section = Section(title=title, ref=ref)
    owner = type(record).__name__
    for spec in fields(record):
        value = getattr(record, spec.name)
        if spec.name in _SKIPPED or value is None or value == []:
            continue
        label = _label(spec.metadata.get("xml", spec.name))
        if spec.name == "retourcodes":
            section.retourcodes = [Retourcode(c, codes.retourcode_meaning(c)) for c in value]
        elif isinstance(value, list):
            section.children += [_child(label, item) for item in value]
        elif is_dataclass(value) and _is_small(value):
            section.fields.append((label, _inline(value)))
        elif is_dataclass(value):
            section.children.append(_child(label, value))
        else:
            section.fields.append((label, _display(owner, spec, value)))
    return section


def _label(path: str) -> str:
    # "StartProducten/StartProduct" → the item; "Geboortedatum/Datum" → the composite.
    outer, _, inner = path.rpartition("/")
    return outer if inner in {"Datum", "DatumGebruik"} else inner


def _child(label: str, record) -> Section:
    return _section(label, getattr(record, "ref", ""), record)


def _is_small(record) -> bool:
    # Product, Periode, Omvang, Naam: a value of a few parts, shown on one line.
    return isinstance(record, m.Product | m.Periode | m.OpenPeriode | m.Omvang | m.Naam)


def _inline(record) -> str:
    if isinstance(record, m.Product):
        meaning = codes.meaning("JZ020", record.categorie)
        return " ".join(p for p in (record.categorie, record.code or "", f"({meaning})"
                                    if meaning else "") if p)
    if isinstance(record, m.Periode | m.OpenPeriode):
        return f"{_date(record.begindatum) or '…'} – {_date(record.einddatum) or '…'}"
    if isinstance(record, m.Omvang):
        return (f"{record.volume} × {codes.meaning('WJ756', record.eenheid) or record.eenheid}"
                f" {codes.meaning('WMO757', record.frequentie) or record.frequentie}")
    parts = (record.voorletters, record.voorvoegsel, record.achternaam)
    return " ".join(p for p in parts if p)


def _display(owner: str, spec, value) -> str:
    if spec.metadata.get("conv") in _MONEY and isinstance(value, Decimal):
        return money(value)
    if isinstance(value, date):
        return _date(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    meaning = _code_meaning(owner, spec.name, str(value))
    return f"{value} ({meaning})" if meaning else str(value)


def _code_meaning(owner: str, name: str, value: str) -> str:
    list_name = _CODE_LISTS.get((owner, name), name)
    try:
        return codes.meaning(list_name, value)
    except KeyError:
        return ""


def _date(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def money(value: Decimal) -> str:
    """€ 1.020,00 in Dutch, € 1,020.00 in English: the active language's notation."""
    return "€ " + formats.number_format(value, 2, use_l10n=True, force_grouping=True)
