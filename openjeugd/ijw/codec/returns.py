"""Return messages (IV028) and the declaratie-antwoord (IV087).

Retourcodes (WJ001): 0001 technical rejection, 0200 no remark on this record, 0233 record
not assessed, 8001 declaration fully granted.
"""

import copy
import dataclasses
from datetime import date
from decimal import Decimal

from openjeugd.lib.money import round_money

from .codes import FULLY_GRANTED, NO_REMARK, NOT_ASSESSED
from .message_types import MESSAGE_TYPES, RETOUR
from .model import (
    JW323,
    JW325,
    MESSAGE_CLASSES,
    MESSAGE_CODES,
    XSD_VERSIE,
    DeclaratieAntwoord,
    Header,
    Message,
    Record,
)

GEEN_OPMERKING = NO_REMARK
NIET_BEOORDEELD = NOT_ASSESSED
VOLLEDIG_TOEGEWEZEN = FULLY_GRANTED


def build_return(msg: Message, *, header_codes: list[str], record_codes: dict[str, list[str]],
                 identificatie: str, dagtekening: date,
                 xslt_versie: str | None = None) -> Message:
    """The return (302/306/308/316/318/320) of a heenbericht, with codes per record.

    No codes at all: header only (fully accepted). Header codes: header only, carrying
    them. Otherwise the header gets 0200 and the whole content comes back with every record
    marked: its own codes, 0233 under a rejected record, else 0200.
    """
    return_code = MESSAGE_TYPES[msg.code].answered_by
    if return_code is None or MESSAGE_TYPES[return_code].kind != RETOUR:
        raise ValueError(f"{msg.code} has no return message; JW323 gets build_declaratie_antwoord")
    record_codes = {ref: list(c) for ref, c in record_codes.items() if c}
    header_codes = sorted({*header_codes, *record_codes.pop("header", [])})
    header = dataclasses.replace(
        msg.header, berichtcode=MESSAGE_CODES[return_code], identificatie_retour=identificatie,
        dagtekening_retour=dagtekening, xslt_versie=xslt_versie,
        basisschema_xsd_versie_retour=XSD_VERSIE, bericht_xsd_versie_retour=XSD_VERSIE,
        retourcodes=header_codes)
    cls = MESSAGE_CLASSES[return_code]
    body_name = next(f.name for f in dataclasses.fields(cls) if f.name != "header")
    if header_codes or not record_codes:
        return cls(header=header)
    header.retourcodes = [GEEN_OPMERKING]
    body = copy.deepcopy(getattr(msg, body_name))
    _check_refs(msg, record_codes)
    _mark(body, record_codes, rejected_above=False)
    return cls(header=header, **{body_name: body})


def _check_refs(msg: Message, record_codes: dict[str, list[str]]) -> None:
    known = {alias for record in msg.records() for alias in record.aliases}
    unknown = sorted(set(record_codes) - known)
    if unknown:
        # Dropping a code would tell the sender all is well: refuse instead.
        raise ValueError(f"retourcodes for unknown records: {', '.join(unknown)}")


def _mark(node, record_codes: dict[str, list[str]], *, rejected_above: bool) -> None:
    if isinstance(node, list):
        for item in node:
            _mark(item, record_codes, rejected_above=rejected_above)
        return
    if not dataclasses.is_dataclass(node):
        return
    if isinstance(node, Record) and hasattr(node, "retourcodes"):
        own = sorted({code for alias in node.aliases for code in record_codes.get(alias, [])})
        node.retourcodes = own or [NIET_BEOORDEELD if rejected_above else GEEN_OPMERKING]
        rejected_above = rejected_above or bool(own)
    for f in dataclasses.fields(node):
        if f.name != "retourcodes":
            _mark(getattr(node, f.name), record_codes, rejected_above=rejected_above)


def build_declaratie_antwoord(msg: JW323, *, rejected: dict[str, list[str]], identificatie: str,
                              dagtekening: date, header_codes: list[str] = (),
                              xslt_versie: str | None = None) -> JW325:
    """JW325 for a JW323: rejected prestaties with their codes and the granted total.

    ``rejected`` maps refs to codes: ``"declaratie"`` rejects the whole declaration
    (granted 0), ``"client:<bsn>"`` a client (its prestaties get 0233), and
    ``"prestatie:ReferentieNummer=<nr>"`` single prestaties. Granted prestaties are not
    listed; granted = submitted - sum(rejected prestaties) (TR342).
    """
    header = _antwoord_header(msg, identificatie, dagtekening, xslt_versie)
    if header_codes:
        header.retourcodes = list(header_codes)
        return JW325(header=header)
    declaratie = msg.declaratie
    rejected = {ref: sorted(set(c)) for ref, c in rejected.items() if c}
    _check_refs(msg, rejected)
    ingediend = declaratie.totaal_ingediend_bedrag
    if rejected.get("declaratie"):
        antwoord = DeclaratieAntwoord(
            declaratie_nummer=declaratie.declaratie_nummer, totaal_ingediend_bedrag=ingediend,
            totaal_toegekend_bedrag=Decimal("0.00"), retourcodes=rejected["declaratie"])
        return JW325(header=header, declaratie_antwoord=antwoord)
    clienten = [c for c in (_rejected_client(c, rejected) for c in declaratie.clienten) if c]
    afgewezen = sum((p.ingediend_bedrag for c in clienten for p in c.prestaties), Decimal("0"))
    antwoord = DeclaratieAntwoord(
        declaratie_nummer=declaratie.declaratie_nummer, totaal_ingediend_bedrag=ingediend,
        totaal_toegekend_bedrag=round_money(ingediend - afgewezen),
        clienten=clienten, retourcodes=[GEEN_OPMERKING if clienten else VOLLEDIG_TOEGEWEZEN])
    return JW325(header=header, declaratie_antwoord=antwoord)


def _antwoord_header(msg: JW323, identificatie, dagtekening, xslt_versie) -> Header:
    original = msg.header
    return Header(
        berichtcode=MESSAGE_CODES["JW325"], berichtversie=original.berichtversie,
        berichtsubversie=original.berichtsubversie,
        afzender=original.ontvanger, ontvanger=original.afzender,
        identificatie=identificatie, dagtekening=dagtekening,
        basisschema_xsd_versie=XSD_VERSIE, bericht_xsd_versie=XSD_VERSIE,
        declaratie_identificatie=original.identificatie,
        declaratie_dagtekening=original.dagtekening, xslt_versie=xslt_versie,
        basisschema_xsd_versie_declaratie=original.basisschema_xsd_versie,
        bericht_xsd_versie_declaratie=original.bericht_xsd_versie,
        retourcodes=[GEEN_OPMERKING])


def _rejected_client(client, rejected: dict[str, list[str]]):
    client_codes = rejected.get(client.ref, [])
    prestaties = []
    for prestatie in client.prestaties:
        codes = rejected.get(prestatie.ref) or ([NIET_BEOORDEELD] if client_codes else [])
        if codes:
            prestaties.append(dataclasses.replace(prestatie, retourcodes=list(codes)))
    if not prestaties:
        return None
    return dataclasses.replace(client, prestaties=prestaties,
                               retourcodes=client_codes or [GEEN_OPMERKING])
