"""Realistic, XSD-valid instances of all 14 messages from a few keyword arguments.

Used by tests, the demo generator and the benchmark. Defaults describe one youth in
Nijmegen (0268) receiving 4 hours a week of ambulant youth care (45A48) from one provider.
"""

from datetime import date, time
from decimal import Decimal

from openjeugd.lib.money import round_money

from . import model as m
from .model import make_header as header
from .returns import build_declaratie_antwoord, build_return

GEMEENTE, AGB, BSN = "0268", "12345678", "999993653"  # BSN passes the 11-test


def _naam(volledig: bool) -> m.Naam:
    return m.Naam(achternaam="Berg", voorvoegsel="van den", voornamen="Sanne Maria",
                  voorletters="SM", naam_gebruik="1" if volledig else None)


def sample_jw301(*, gemeente=GEMEENTE, agb=AGB, bsn=BSN, identificatie="TW000001",
                 dagtekening=date(2026, 1, 5), toewijzing_nummer="1001", categorie="45",
                 productcode="45A48", ingangsdatum=date(2026, 1, 12),
                 einddatum=date(2026, 12, 31), volume=4, eenheid="04", frequentie="2",
                 budget: Decimal | None = None, reden_wijziging=None,
                 referentie_aanbieder=None, geboortedatum=date(2012, 3, 14)) -> m.JW301:
    product = m.ToegewezenProduct(
        toewijzing_nummer=toewijzing_nummer, referentie_aanbieder=referentie_aanbieder,
        # CD041: a product code needs an omvang, so a budget toewijzing is per category.
        product=m.Product(categorie=categorie, code=None if budget is not None else productcode),
        toewijzingsdatum=dagtekening, toewijzingstijd=time(9, 30), ingangsdatum=ingangsdatum,
        einddatum=einddatum, reden_wijziging=reden_wijziging,
        # CD078: a toewijzing has either an omvang or a budget.
        omvang=None if budget is not None else m.Omvang(volume=volume, eenheid=eenheid,
                                                         frequentie=frequentie),
        budget=budget)
    contact = m.Contact(soort="01", adres=m.Adres(
        huisnummer=12, huisletter="a", postcode="6511AB", straatnaam="Hertogstraat",
        plaatsnaam="Nijmegen", land_code="NL"))
    client = m.Client(bsn=bsn, geboortedatum=geboortedatum, geslacht="2",
                      naam=_naam(True), juridische_status="01", contactgegevens=[contact],
                      toegewezen_producten=[product])
    return m.JW301(header=header("JW301", afzender=gemeente, ontvanger=agb,
                                 identificatie=identificatie, dagtekening=dagtekening),
                   client=client)


def sample_jw305(*, gemeente=GEMEENTE, agb=AGB, bsn=BSN, identificatie="ST000001",
                 dagtekening=date(2026, 1, 20), toewijzing_nummer="1001", categorie="45",
                 productcode="45A48", toewijzing_ingangsdatum=date(2026, 1, 12),
                 begindatum=date(2026, 1, 14), status_aanlevering="1",
                 geboortedatum=date(2012, 3, 14)) -> m.JW305:
    product = m.StartProduct(
        toewijzing_nummer=toewijzing_nummer,
        product=m.Product(categorie=categorie, code=productcode),
        toewijzing_ingangsdatum=toewijzing_ingangsdatum, begindatum=begindatum,
        status_aanlevering=status_aanlevering)
    client = m.StartClient(bsn=bsn, geboortedatum=geboortedatum, geslacht="2",
                           naam=_naam(False), start_producten=[product])
    return m.JW305(header=header("JW305", afzender=agb, ontvanger=gemeente,
                                 identificatie=identificatie, dagtekening=dagtekening),
                   client=client)


def sample_jw307(*, gemeente=GEMEENTE, agb=AGB, bsn=BSN, identificatie="SP000001",
                 dagtekening=date(2026, 7, 3), toewijzing_nummer="1001", categorie="45",
                 productcode="45A48", toewijzing_ingangsdatum=date(2026, 1, 12),
                 begindatum=date(2026, 1, 14), einddatum=date(2026, 6, 30),
                 reden_beeindiging="31", status_aanlevering="1",
                 geboortedatum=date(2012, 3, 14)) -> m.JW307:
    product = m.StopProduct(
        toewijzing_nummer=toewijzing_nummer,
        product=m.Product(categorie=categorie, code=productcode),
        toewijzing_ingangsdatum=toewijzing_ingangsdatum, begindatum=begindatum,
        reden_beeindiging=reden_beeindiging, einddatum=einddatum,
        status_aanlevering=status_aanlevering)
    client = m.StopClient(bsn=bsn, geboortedatum=geboortedatum, geslacht="2",
                          naam=_naam(False), stop_producten=[product])
    return m.JW307(header=header("JW307", afzender=agb, ontvanger=gemeente,
                                 identificatie=identificatie, dagtekening=dagtekening),
                   client=client)


def sample_jw315(*, gemeente=GEMEENTE, agb=AGB, bsn=BSN, identificatie="VT000001",
                 dagtekening=date(2026, 1, 2), referentie_aanbieder="VOT-0001",
                 categorie="45", productcode="45A48", ingangsdatum=date(2026, 1, 12),
                 einddatum=date(2026, 12, 31), volume=4, eenheid="04", frequentie="2",
                 verwijzer_type="02", verwijzer_naam=None,
                 zorgverlener_code="01234567", geboortedatum=date(2012, 3, 14)) -> m.JW315:
    product = m.AangevraagdProduct(
        referentie_aanbieder=referentie_aanbieder,
        product=m.Product(categorie=categorie, code=productcode),
        toewijzing_ingangsdatum=ingangsdatum, toewijzing_einddatum=einddatum,
        omvang=m.Omvang(volume=volume, eenheid=eenheid, frequentie=frequentie),
        verwijzer=m.Verwijzer(type=verwijzer_type, naam=verwijzer_naam,
                              zorgverlener_code=zorgverlener_code))
    client = m.VerzoekClient(bsn=bsn, geboortedatum=geboortedatum, geslacht="2",
                             naam=_naam(False), aangevraagde_producten=[product])
    return m.JW315(header=header("JW315", afzender=agb, ontvanger=gemeente,
                                 identificatie=identificatie, dagtekening=dagtekening),
                   client=client)


def sample_jw317(*, gemeente=GEMEENTE, agb=AGB, bsn=BSN, identificatie="VW000001",
                 dagtekening=date(2026, 3, 2), referentie_aanbieder="VOW-0001",
                 toewijzing_nummer="1001", gewenste_ingangsdatum=date(2026, 4, 1),
                 einddatum=date(2026, 12, 31), volume=6, eenheid="04",
                 frequentie="2", ongewijzigd: tuple[str, ...] = ()) -> m.JW317:
    verzoek = m.Verzoek(
        referentie_aanbieder=referentie_aanbieder, reden_verzoek="1",
        ongewijzigde_producten=[m.OngewijzigdProduct(toewijzing_nummer=n) for n in ongewijzigd],
        te_wijzigen_producten=[m.TeWijzigenProduct(
            toewijzing_nummer=toewijzing_nummer, gewenste_ingangsdatum=gewenste_ingangsdatum,
            einddatum=einddatum,
            omvang=m.Omvang(volume=volume, eenheid=eenheid, frequentie=frequentie))])
    return m.JW317(header=header("JW317", afzender=agb, ontvanger=gemeente,
                                 identificatie=identificatie, dagtekening=dagtekening),
                   client=m.WijzigingClient(bsn=bsn, verzoek=verzoek))


def sample_jw319(*, gemeente=GEMEENTE, agb=AGB, identificatie="AW000001",
                 dagtekening=date(2026, 1, 6), referentie_aanbieder="VOT-0001",
                 verzoek_antwoord="2", reden_afwijzing=None,
                 woonplaatsbeginsel_gemeente=None) -> m.JW319:
    antwoord = m.Antwoord(
        referentie_aanbieder=referentie_aanbieder, verzoek_antwoord=verzoek_antwoord,
        reden_afwijzing_verzoek=reden_afwijzing,
        woonplaatsbeginsel=woonplaatsbeginsel_gemeente and m.Woonplaatsbeginsel(
            gemeente=woonplaatsbeginsel_gemeente))
    return m.JW319(header=header("JW319", afzender=gemeente, ontvanger=agb,
                                 identificatie=identificatie, dagtekening=dagtekening),
                   antwoord=antwoord)


def sample_prestatie(*, referentie="P000001", toewijzing_nummer="1001", categorie="45",
                     productcode="45A48", begindatum=date(2026, 2, 1),
                     einddatum=date(2026, 2, 28), volume=16, eenheid="04",
                     tarief=Decimal("85.50"), credit=False) -> m.Prestatie:
    bedrag = round_money(tarief * volume)
    return m.Prestatie(
        product_referentie=referentie, toewijzing_nummer=toewijzing_nummer,
        product_categorie=categorie, product_code=productcode,
        product_periode=m.Periode(begindatum=begindatum, einddatum=einddatum),
        geleverd_volume=volume, eenheid=eenheid, product_tarief=tarief,
        ingediend_bedrag=bedrag.copy_negate() if credit else bedrag)


def sample_jw323(*, gemeente=GEMEENTE, agb=AGB, bsn=BSN, identificatie="DC000001",
                 dagtekening=date(2026, 3, 4), declaratie_nummer="D2026020001",
                 periode=(date(2026, 2, 1), date(2026, 2, 28)),
                 prestaties: list[m.Prestatie] | None = None) -> m.JW323:
    prestaties = prestaties if prestaties is not None else [sample_prestatie()]
    totaal = sum((p.ingediend_bedrag for p in prestaties), Decimal("0.00"))
    declaratie = m.Declaratie(
        declaratie_nummer=declaratie_nummer,
        declaratie_periode=m.Periode(begindatum=periode[0], einddatum=periode[1]),
        declaratie_dagtekening=dagtekening, totaal_ingediend_bedrag=totaal,
        clienten=[m.DeclaratieClient(bsn=bsn, prestaties=prestaties)])
    return m.JW323(header=header("JW323", afzender=agb, ontvanger=gemeente,
                                 identificatie=identificatie, dagtekening=dagtekening),
                   declaratie=declaratie)


def _sample_return(original: m.Message, ref: str, code: str) -> m.Message:
    return build_return(original, header_codes=[], record_codes={ref: [code]},
                        identificatie="RT000001", dagtekening=original.header.dagtekening)


def sample_jw302(**kwargs) -> m.JW302:
    """A return rejecting the product (TR332: ToewijzingNummer already used)."""
    original = sample_jw301(**kwargs)
    return _sample_return(original, original.client.toegewezen_producten[0].ref, "9332")


def sample_jw306(**kwargs) -> m.JW306:
    original = sample_jw305(**kwargs)
    return _sample_return(original, original.client.start_producten[0].ref, "9019")


def sample_jw308(**kwargs) -> m.JW308:
    original = sample_jw307(**kwargs)
    return _sample_return(original, original.client.stop_producten[0].ref, "9069")


def sample_jw316(**kwargs) -> m.JW316:
    return _sample_return(sample_jw315(**kwargs), "client", "9374")


def sample_jw318(**kwargs) -> m.JW318:
    original = sample_jw317(**kwargs)
    return _sample_return(original, original.client.verzoek.te_wijzigen_producten[0].ref, "9351")


def sample_jw320(**kwargs) -> m.JW320:
    return _sample_return(sample_jw319(**kwargs), "antwoord", "9365")


def sample_jw325(**kwargs) -> m.JW325:
    """An answer rejecting the one prestatie of the sample declaration (TR321: volume)."""
    original = sample_jw323(**kwargs)
    prestatie = original.declaratie.clienten[0].prestaties[0]
    return build_declaratie_antwoord(original, rejected={prestatie.ref: ["9321"]},
                                     identificatie="DA000001",
                                     dagtekening=original.header.dagtekening)


SAMPLES = {
    "JW301": sample_jw301, "JW302": sample_jw302, "JW305": sample_jw305,
    "JW306": sample_jw306, "JW307": sample_jw307, "JW308": sample_jw308,
    "JW315": sample_jw315, "JW316": sample_jw316, "JW317": sample_jw317,
    "JW318": sample_jw318, "JW319": sample_jw319, "JW320": sample_jw320,
    "JW323": sample_jw323, "JW325": sample_jw325,
}


def sample(code: str, **kwargs) -> m.Message:
    return SAMPLES[code](**kwargs)
