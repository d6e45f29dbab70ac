"""What users do that produces a message: the municipality assigns and answers, a provider
asks, reports start and stop, and declares.

Each action has ONE builder (`_assign_message`, …) that checks who sends and builds the
message. The action itself (`assign`, …) builds with numbers taken from the locked counters
and sends through the one path (outbox or ingest); its twin `preview_*` builds the same message
with the numbers it would probably get and returns a `drafts.Draft` with the stateless rule
checks, without taking a number or archiving anything.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from openjeugd.accounts import audit, policy
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw import build, clock, codec, drafts
from openjeugd.ijw.codec import model as m
from openjeugd.ijw.models import (
    IdentificatieCounter,
    Message,
    Start,
    Toewijzing,
    ToewijzingNummerCounter,
    Verzoek,
)
from openjeugd.ijw.services import outbox
from openjeugd.ijw.services.handlers.wijziging import is_current
from openjeugd.ijw.services.ingest import ingest
from openjeugd.lib.money import round_money

# --- who sends ------------------------------------------------------------------------------


def _sends_as(user, afzender: str, ontvanger: str) -> None:
    """Who may send what is the policy's decision; a person sends as their own organisation."""
    policy.require(user, Perm.EXCHANGE_MESSAGES)
    refusal = policy.sender_refusal(user, afzender=afzender, ontvanger=ontvanger)
    if refusal:
        raise PermissionDenied(refusal)


def _municipality_of(user, municipality, provider):
    _sends_as(user, municipality.code, provider.agb_code if provider else "")


def _provider_of(user, provider, municipality):
    if provider is None:  # e.g. a municipality's worker trying a provider's action
        raise PermissionDenied(_("Only a provider's own staff send this message."))
    _sends_as(user, provider.agb_code, municipality.code)


def require_municipality_sender(user, municipality, provider=None) -> None:
    """For the screens: refuse (403) before showing a form this user could never send."""
    _municipality_of(user, municipality, provider)


def require_provider_sender(user, provider, municipality) -> None:
    _provider_of(user, provider, municipality)


# --- numbers: taken when sending, only looked at for a preview -------------------------------


class _Taken:
    """Numbers from the locked counters: only for a message that is really sent."""

    @staticmethod
    def identificatie(afzender: str) -> str:
        return outbox.next_identificatie(afzender)

    @staticmethod
    def toewijzing_nummer(municipality) -> str:
        return _next_toewijzing_nummer(municipality)


class _Peeked:
    """The numbers a message would probably get; takes nothing (someone may send first)."""

    @staticmethod
    def identificatie(afzender: str) -> str:
        last = IdentificatieCounter.objects.filter(afzender=afzender).values_list(
            "last", flat=True).first() or 0
        return f"OJ{last + 1:010d}"  # the format of outbox.next_identificatie

    @staticmethod
    def toewijzing_nummer(municipality) -> str:
        last = ToewijzingNummerCounter.objects.filter(municipality=municipality).values_list(
            "last", flat=True).first()
        return str((last if last is not None else _highest_number(municipality)) + 1)


TAKEN, PEEKED = _Taken(), _Peeked()


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


# --- sending ----------------------------------------------------------------------------------


def _send_out(user, message: m.Message) -> Message:
    try:
        stored = outbox.send(message)
    except outbox.OutgoingInvalid as error:
        raise ValidationError({"__all__": [str(error)]}) from error
    audit.record_object(user, "create", stored, purpose=Purpose.MESSAGE_SEND)
    return stored


def _send_in(user, message: m.Message) -> Message:
    stored = ingest(codec.serialize(message), filename=f"{message.code}.xml", user=user).message
    audit.record_object(user, "create", stored, purpose=Purpose.MESSAGE_SEND)
    return stored


def _municipality_head(code: str, municipality, provider, numbers) -> m.Header:
    return build.header(code, afzender=municipality.code, ontvanger=provider.agb_code,
                        identificatie=numbers.identificatie(municipality.code),
                        dagtekening=clock.today())


def _provider_head(code: str, provider, municipality, numbers=TAKEN) -> m.Header:
    return build.header(code, afzender=provider.agb_code, ontvanger=municipality.code,
                        identificatie=numbers.identificatie(provider.agb_code),
                        dagtekening=clock.today())


# --- JW301: assign ------------------------------------------------------------------------------


def _assign_message(user, numbers, *, youth_id: int, provider, categorie: str, code: str = "",
                    ingangsdatum: date, einddatum: date | None, volume: int | None = None,
                    eenheid: str = "", frequentie: str = "", budget: Decimal | None = None,
                    referentie_aanbieder: str = "") -> m.JW301:
    youth = policy.read_youth(user, youth_id, purpose=Purpose.TOEWIJZING)
    municipality = youth.municipality
    _municipality_of(user, municipality, provider)
    line = build.toegewezen_product(
        nummer=numbers.toewijzing_nummer(municipality), categorie=categorie, code=code,
        toegewezen_op=clock.today(), ingangsdatum=ingangsdatum, einddatum=einddatum,
        volume=volume, eenheid=eenheid, frequentie=frequentie, budget=budget,
        referentie_aanbieder=referentie_aanbieder)
    head = _municipality_head("JW301", municipality, provider, numbers)
    return build.jw301(head, youth, [line])


@transaction.atomic
def assign(user, **fields) -> Message:
    """JW301: the municipality assigns one product to a provider (fields of _assign_message)."""
    return _send_out(user, _assign_message(user, TAKEN, **fields))


def preview_assign(user, **fields) -> drafts.Draft:
    return drafts.review(_assign_message(user, PEEKED, **fields))


# --- JW301 with RedenWijziging: change, extend, shorten, withdraw -----------------------------


def _change_message(user, numbers, toewijzing: Toewijzing, *, einddatum: date,
                    reden_wijziging: str) -> m.JW301:
    policy.read_youth(user, toewijzing.youth_id, purpose=Purpose.TOEWIJZING_CHANGE)
    _municipality_of(user, toewijzing.municipality, toewijzing.provider)
    line = build.toegewezen_product(
        nummer=toewijzing.toewijzing_nummer, categorie=toewijzing.product_categorie,
        code=toewijzing.product_code, toegewezen_op=clock.today(),
        ingangsdatum=toewijzing.ingangsdatum, einddatum=einddatum, volume=toewijzing.volume,
        eenheid=toewijzing.eenheid, frequentie=toewijzing.frequentie, budget=toewijzing.budget,
        reden_wijziging=reden_wijziging)
    head = _municipality_head("JW301", toewijzing.municipality, toewijzing.provider, numbers)
    return build.jw301(head, toewijzing.youth, [line])


@transaction.atomic
def change(user, toewijzing: Toewijzing, *, einddatum: date, reden_wijziging: str) -> Message:
    """JW301 with RedenWijziging: shorten, extend or withdraw (JZ002 13) a toewijzing."""
    return _send_out(user, _change_message(user, TAKEN, toewijzing, einddatum=einddatum,
                                           reden_wijziging=reden_wijziging))


def preview_change(user, toewijzing: Toewijzing, **fields) -> drafts.Draft:
    return drafts.review(_change_message(user, PEEKED, toewijzing, **fields))


# --- JW319: answer a request -----------------------------------------------------------------


def _answer_message(user, numbers, verzoek: Verzoek, *, antwoord: str, reden_afwijzing: str = "",
                    woonplaats_gemeente: str = "") -> m.JW319:
    policy.read_youth(user, verzoek.youth_id, purpose=Purpose.VERZOEK_ANSWER)
    _municipality_of(user, verzoek.municipality, verzoek.provider)
    head = _municipality_head("JW319", verzoek.municipality, verzoek.provider, numbers)
    return build.jw319(head, referentie_aanbieder=verzoek.referentie_aanbieder,
                       antwoord=antwoord, reden_afwijzing=reden_afwijzing,
                       woonplaats_gemeente=woonplaats_gemeente)


@transaction.atomic
def answer_verzoek(user, verzoek: Verzoek, **fields) -> Message:
    """JW319: reject a request, or say it is being investigated (WJ760)."""
    return _send_out(user, _answer_message(user, TAKEN, verzoek, **fields))


def preview_answer_verzoek(user, verzoek: Verzoek, **fields) -> drafts.Draft:
    return drafts.review(_answer_message(user, PEEKED, verzoek, **fields))


# --- JW315: a provider requests a toewijzing ---------------------------------------------------


def _request_message(user, numbers, *, youth, municipality, referentie_aanbieder: str,
                     categorie: str, ingangsdatum: date, verwijzer_type: str,
                     verwijzer_naam: str = "", verwijzer_agb: str = "") -> m.JW315:
    _provider_of(user, user.provider, municipality)
    requested = m.AangevraagdProduct(
        referentie_aanbieder=referentie_aanbieder, product=build.product(categorie, None),
        toewijzing_ingangsdatum=ingangsdatum,
        verwijzer=m.Verwijzer(type=verwijzer_type, naam=verwijzer_naam or None,
                              zorgverlener_code=verwijzer_agb or None))
    head = _provider_head("JW315", user.provider, municipality, numbers)
    return build.jw315(head, youth, [requested])


@transaction.atomic
def request_toewijzing(user, **fields) -> Message:
    """JW315 from a provider; `youth` is anything with bsn, birth_date, geslacht, names."""
    return _send_in(user, _request_message(user, TAKEN, **fields))


def preview_request_toewijzing(user, **fields) -> drafts.Draft:
    return drafts.review(_request_message(user, PEEKED, **fields))


# --- JW317: a provider asks to change its current toewijzingen -------------------------------


def current_toewijzingen(provider, youth) -> list[Toewijzing]:
    """The toewijzingen a VOW of this provider for this youth must list (TR349: current =
    valid today or later, deleted or corrected-away ones excluded; the same test the handler
    applies), oldest first, so the form can offer them all."""
    return [t for t in Toewijzing.objects.filter(
        provider=provider, youth=youth, municipality=youth.municipality).order_by(
        "ingangsdatum", "toewijzing_nummer") if is_current(t, clock.today())]


def _change_request_message(user, numbers, *, youth, municipality, referentie_aanbieder: str,
                            reden_verzoek: str, te_wijzigen: list[dict],
                            ongewijzigd: list[str]) -> m.JW317:
    """te_wijzigen: dicts with toewijzing_nummer, gewenste_ingangsdatum, einddatum and
    optionally volume/eenheid/frequentie/budget; ongewijzigd: ToewijzingNummers."""
    _provider_of(user, user.provider, municipality)
    changed = [build.te_wijzigen_product(nummer=line["toewijzing_nummer"],
                                         **{k: v for k, v in line.items()
                                            if k != "toewijzing_nummer"})
               for line in te_wijzigen]
    head = _provider_head("JW317", user.provider, municipality, numbers)
    return build.jw317(head, youth, referentie_aanbieder=referentie_aanbieder,
                       reden_verzoek=reden_verzoek, te_wijzigen=changed,
                       ongewijzigd=list(ongewijzigd))


@transaction.atomic
def request_change(user, **fields) -> Message:
    """JW317 (VOW) from a provider about its current toewijzingen for one youth."""
    return _send_in(user, _change_request_message(user, TAKEN, **fields))


def preview_request_change(user, **fields) -> drafts.Draft:
    message = _change_request_message(user, PEEKED, **fields)
    draft = drafts.review(message)
    # TR349 is checked against the stored toewijzingen on arrival; say it before sending.
    listed = {p.toewijzing_nummer for p in [*message.client.verzoek.ongewijzigde_producten,
                                            *message.client.verzoek.te_wijzigen_producten]}
    missing = [t.toewijzing_nummer for t in current_toewijzingen(user.provider, fields["youth"])
               if t.toewijzing_nummer not in listed]
    if missing:
        draft.findings.append(drafts.context_check(
            "TR349", message.client.ref,
            _("Current toewijzingen missing from the request: %(nrs)s.") %
            {"nrs": ", ".join(missing)}))
    return draft


# --- JW305 / JW307: start and stop -------------------------------------------------------------


def _delivery_line(toewijzing, **fields):
    return {"toewijzing_nummer": toewijzing.toewijzing_nummer,
            "product": build.product(toewijzing.product_categorie, toewijzing.product_code),
            "toewijzing_ingangsdatum": toewijzing.ingangsdatum, **fields}


def _start_message(user, numbers, toewijzing: Toewijzing, *, begindatum: date) -> m.JW305:
    _provider_of(user, toewijzing.provider, toewijzing.municipality)
    line = m.StartProduct(**_delivery_line(toewijzing, begindatum=begindatum,
                                           status_aanlevering="1"))
    head = _provider_head("JW305", toewijzing.provider, toewijzing.municipality, numbers)
    return build.jw305(head, toewijzing.youth, [line])


@transaction.atomic
def report_start(user, toewijzing: Toewijzing, *, begindatum: date) -> Message:
    """JW305: the provider reports that care started."""
    return _send_in(user, _start_message(user, TAKEN, toewijzing, begindatum=begindatum))


def preview_start(user, toewijzing: Toewijzing, **fields) -> drafts.Draft:
    return drafts.review(_start_message(user, PEEKED, toewijzing, **fields))


def _stop_message(user, numbers, start: Start, *, einddatum: date,
                  reden_beeindiging: str) -> m.JW307:
    _provider_of(user, start.provider, start.municipality)
    line = m.StopProduct(**_delivery_line(
        start.toewijzing, begindatum=start.begindatum, einddatum=einddatum,
        reden_beeindiging=reden_beeindiging, status_aanlevering="1"))
    head = _provider_head("JW307", start.provider, start.municipality, numbers)
    return build.jw307(head, start.youth, [line])


@transaction.atomic
def report_stop(user, start: Start, *, einddatum: date, reden_beeindiging: str) -> Message:
    """JW307: the provider reports that care ended (JZ588 reason)."""
    return _send_in(user, _stop_message(user, TAKEN, start, einddatum=einddatum,
                                        reden_beeindiging=reden_beeindiging))


def preview_stop(user, start: Start, **fields) -> drafts.Draft:
    return drafts.review(_stop_message(user, PEEKED, start, **fields))


# --- JW323: declare -----------------------------------------------------------------------------


def _declare_message(user, numbers, *, municipality, period: tuple[date, date],
                     lines: list[dict]) -> m.JW323:
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
    head = _provider_head("JW323", user.provider, municipality, numbers)
    return build.jw323(head, nummer=head.identificatie, periode=period, clients=clients)


@transaction.atomic
def declare(user, *, municipality, period: tuple[date, date], lines: list[dict]) -> Message:
    """JW323 over one calendar month; each line: toewijzing, volume, tarief, referentie."""
    return _send_in(user, _declare_message(user, TAKEN, municipality=municipality,
                                           period=period, lines=lines))


def preview_declare(user, **fields) -> drafts.Draft:
    return drafts.review(_declare_message(user, PEEKED, **fields))
