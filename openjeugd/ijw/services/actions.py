"""What users do that produces a message: the municipality assigns and answers, a provider
asks, reports start and stop, and declares. Each action builds the message, sends it through
the one path (outbox or ingest) and returns the archived message with its outcome.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from openjeugd.accounts import audit, policy
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw import build, clock, codec
from openjeugd.ijw.codec import model as m
from openjeugd.ijw.models import Message, Start, Toewijzing, ToewijzingNummerCounter, Verzoek
from openjeugd.ijw.services import outbox
from openjeugd.ijw.services.ingest import ingest
from openjeugd.lib.money import round_money


def _sends_as(user, afzender: str, ontvanger: str) -> None:
    """Who may send what is the policy's decision; a person sends as their own organisation."""
    policy.require(user, Perm.EXCHANGE_MESSAGES)
    refusal = policy.sender_refusal(user, afzender=afzender, ontvanger=ontvanger)
    if refusal:
        raise PermissionDenied(refusal)


def _municipality_of(user, municipality, provider):
    _sends_as(user, municipality.code, provider.agb_code)


def _provider_of(user, provider, municipality):
    if provider is None:  # e.g. a municipality's worker trying a provider's action
        raise PermissionDenied(_("Only a provider's own staff send this message."))
    _sends_as(user, provider.agb_code, municipality.code)


def _send_out(user, message: m.Message) -> Message:
    try:
        stored = outbox.send(message)
    except outbox.OutgoingInvalid as error:
        raise ValidationError({"__all__": [str(error)]}) from error
    audit.record_write(user, "create", stored, purpose=Purpose.MESSAGE_SEND)
    return stored


def _send_in(user, message: m.Message) -> Message:
    stored = ingest(codec.serialize(message), filename=f"{message.code}.xml", user=user).message
    audit.record_write(user, "create", stored, purpose=Purpose.MESSAGE_SEND)
    return stored


def _next_toewijzing_nummer(municipality) -> str:
    """TR332: the next free ToewijzingNummer of the municipality, from a counter row locked
    until our transaction ends, so two assignments at the same moment queue for it."""
    counter, _ = ToewijzingNummerCounter.objects.select_for_update().get_or_create(
        municipality=municipality, defaults={"last": _highest_number(municipality)})
    number = counter.last + 1
    # Numbers can also arrive in JW301s imported from the municipality's own system.
    taken = Toewijzing.objects.filter(municipality=municipality)
    while taken.filter(toewijzing_nummer=str(number)).exists():
        number += 1
    counter.last = number
    counter.save(update_fields=["last"])
    return str(number)


def _highest_number(municipality) -> int:
    # Seed on first use; ToewijzingNummer is text, so compare the numeric ones as numbers.
    numbers = Toewijzing.objects.filter(municipality=municipality).values_list(
        "toewijzing_nummer", flat=True)
    return max((int(n) for n in numbers if n.isascii() and n.isdigit()), default=0)


@transaction.atomic
def assign(user, *, youth_id: int, provider, categorie: str, code: str = "",
           ingangsdatum: date, einddatum: date | None, volume: int | None = None,
           eenheid: str = "", frequentie: str = "", budget: Decimal | None = None,
           referentie_aanbieder: str = "") -> Message:
    """JW301: the municipality assigns one product to a provider."""
    youth = policy.read_youth(user, youth_id, purpose=Purpose.TOEWIJZING)
    _municipality_of(user, youth.municipality, provider)
    municipality = youth.municipality
    line = build.toegewezen_product(
        nummer=_next_toewijzing_nummer(municipality), categorie=categorie, code=code,
        toegewezen_op=clock.today(), ingangsdatum=ingangsdatum, einddatum=einddatum,
        volume=volume, eenheid=eenheid, frequentie=frequentie, budget=budget,
        referentie_aanbieder=referentie_aanbieder)
    head = build.header("JW301", afzender=municipality.code, ontvanger=provider.agb_code,
                        identificatie=outbox.next_identificatie(municipality.code),
                        dagtekening=clock.today())
    return _send_out(user, build.jw301(head, youth, [line]))


@transaction.atomic
def change(user, toewijzing: Toewijzing, *, einddatum: date, reden_wijziging: str) -> Message:
    """JW301 with RedenWijziging: shorten, extend or withdraw (JZ002) a toewijzing."""
    policy.read_youth(user, toewijzing.youth_id, purpose=Purpose.TOEWIJZING_CHANGE)
    _municipality_of(user, toewijzing.municipality, toewijzing.provider)
    line = build.toegewezen_product(
        nummer=toewijzing.toewijzing_nummer, categorie=toewijzing.product_categorie,
        code=toewijzing.product_code, toegewezen_op=clock.today(),
        ingangsdatum=toewijzing.ingangsdatum, einddatum=einddatum, volume=toewijzing.volume,
        eenheid=toewijzing.eenheid, frequentie=toewijzing.frequentie, budget=toewijzing.budget,
        reden_wijziging=reden_wijziging)
    code = toewijzing.municipality.code
    head = build.header("JW301", afzender=code, ontvanger=toewijzing.provider.agb_code,
                        identificatie=outbox.next_identificatie(code), dagtekening=clock.today())
    return _send_out(user, build.jw301(head, toewijzing.youth, [line]))


@transaction.atomic
def answer_verzoek(user, verzoek: Verzoek, *, antwoord: str, reden_afwijzing: str = "",
                   woonplaats_gemeente: str = "") -> Message:
    """JW319: reject a request, or say it is being investigated (WJ760)."""
    policy.read_youth(user, verzoek.youth_id, purpose=Purpose.VERZOEK_ANSWER)
    _municipality_of(user, verzoek.municipality, verzoek.provider)
    code = verzoek.municipality.code
    head = build.header("JW319", afzender=code, ontvanger=verzoek.provider.agb_code,
                        identificatie=outbox.next_identificatie(code), dagtekening=clock.today())
    return _send_out(user, build.jw319(
        head, referentie_aanbieder=verzoek.referentie_aanbieder, antwoord=antwoord,
        reden_afwijzing=reden_afwijzing, woonplaats_gemeente=woonplaats_gemeente))


def _provider_head(code: str, provider, municipality) -> m.Header:
    return build.header(code, afzender=provider.agb_code, ontvanger=municipality.code,
                        identificatie=outbox.next_identificatie(provider.agb_code),
                        dagtekening=clock.today())


@transaction.atomic
def request_toewijzing(user, *, youth, municipality, referentie_aanbieder: str, categorie: str,
                       ingangsdatum: date, verwijzer_type: str, verwijzer_naam: str = "",
                       verwijzer_agb: str = "") -> Message:
    """JW315 from a provider; `youth` is anything with bsn, birth_date, geslacht, names."""
    _provider_of(user, user.provider, municipality)
    requested = m.AangevraagdProduct(
        referentie_aanbieder=referentie_aanbieder, product=build.product(categorie, None),
        toewijzing_ingangsdatum=ingangsdatum,
        verwijzer=m.Verwijzer(type=verwijzer_type, naam=verwijzer_naam or None,
                              zorgverlener_code=verwijzer_agb or None))
    head = _provider_head("JW315", user.provider, municipality)
    return _send_in(user, build.jw315(head, youth, [requested]))


def _delivery_line(toewijzing, **fields):
    return {"toewijzing_nummer": toewijzing.toewijzing_nummer,
            "product": build.product(toewijzing.product_categorie, toewijzing.product_code),
            "toewijzing_ingangsdatum": toewijzing.ingangsdatum, **fields}


@transaction.atomic
def report_start(user, toewijzing: Toewijzing, *, begindatum: date) -> Message:
    """JW305: the provider reports that care started."""
    _provider_of(user, toewijzing.provider, toewijzing.municipality)
    line = m.StartProduct(**_delivery_line(toewijzing, begindatum=begindatum,
                                           status_aanlevering="1"))
    head = _provider_head("JW305", toewijzing.provider, toewijzing.municipality)
    return _send_in(user, build.jw305(head, toewijzing.youth, [line]))


@transaction.atomic
def report_stop(user, start: Start, *, einddatum: date, reden_beeindiging: str) -> Message:
    """JW307: the provider reports that care ended (JZ588 reason)."""
    toewijzing = start.toewijzing
    _provider_of(user, start.provider, start.municipality)
    line = m.StopProduct(**_delivery_line(
        toewijzing, begindatum=start.begindatum, einddatum=einddatum,
        reden_beeindiging=reden_beeindiging, status_aanlevering="1"))
    head = _provider_head("JW307", start.provider, start.municipality)
    return _send_in(user, build.jw307(head, start.youth, [line]))


@transaction.atomic
def declare(user, *, municipality, period: tuple[date, date], lines: list[dict]) -> Message:
    """JW323 over one calendar month; each line: toewijzing, volume, tarief, referentie."""
    _provider_of(user, user.provider, municipality)
    clients: dict[str, list[m.Prestatie]] = {}
    for line in lines:
        toewijzing = line["toewijzing"]
        amount = round_money(line["tarief"] * line["volume"])
        clients.setdefault(toewijzing.youth.bsn, []).append(m.Prestatie(
            product_referentie=line["referentie"], toewijzing_nummer=toewijzing.toewijzing_nummer,
            product_categorie=toewijzing.product_categorie,
            product_code=toewijzing.product_code,
            product_periode=m.Periode(begindatum=period[0], einddatum=period[1]),
            geleverd_volume=line["volume"], eenheid=toewijzing.eenheid,
            product_tarief=line["tarief"], ingediend_bedrag=amount))
    head = _provider_head("JW323", user.provider, municipality)
    return _send_in(user, build.jw323(head, nummer=head.identificatie, periode=period,
                                      clients=clients))
