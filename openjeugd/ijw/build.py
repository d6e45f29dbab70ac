"""Builds iJw messages from domain values (used by user actions and the demo history).

Only construction: sending goes through services.outbox (municipality side) or
services.ingest (a provider's message arriving), so every message takes the real path.
"""

from datetime import date, time
from decimal import Decimal

from openjeugd.ijw.codec import model as m

header = m.make_header

_NAME_FALLBACK = "Onbekend"
EIGEN_NAAM = "1"  # COD700: eigen naam


def person(youth, *, full: bool = False) -> dict:
    """Client fields shared by 301/305/307/315, from anything with bsn/birth_date/names.

    JW301 carries the full name (CDT_VolledigeNaam, with NaamGebruik); the others the short
    form (CDT_VerkorteNaam), which does not allow NaamGebruik.
    """
    return {
        "bsn": youth.bsn,
        "geboortedatum": youth.birth_date,
        "geslacht": youth.geslacht,
        "naam": m.Naam(achternaam=youth.surname or _NAME_FALLBACK,
                       voorletters=youth.initials or None,
                       naam_gebruik=EIGEN_NAAM if full else None),
    }


def product(categorie: str, code: str | None) -> m.Product | None:
    return m.Product(categorie=categorie, code=code or None) if categorie else None


def omvang(volume: int | None, eenheid: str, frequentie: str) -> m.Omvang | None:
    if volume is None:
        return None
    return m.Omvang(volume=volume, eenheid=eenheid, frequentie=frequentie)


def jw301(head: m.Header, youth, products: list[m.ToegewezenProduct]) -> m.JW301:
    contact = m.Contact(soort="01", adres=m.Adres(huisnummer=1, postcode="6500AA",
                                                  straatnaam="Onbekend",
                                                  plaatsnaam="Onbekend", land_code="NL"))
    client = m.Client(**person(youth, full=True), contactgegevens=[contact],
                      toegewezen_producten=products)
    return m.JW301(header=head, client=client)


def toegewezen_product(*, nummer: str, categorie: str, code: str | None, toegewezen_op: date,
                       ingangsdatum: date, einddatum: date | None, volume: int | None = None,
                       eenheid: str = "", frequentie: str = "", budget: Decimal | None = None,
                       reden_wijziging: str = "", referentie_aanbieder: str = ""
                       ) -> m.ToegewezenProduct:
    return m.ToegewezenProduct(
        toewijzing_nummer=nummer, referentie_aanbieder=referentie_aanbieder or None,
        product=product(categorie, code), toewijzingsdatum=toegewezen_op,
        toewijzingstijd=time(9, 0), ingangsdatum=ingangsdatum, einddatum=einddatum,
        reden_wijziging=reden_wijziging or None, omvang=omvang(volume, eenheid, frequentie),
        budget=budget,
    )


def jw305(head: m.Header, youth, starts: list[m.StartProduct]) -> m.JW305:
    return m.JW305(header=head, client=m.StartClient(**person(youth), start_producten=starts))


def jw307(head: m.Header, youth, stops: list[m.StopProduct]) -> m.JW307:
    return m.JW307(header=head, client=m.StopClient(**person(youth), stop_producten=stops))


def jw315(head: m.Header, youth, products: list[m.AangevraagdProduct]) -> m.JW315:
    return m.JW315(header=head, client=m.VerzoekClient(**person(youth),
                                                       aangevraagde_producten=products))


def jw319(head: m.Header, *, referentie_aanbieder: str, antwoord: str,
          reden_afwijzing: str = "", woonplaats_gemeente: str = "") -> m.JW319:
    woonplaats = m.Woonplaatsbeginsel(gemeente=woonplaats_gemeente) if woonplaats_gemeente \
        else None
    return m.JW319(header=head, antwoord=m.Antwoord(
        referentie_aanbieder=referentie_aanbieder, verzoek_antwoord=antwoord,
        reden_afwijzing_verzoek=reden_afwijzing or None, woonplaatsbeginsel=woonplaats))


def jw323(head: m.Header, *, nummer: str, periode: tuple[date, date],
          clients: dict[str, list[m.Prestatie]]) -> m.JW323:
    total = sum((p.ingediend_bedrag for ps in clients.values() for p in ps), Decimal("0"))
    return m.JW323(header=head, declaratie=m.Declaratie(
        declaratie_nummer=nummer, declaratie_periode=m.Periode(begindatum=periode[0],
                                                               einddatum=periode[1]),
        declaratie_dagtekening=head.dagtekening, totaal_ingediend_bedrag=total,
        clienten=[m.DeclaratieClient(bsn=bsn, prestaties=ps) for bsn, ps in clients.items()],
    ))


def jw317(head: m.Header, youth, *, referentie_aanbieder: str, reden_verzoek: str,
          te_wijzigen: list[m.TeWijzigenProduct], ongewijzigd: list[str]) -> m.JW317:
    """A VOW: the Client carries only the Bsn (WijzigingClient); TR349 wants every current
    toewijzing listed, the unchanged ones by number only."""
    verzoek = m.Verzoek(
        referentie_aanbieder=referentie_aanbieder, reden_verzoek=reden_verzoek,
        ongewijzigde_producten=[m.OngewijzigdProduct(toewijzing_nummer=n) for n in ongewijzigd],
        te_wijzigen_producten=te_wijzigen)
    return m.JW317(header=head, client=m.WijzigingClient(bsn=youth.bsn, verzoek=verzoek))


def te_wijzigen_product(*, nummer: str, gewenste_ingangsdatum: date, einddatum: date | None,
                        volume: int | None = None, eenheid: str = "", frequentie: str = "",
                        budget: Decimal | None = None) -> m.TeWijzigenProduct:
    return m.TeWijzigenProduct(
        toewijzing_nummer=nummer, gewenste_ingangsdatum=gewenste_ingangsdatum,
        einddatum=einddatum, omvang=omvang(volume, eenheid, frequentie), budget=budget)
