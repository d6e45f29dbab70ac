"""Stateless checks per message type (rules that need no stored context)."""

import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from .. import codes
from ..model import JW301, JW305, JW307, JW315, JW317, JW319, JW323, JW325, Message, Prestatie
from .base import Checks, duplicates
from .common import (
    check_bsn,
    check_contact,
    check_geboortedatum,
    check_gemeentecode,
    check_no_stacking,
    check_persoon,
    check_product,
    check_product_code,
    check_toewijzing_conditions,
    check_volledige_naam,
    code_in_list,
)

DECLARATIE_NUMMER = re.compile(r"[A-Za-z0-9]+")  # CS319
FIRST_DECLARATIE_DAY = date(2021, 1, 1)  # CS100
CENT = Decimal("0.01")


def _duplicate_refs(c: Checks, records, key, what) -> None:
    # TR101: within one message the logical key of a class (with its parents') is unique.
    double = duplicates(key(r) for r in records)
    reported = set()
    for record in records:
        k = key(record)
        if k in double and k not in reported:
            reported.add(k)
            c.add("TR101", record.ref, _("%(what)s occurs more than once in the message."),
                  what=what)


def _removed(product) -> bool:
    # TR302: a toewijzing deleted with reden 13 (or the old 01) and einddatum = ingangsdatum
    # no longer counts for stacking.
    return (product.reden_wijziging in ("13", "01")
            and product.einddatum == product.ingangsdatum)


# --- JW301 toewijzing ------------------------------------------------------------------------


def check_jw301(c: Checks, msg: JW301) -> None:
    client, dagtekening = msg.client, msg.header.dagtekening
    check_persoon(c, client, dagtekening)
    check_volledige_naam(c, client.naam, client.ref, client=True)
    if client.communicatie is not None:
        code_in_list(c, "COD747", client.communicatie.vorm, client.ref, "Communicatie/Vorm")
        if (client.communicatie.vorm == "1") != bool(client.communicatie.taal):  # CD007
            c.add("CD007", client.ref, _("Taal is required for an interpreter (vorm 1) and "
                                         "must be left out otherwise."))
    code_in_list(c, "WJ232", client.juridische_status, client.ref, "JuridischeStatus")
    code_in_list(c, "WJ003", client.wettelijke_vertegenwoordiging, client.ref,
                 "WettelijkeVertegenwoordiging")
    for relatie in client.relaties:
        code_in_list(c, "COD472", relatie.soort, relatie.ref, "Soort")
        check_volledige_naam(c, relatie.naam, relatie.ref, client=False)
        if relatie.geboortedatum is not None:
            check_geboortedatum(c, relatie.geboortedatum, relatie.geboortedatum_gebruik,
                                relatie.ref, dagtekening)
        check_contact(c, relatie.contact)
    _duplicate_refs(c, client.relaties, lambda r: r.nummer, "Relatie Nummer")  # OP071 too
    for contact in client.contactgegevens:
        check_contact(c, contact)
    if not any(contact.soort in ("01", "02", "03") for contact in client.contactgegevens):
        c.add("TR061", client.ref, _("The client needs a BRP, correspondence or residential "
                                     "address."))  # TR061
    products = client.toegewezen_producten
    for product in products:
        _check_toegewezen_product(c, product)
    _duplicate_refs(c, products, lambda p: p.toewijzing_nummer, "ToewijzingNummer")
    check_no_stacking(c, "TR302", (
        (p.ref, p.product, p.ingangsdatum, p.einddatum) for p in products if not _removed(p)),
        _("The same product is assigned twice for overlapping periods (see %(other)s)."))


def _check_toegewezen_product(c: Checks, product) -> None:
    ref = product.ref
    check_toewijzing_conditions(
        c, ref, product_element=True, product=product.product, omvang=product.omvang,
        budget=product.budget, start=product.ingangsdatum, end=product.einddatum,
        empty_omvang_rule="CD080")
    reden = product.reden_wijziging
    if code_in_list(c, "JZ002", reden, ref, "RedenWijziging"):
        if reden == "01":  # CS336: 01 is withdrawn since release 3.1
            c.add("CS336", ref, _("RedenWijziging 01 is withdrawn; use 13 or 14."))
        if reden == codes.REDEN_WIJZIGING_VERWIJDERD and product.einddatum != (
                product.ingangsdatum):  # CS335
            c.add("CS335", ref, _("RedenWijziging 13 (deleted) requires einddatum = "
                                  "ingangsdatum."))


# --- JW305 start, JW307 stop -----------------------------------------------------------------


def _check_regie_product(c: Checks, product, dagtekening: date) -> None:
    ref = product.ref
    # CS058 (OP033x2): only 1 (first delivery) or 3 (delete); a change is delete + new (OP033).
    if product.status_aanlevering not in (codes.STATUS_EERSTE, codes.STATUS_VERWIJDEREN):
        c.add("CS058", ref, _("StatusAanlevering must be 1 or 3, not %(code)s (a correction is "
                              "a delete plus a new delivery)."), code=product.status_aanlevering)
    if not product.toewijzing_nummer:
        # TR019: in iJw every start/stop refers to a toewijzing (OP363); without a number it
        # cannot refer to any.
        c.add("TR019", ref, _("ToewijzingNummer is missing, so the start or stop cannot be "
                              "linked to a toewijzing."))
    check_product(c, product.product, ref)
    if product.begindatum > dagtekening:  # TR134 (OP011: reported after care started)
        c.add("TR134", ref, _("Begindatum %(date)s lies after the dagtekening."),
              date=product.begindatum)


def check_jw305(c: Checks, msg: JW305) -> None:
    check_persoon(c, msg.client, msg.header.dagtekening)
    for product in msg.client.start_producten:
        _check_regie_product(c, product, msg.header.dagtekening)
    _duplicate_refs(c, msg.client.start_producten, lambda p: p.ref, "StartProduct")


def check_jw307(c: Checks, msg: JW307) -> None:
    check_persoon(c, msg.client, msg.header.dagtekening)
    for product in msg.client.stop_producten:
        _check_regie_product(c, product, msg.header.dagtekening)
        if not product.reden_beeindiging:  # mandatory in every stop, temporary or not
            c.add("XSD", product.ref, _("RedenBeeindiging is required."))
        else:
            code_in_list(c, "JZ588", product.reden_beeindiging, product.ref, "RedenBeeindiging")
        if product.einddatum < product.begindatum:  # TR018
            c.add("TR018", product.ref, _("Einddatum %(end)s lies before begindatum "
                                          "%(start)s."), end=product.einddatum,
                  start=product.begindatum)
    _duplicate_refs(c, msg.client.stop_producten, lambda p: p.ref, "StopProduct")


# --- JW315 verzoek om toewijzing -------------------------------------------------------------


def check_jw315(c: Checks, msg: JW315) -> None:
    client = msg.client
    check_persoon(c, client, msg.header.dagtekening)
    code_in_list(c, "COD260", client.gezagsdrager_bekend, client.ref, "GezagsdragerBekend")
    for product in client.aangevraagde_producten:
        ref = product.ref
        check_toewijzing_conditions(
            c, ref, product_element=True, product=product.product, omvang=product.omvang,
            budget=product.budget, start=product.toewijzing_ingangsdatum,
            end=product.toewijzing_einddatum, empty_omvang_rule="CD095",
            frequentie_rule="CS343")
        if bool(product.beschikking_nummer) != bool(product.beschikking_ingangsdatum):  # CD043
            c.add("CD043", ref, _("BeschikkingIngangsdatum goes with a BeschikkingNummer: both "
                                  "or neither."))
        code_in_list(c, "COD260", product.raamcontract, ref, "Raamcontract")
        _check_verwijzer(c, product.verwijzer, ref)
    # TR383: ReferentieAanbieder is unique per AangevraagdProduct within the message.
    double = duplicates(p.referentie_aanbieder for p in client.aangevraagde_producten)
    for value in sorted(double):
        c.add("TR383", f"product:ReferentieAanbieder={value}",
              _("ReferentieAanbieder %(value)s is used for more than one product."), value=value)
    check_no_stacking(c, "TR386", (
        (p.ref, p.product, p.toewijzing_ingangsdatum, p.toewijzing_einddatum)
        for p in client.aangevraagde_producten),
        _("The same product is requested twice for overlapping periods (see %(other)s)."))


def _check_verwijzer(c: Checks, verwijzer, ref: str) -> None:
    if not code_in_list(c, "COD327", verwijzer.type, ref, "Verwijzer/Type"):
        return
    if verwijzer.type in codes.VERWIJZER_MET_ZORGVERLENERCODE:
        if verwijzer.zorgverlener_code and verwijzer.naam:  # CD066
            c.add("CD066", ref, _("With a ZorgverlenerCode the referrer's name is left out."))
        if not verwijzer.zorgverlener_code and not verwijzer.naam:  # CD067
            c.add("CD067", ref, _("Without a ZorgverlenerCode the referrer's name is "
                                  "required."))
    elif verwijzer.zorgverlener_code:  # CD068
        c.add("CD068", ref, _("Only a GP, youth doctor, certified institution or medical "
                              "specialist has a ZorgverlenerCode."))
    if verwijzer.zorgverlener_code and not re.fullmatch(r"[0-9]{8}",
                                                        verwijzer.zorgverlener_code):
        c.add("XSD", ref, _("ZorgverlenerCode must be an eight-digit AGB code."))


# --- JW317 verzoek om wijziging --------------------------------------------------------------


def check_jw317(c: Checks, msg: JW317) -> None:
    client = msg.client
    check_bsn(c, client.bsn, client.ref)
    verzoek = client.verzoek
    code_in_list(c, "WJ758", verzoek.reden_verzoek, verzoek.ref, "RedenVerzoek")
    if not (verzoek.ongewijzigde_producten or verzoek.te_wijzigen_producten):  # TR352
        c.add("TR352", verzoek.ref, _("A change request lists at least one current toewijzing "
                                      "(unchanged or to change)."))
    if not (verzoek.te_wijzigen_producten or verzoek.nieuwe_producten):  # TR353
        c.add("TR353", verzoek.ref, _("A change request changes or adds at least one "
                                      "product."))
    existing = verzoek.ongewijzigde_producten + verzoek.te_wijzigen_producten
    _duplicate_refs(c, existing, lambda p: p.toewijzing_nummer, "ToewijzingNummer")
    for product in verzoek.te_wijzigen_producten:
        check_toewijzing_conditions(
            c, product.ref, product_element=False, product=None, omvang=product.omvang,
            budget=product.budget, start=product.gewenste_ingangsdatum, end=product.einddatum,
            empty_omvang_rule="CD096")
    for product in verzoek.nieuwe_producten:
        check_toewijzing_conditions(
            c, product.ref, product_element=True, product=product.product, omvang=product.omvang,
            budget=product.budget, start=product.gewenste_ingangsdatum, end=product.einddatum,
            empty_omvang_rule="CD096")
    check_no_stacking(c, "TR410", (
        (p.ref, p.product, p.gewenste_ingangsdatum, p.einddatum)
        for p in verzoek.nieuwe_producten),
        _("The same new product is requested twice for overlapping periods (see %(other)s)."))


# --- JW319 antwoord --------------------------------------------------------------------------


def check_jw319(c: Checks, msg: JW319) -> None:
    antwoord = msg.antwoord
    ref = antwoord.ref
    code_in_list(c, "WJ760", antwoord.verzoek_antwoord, ref, "VerzoekAntwoord")
    code_in_list(c, "WJ759", antwoord.reden_afwijzing_verzoek, ref, "RedenAfwijzingVerzoek")
    reden = antwoord.reden_afwijzing_verzoek
    if antwoord.verzoek_antwoord == codes.VERZOEK_AFGEWEZEN and not reden:  # CD085
        c.add("CD085", ref, _("A rejection needs a RedenAfwijzingVerzoek."))
    if antwoord.verzoek_antwoord == codes.AANVRAAG_IN_ONDERZOEK and reden:  # CD086
        c.add("CD086", ref, _("'Under investigation' has no RedenAfwijzingVerzoek."))
    woonplaats = antwoord.woonplaatsbeginsel
    if reden == codes.AFWIJZING_WOONPLAATSBEGINSEL and woonplaats is None:  # TR377
        c.add("TR377", ref, _("A rejection on the woonplaatsbeginsel names the responsible "
                              "municipality."))
    if reden != codes.AFWIJZING_WOONPLAATSBEGINSEL and woonplaats is not None:  # TR409
        c.add("TR409", ref, _("Woonplaatsbeginsel is only given with reason 8."))
    if woonplaats is not None:
        if not re.fullmatch(r"[0-9]{4}", woonplaats.gemeente or ""):
            c.add("XSD", woonplaats.ref, _("Gemeente must be a four-digit gemeentecode."))
        else:
            check_gemeentecode(c, woonplaats.gemeente, woonplaats.ref, level="product")


# --- JW323 declaratie ------------------------------------------------------------------------


def check_jw323(c: Checks, msg: JW323) -> None:
    decl = msg.declaratie
    ref = decl.ref
    if not DECLARATIE_NUMMER.fullmatch(decl.declaratie_nummer or ""):  # CS319
        c.add("CS319", ref, _("DeclaratieNummer may only hold letters and digits, without "
                              "spaces."))
    period = decl.declaratie_periode
    if not _whole_month(period.begindatum, period.einddatum):  # CS340
        c.add("CS340", ref, _("The declaration period must be exactly one calendar month."))
    if period.begindatum < FIRST_DECLARATIE_DAY:  # CS100
        c.add("CS100", ref, _("The declaration period starts before 1 January 2021."))
    if decl.declaratie_dagtekening > c.today:  # TR135
        c.add("TR135", ref, _("DeclaratieDagtekening %(date)s lies in the future."),
              date=decl.declaratie_dagtekening)
    _check_zero_is_debit(c, decl.totaal_ingediend_bedrag, ref)
    prestaties = [p for client in decl.clienten for p in client.prestaties]
    total = sum((p.ingediend_bedrag for p in prestaties), Decimal("0"))
    if total != decl.totaal_ingediend_bedrag:  # TR358: debit adds, credit subtracts
        c.add("TR358", ref, _("TotaalIngediendBedrag %(total)s is not the sum of the prestaties "
                              "(%(sum)s)."), total=decl.totaal_ingediend_bedrag, sum=total)
    for client in decl.clienten:
        check_bsn(c, client.bsn, client.ref)
        for prestatie in client.prestaties:
            _check_prestatie(c, prestatie, decl)
    _duplicate_refs(c, decl.clienten, lambda cl: cl.bsn, "Client (Bsn)")
    _duplicate_refs(c, prestaties, lambda p: p.product_referentie, "ReferentieNummer")
    _check_credits_in_message(c, prestaties)


def _whole_month(begin: date, end: date) -> bool:
    next_month = (begin.replace(day=28) + timedelta(days=4)).replace(day=1)
    return begin.day == 1 and end == next_month - timedelta(days=1)


def _check_zero_is_debit(c: Checks, amount: Decimal, ref: str) -> None:
    # CS325: a zero amount is written as debit; the model keeps a zero credit as -0.00.
    if amount == 0 and amount.is_signed():
        c.add("CS325", ref, _("An amount of zero must be marked debit (D)."))


def _check_prestatie(c: Checks, p: Prestatie, decl) -> None:
    ref = p.ref
    if code_in_list(c, "JZ020", p.product_categorie, ref, "ProductCategorie"):
        check_product_code(c, p.product_categorie, p.product_code, ref)
    euro = p.eenheid == codes.EENHEID_EURO
    code_in_list(c, "WJ756", p.eenheid, ref, "Eenheid")
    begin, end = p.product_periode.begindatum, p.product_periode.einddatum
    if (begin.year, begin.month) != (end.year, end.month):  # CS337 (OP367)
        c.add("CS337", ref, _("The product period must lie within one calendar month."))
    if begin < FIRST_DECLARATIE_DAY:  # CS100
        c.add("CS100", ref, _("The product period starts before 1 January 2021."))
    if end < begin or end > decl.declaratie_dagtekening:  # TR137
        c.add("TR137", ref, _("The product period must end on or after its start and not after "
                              "the DeclaratieDagtekening."))
    if end < _five_years_before(decl.declaratie_dagtekening):  # TR335
        c.add("TR335", ref, _("The product period ended more than 5 years before the "
                              "DeclaratieDagtekening."))
    if end > decl.declaratie_periode.einddatum:
        # TR319 (OP354): only care of the declaration period or earlier periods.
        c.add("TR319", ref, _("The product period lies after the declaration period."))
    credit = p.ingediend_bedrag.is_signed()
    if credit != bool(p.vorig_product_referentie):  # CD060
        c.add("CD060", ref, _("VorigReferentieNummer is required for a credit and must be left "
                              "out for a debit."))
    _check_zero_is_debit(c, p.ingediend_bedrag, ref)
    if euro == (p.product_tarief is not None):  # CD087
        c.add("CD087", ref, _("ProductTarief is required unless the unit is euros (83), and "
                              "must be left out for euros."))
    if euro and abs(p.ingediend_bedrag) != Decimal(p.geleverd_volume):  # CS339
        c.add("CS339", ref, _("With unit euros the amount must equal the delivered volume."))
    if not euro and p.product_tarief is not None and not _amount_explained(p):  # TR346
        c.add("TR346", ref, _("IngediendBedrag %(amount)s is not GeleverdVolume x "
                              "ProductTarief."), amount=abs(p.ingediend_bedrag))


def _five_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 5)
    except ValueError:
        return day.replace(year=day.year - 5, day=28)


def _amount_explained(p: Prestatie) -> bool:
    """TR346 as far as one message can tell: amount = volume x tariff (IV081).

    For minutes on an hour tariff the message carries the tariff per minute rounded to cents
    while the amount is hour tariff x minutes / 60; so we accept the amount when some hour
    tariff (in cents) rounds to the given minute tariff and yields exactly this amount. The
    contract tariff itself is checked by the app (TR418).
    """
    amount, tariff, volume = abs(p.ingediend_bedrag), p.product_tarief, p.geleverd_volume
    if amount == tariff * volume:
        return True
    if p.eenheid != "01":
        return False
    tariff_cents = int(tariff * 100)
    for hour_cents in range(tariff_cents * 60 - 30, tariff_cents * 60 + 30):
        per_minute = (Decimal(hour_cents) / 60).quantize(Decimal(1), ROUND_HALF_UP)
        if per_minute != tariff_cents:
            continue
        cents = (Decimal(hour_cents) * volume / 60).quantize(Decimal(1), ROUND_HALF_UP)
        if cents * CENT == amount:
            return True
    return False


def _check_credits_in_message(c: Checks, prestaties: list[Prestatie]) -> None:
    earlier = [p.vorig_product_referentie for p in prestaties if p.vorig_product_referentie]
    double = duplicates(earlier)
    own = {p.product_referentie for p in prestaties}
    for p in prestaties:
        if p.vorig_product_referentie in double:  # TR315
            c.add("TR315", p.ref, _("VorigReferentieNummer %(value)s is credited more than "
                                    "once in the message."), value=p.vorig_product_referentie)
        if p.vorig_product_referentie in own:  # TR316
            c.add("TR316", p.ref, _("A debit line may not be credited in the same message."))
    # TR416: one debit per toewijzing, product and product period in the message.
    debits = [p for p in prestaties if not p.ingediend_bedrag.is_signed()]
    _duplicate_debits = duplicates(_debit_key(p) for p in debits)
    reported = set()
    for p in debits:
        key = _debit_key(p)
        if key in _duplicate_debits and key not in reported:
            reported.add(key)
            c.add("TR416", p.ref, _("There is more than one debit line for the same toewijzing, "
                                    "product and period."))


def _debit_key(p: Prestatie):
    return (p.toewijzing_nummer, p.product_categorie, p.product_code,
            p.product_periode.begindatum, p.product_periode.einddatum)


# --- JW325 declaratie-antwoord -----------------------------------------------------------------


def check_jw325(c: Checks, msg: JW325) -> None:
    answer = msg.declaratie_antwoord
    if answer is None:
        return
    _check_zero_is_debit(c, answer.totaal_ingediend_bedrag, answer.ref)
    _check_zero_is_debit(c, answer.totaal_toegekend_bedrag, answer.ref)
    rejected = [p for client in answer.clienten for p in client.prestaties]
    for client in answer.clienten:
        check_bsn(c, client.bsn, client.ref)
    for p in rejected:
        _check_zero_is_debit(c, p.ingediend_bedrag, p.ref)
        if p.ingediend_bedrag.is_signed() != bool(p.vorig_product_referentie):  # CD060
            c.add("CD060", p.ref, _("VorigReferentieNummer is required for a credit and must "
                                    "be left out for a debit."))
    # TR342: only rejected prestaties are listed, so they explain the difference exactly; when
    # the whole declaration is refused nothing is listed and the granted total is 0.
    if rejected:
        difference = answer.totaal_ingediend_bedrag - answer.totaal_toegekend_bedrag
        listed = sum((p.ingediend_bedrag for p in rejected), Decimal("0"))
        if listed != difference:
            c.add("TR342", answer.ref, _("The rejected prestaties (%(listed)s) do not explain "
                                         "the difference between submitted and granted "
                                         "(%(difference)s)."), listed=listed,
                  difference=difference)


CHECKS = {
    "JW301": check_jw301,
    "JW305": check_jw305,
    "JW307": check_jw307,
    "JW315": check_jw315,
    "JW317": check_jw317,
    "JW319": check_jw319,
    "JW323": check_jw323,
    "JW325": check_jw325,
}


def check_message(c: Checks, msg: Message) -> None:
    specific = CHECKS.get(msg.code)
    if specific is not None:
        specific(c, msg)
