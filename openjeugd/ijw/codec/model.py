"""Typed records for the 14 iJw 3.2 messages, in XSD element order.

Conventions (the XML edge in ``xmlmap`` converts):
- attribute names are the element names in snake_case; composites that only group values
  (``Geboortedatum``, ``Geslachtsnaam``, ``BerichtIdentificatie``, ``XsdVersie``,
  ``ProductReferentie``) are flattened into their parent record;
- dates are ``datetime.date``, ``Toewijzingstijd`` is ``datetime.time``;
- amounts (Budget, ProductTarief, Bedrag, TotaalBedrag) are ``Decimal`` euros with two
  decimals; the XML carries eurocents. Debet/credit amounts are one signed Decimal
  (credit negative);
- codes from code lists stay strings ("01", "45"), as do BSN, AGB code, gemeentecode and
  ToewijzingNummer (digits are checked on parsing);
- optional elements are ``None`` (or an empty list) and are left out when writing.

Every record that the return message can mark has ``retourcodes`` and a stable ``ref``
(``"header"``, ``"client"``, ``"product:ToewijzingNummer=123"``,
``"prestatie:ReferentieNummer=R1"``...), so findings can be attached per record.
"""

from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, time
from decimal import Decimal
from typing import ClassVar

from .fields import codes, many, opt, req
from .message_types import MESSAGE_TYPES


class Record:
    """Anything addressable in a message. Subclasses define ``ref``."""

    # Records whose child elements live in the basisschema namespace (the CDT_ types).
    basis: ClassVar[bool] = False

    @property
    def ref(self) -> str:
        return type(self).__name__.lower()

    @property
    def aliases(self) -> tuple[str, ...]:
        return (self.ref,)


def _key(**parts) -> str:
    return ";".join(f"{name}={value}" for name, value in parts.items() if value is not None)


# --- basisschema composites (CDT_*) -------------------------------------------------------


@dataclass(kw_only=True)
class Product(Record):
    basis: ClassVar[bool] = True
    categorie: str = req("Categorie")
    code: str | None = opt("Code")

    def __str__(self) -> str:
        return f"{self.categorie}/{self.code or ''}"


@dataclass(kw_only=True)
class Omvang(Record):
    basis: ClassVar[bool] = True
    volume: int = req("Volume")
    eenheid: str = req("Eenheid")
    frequentie: str = req("Frequentie")


@dataclass(kw_only=True)
class Periode(Record):
    """CDT_GeslotenPeriode."""

    basis: ClassVar[bool] = True
    begindatum: date = req("Begindatum")
    einddatum: date = req("Einddatum")


@dataclass(kw_only=True)
class OpenPeriode(Record):
    basis: ClassVar[bool] = True
    begindatum: date | None = opt("Begindatum")
    einddatum: date | None = opt("Einddatum")


@dataclass(kw_only=True)
class Naam(Record):
    """CDT_VolledigeNaam (JW301) or CDT_VerkorteNaam (others: no partner, no NaamGebruik)."""

    basis: ClassVar[bool] = True
    achternaam: str = req("Geslachtsnaam/Achternaam")
    voorvoegsel: str | None = opt("Geslachtsnaam/Voorvoegsel")
    partnernaam_achternaam: str | None = opt("Partnernaam/Achternaam")
    partnernaam_voorvoegsel: str | None = opt("Partnernaam/Voorvoegsel")
    voornamen: str | None = opt("Voornamen")
    voorletters: str | None = opt("Voorletters")
    naam_gebruik: str | None = opt("NaamGebruik")


@dataclass(kw_only=True)
class Communicatie(Record):
    basis: ClassVar[bool] = True
    vorm: str = req("Vorm")
    taal: str | None = opt("Taal")


@dataclass(kw_only=True)
class Adres(Record):
    basis: ClassVar[bool] = True
    huisnummer: int | None = opt("Huis/Huisnummer")
    huisletter: str | None = opt("Huis/Huisletter")
    huisnummer_toevoeging: str | None = opt("Huis/HuisnummerToevoeging")
    aanduiding_woonadres: str | None = opt("Huis/AanduidingWoonadres")
    postcode: str | None = opt("Postcode")
    straatnaam: str | None = opt("Straatnaam")
    plaatsnaam: str | None = opt("Plaatsnaam")
    land_code: str | None = opt("LandCode")


@dataclass(kw_only=True)
class Telefoon(Record):
    basis: ClassVar[bool] = True
    telefoonnummer: str = req("Telefoonnummer")
    landnummer: str = req("Landnummer")


@dataclass(kw_only=True)
class Verwijzer(Record):
    basis: ClassVar[bool] = True
    type: str = req("Type")
    naam: str | None = opt("Naam")
    zorgverlener_code: str | None = opt("ZorgverlenerCode", "digits")


# --- header ---------------------------------------------------------------------------------


@dataclass(kw_only=True)
class Header(Record):
    """One header class for all messages; fields a message does not have stay None.

    Return headers (302..320) copy the original header and add the *_retour fields; the
    JW325 header adds the declaratie_* fields instead.
    """

    berichtcode: int = req("BerichtCode")
    berichtversie: int = req("BerichtVersie")
    berichtsubversie: int = req("BerichtSubversie")
    afzender: str = req("Afzender", "digits")
    ontvanger: str = req("Ontvanger", "digits")
    identificatie: str = req("BerichtIdentificatie/Identificatie")
    dagtekening: date = req("BerichtIdentificatie/Dagtekening")
    basisschema_xsd_versie: str = req("XsdVersie/BasisschemaXsdVersie")
    bericht_xsd_versie: str = req("XsdVersie/BerichtXsdVersie")
    identificatie_retour: str | None = opt("IdentificatieRetour")
    dagtekening_retour: date | None = opt("DagtekeningRetour")
    declaratie_identificatie: str | None = opt("DeclaratieIdentificatie/Identificatie")
    declaratie_dagtekening: date | None = opt("DeclaratieIdentificatie/Dagtekening")
    xslt_versie: str | None = opt("XsltVersie")
    basisschema_xsd_versie_retour: str | None = opt("XsdVersieRetour/BasisschemaXsdVersie")
    bericht_xsd_versie_retour: str | None = opt("XsdVersieRetour/BerichtXsdVersie")
    basisschema_xsd_versie_declaratie: str | None = opt(
        "XsdVersieDeclaratie/BasisschemaXsdVersie")
    bericht_xsd_versie_declaratie: str | None = opt("XsdVersieDeclaratie/BerichtXsdVersie")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "header"


# --- client data shared by 301/305/307/315 ------------------------------------------------


@dataclass(kw_only=True)
class Persoon(Record):
    """Bsn, Geboortedatum, Geslacht and Naam: the start of most Client records."""

    bsn: str = req("Bsn", "digits")
    geboortedatum: date = req("Geboortedatum/Datum")
    geboortedatum_gebruik: str | None = opt("Geboortedatum/DatumGebruik")
    geslacht: str = req("Geslacht")
    naam: Naam = req("Naam")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "client"

    @property
    def aliases(self) -> tuple[str, ...]:
        return ("client", f"client:{self.bsn}")


@dataclass(kw_only=True)
class Contact(Record):
    soort: str = req("Soort")
    adres: Adres | None = opt("Adres")
    organisatie: str | None = opt("Organisatie")
    telefoon01: Telefoon | None = opt("Telefoon/Telefoon01")
    telefoon02: Telefoon | None = opt("Telefoon/Telefoon02")
    emailadres: str | None = opt("Emailadres")
    periode: OpenPeriode | None = opt("Periode")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "contact:" + _key(Soort=self.soort)


@dataclass(kw_only=True)
class Relatie(Record):
    nummer: str = req("Nummer")
    volgorde: int | None = opt("Volgorde")
    soort: str = req("Soort")
    geboortedatum: date | None = opt("Geboortedatum/Datum")
    geboortedatum_gebruik: str | None = opt("Geboortedatum/DatumGebruik")
    geslacht: str | None = opt("Geslacht")
    naam: Naam = req("Naam")
    contact: Contact = req("Contact")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "relatie:" + _key(Nummer=self.nummer)


# --- JW301/JW302 toewijzing ------------------------------------------------------------------


@dataclass(kw_only=True)
class ToegewezenProduct(Record):
    toewijzing_nummer: str = req("ToewijzingNummer", "integer")
    referentie_aanbieder: str | None = opt("ReferentieAanbieder")
    product: Product | None = opt("Product")
    toewijzingsdatum: date = req("Toewijzingsdatum")
    toewijzingstijd: time = req("Toewijzingstijd")
    ingangsdatum: date = req("Ingangsdatum")
    einddatum: date | None = opt("Einddatum")
    reden_wijziging: str | None = opt("RedenWijziging")
    omvang: Omvang | None = opt("Omvang")
    budget: Decimal | None = opt("Budget", "cents")
    commentaar: str | None = opt("Commentaar")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "product:" + _key(ToewijzingNummer=self.toewijzing_nummer)


@dataclass(kw_only=True)
class Client(Persoon):
    """JW301/JW302 client: full name, contacts and the assigned products."""

    communicatie: Communicatie | None = opt("Communicatie")
    juridische_status: str | None = opt("JuridischeStatus")
    wettelijke_vertegenwoordiging: str | None = opt("WettelijkeVertegenwoordiging")
    commentaar: str | None = opt("Commentaar")
    relaties: list[Relatie] = many("Relaties/Relatie")
    contactgegevens: list[Contact] = many("Contactgegevens/Contact")
    toegewezen_producten: list[ToegewezenProduct] = many(
        "ToegewezenProducten/ToegewezenProduct")


# --- JW305/306 start, JW307/308 stop -------------------------------------------------------


def _start_stop_ref(product) -> str:
    # ToewijzingNummer is optional in 305/307 (then Product identifies the care).
    return "product:" + _key(
        ToewijzingNummer=product.toewijzing_nummer,
        Product=None if product.toewijzing_nummer or not product.product else str(product.product),
        Begindatum=product.begindatum, Einddatum=getattr(product, "einddatum", None),
        StatusAanlevering=product.status_aanlevering)


@dataclass(kw_only=True)
class StartProduct(Record):
    toewijzing_nummer: str | None = opt("ToewijzingNummer", "integer")
    product: Product | None = opt("Product")
    toewijzing_ingangsdatum: date | None = opt("ToewijzingIngangsdatum")
    begindatum: date = req("Begindatum")
    status_aanlevering: str = req("StatusAanlevering")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return _start_stop_ref(self)


@dataclass(kw_only=True)
class StopProduct(Record):
    toewijzing_nummer: str | None = opt("ToewijzingNummer", "integer")
    product: Product | None = opt("Product")
    toewijzing_ingangsdatum: date | None = opt("ToewijzingIngangsdatum")
    begindatum: date = req("Begindatum")
    reden_beeindiging: str = req("RedenBeeindiging")
    einddatum: date = req("Einddatum")
    status_aanlevering: str = req("StatusAanlevering")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return _start_stop_ref(self)


@dataclass(kw_only=True)
class StartClient(Persoon):
    start_producten: list[StartProduct] = many("StartProducten/StartProduct")


@dataclass(kw_only=True)
class StopClient(Persoon):
    stop_producten: list[StopProduct] = many("StopProducten/StopProduct")


# --- JW315/316 verzoek om toewijzing -------------------------------------------------------


@dataclass(kw_only=True)
class AangevraagdProduct(Record):
    referentie_aanbieder: str = req("ReferentieAanbieder")
    beschikking_nummer: str | None = opt("BeschikkingNummer", "integer")
    product: Product | None = opt("Product")
    beschikking_ingangsdatum: date | None = opt("BeschikkingIngangsdatum")
    toewijzing_ingangsdatum: date = req("ToewijzingIngangsdatum")
    toewijzing_einddatum: date | None = opt("ToewijzingEinddatum")
    omvang: Omvang | None = opt("Omvang")
    budget: Decimal | None = opt("Budget", "cents")
    verwijzer: Verwijzer = req("Verwijzer")
    raamcontract: str | None = opt("Raamcontract")
    commentaar: str | None = opt("Commentaar")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "product:" + _key(ReferentieAanbieder=self.referentie_aanbieder)


@dataclass(kw_only=True)
class VerzoekClient(Persoon):
    gezagsdrager_bekend: str | None = opt("GezagsdragerBekend")
    commentaar: str | None = opt("Commentaar")
    aangevraagde_producten: list[AangevraagdProduct] = many(
        "AangevraagdeProducten/AangevraagdProduct")


# --- JW317/318 verzoek om wijziging --------------------------------------------------------


@dataclass(kw_only=True)
class OngewijzigdProduct(Record):
    toewijzing_nummer: str = req("ToewijzingNummer", "integer")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "ongewijzigd:" + _key(ToewijzingNummer=self.toewijzing_nummer)


@dataclass(kw_only=True)
class TeWijzigenProduct(Record):
    toewijzing_nummer: str = req("ToewijzingNummer", "integer")
    gewenste_ingangsdatum: date = req("GewensteIngangsdatum")
    einddatum: date | None = opt("Einddatum")
    omvang: Omvang | None = opt("Omvang")
    budget: Decimal | None = opt("Budget", "cents")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "tewijzigen:" + _key(ToewijzingNummer=self.toewijzing_nummer)


@dataclass(kw_only=True)
class NieuwProduct(Record):
    product: Product | None = opt("Product")
    gewenste_ingangsdatum: date = req("GewensteIngangsdatum")
    einddatum: date | None = opt("Einddatum")
    omvang: Omvang | None = opt("Omvang")
    budget: Decimal | None = opt("Budget", "cents")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "nieuw:" + _key(Product=self.product and str(self.product),
                               GewensteIngangsdatum=self.gewenste_ingangsdatum)


@dataclass(kw_only=True)
class Verzoek(Record):
    referentie_aanbieder: str = req("ReferentieAanbieder")
    reden_verzoek: str = req("RedenVerzoek")
    ongewijzigde_producten: list[OngewijzigdProduct] = many(
        "OngewijzigdeProducten/OngewijzigdProduct")
    te_wijzigen_producten: list[TeWijzigenProduct] = many(
        "TeWijzigenProducten/TeWijzigenProduct")
    nieuwe_producten: list[NieuwProduct] = many("NieuweProducten/NieuwProduct")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "verzoek"


@dataclass(kw_only=True)
class WijzigingClient(Record):
    bsn: str = req("Bsn", "digits")
    verzoek: Verzoek = req("Verzoek")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "client"

    @property
    def aliases(self) -> tuple[str, ...]:
        return ("client", f"client:{self.bsn}")


# --- JW319/320 antwoord ----------------------------------------------------------------------


@dataclass(kw_only=True)
class Woonplaatsbeginsel(Record):
    gemeente: str = req("Gemeente", "digits")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "woonplaatsbeginsel"


@dataclass(kw_only=True)
class Antwoord(Record):
    referentie_aanbieder: str = req("ReferentieAanbieder")
    verzoek_antwoord: str = req("VerzoekAntwoord")
    reden_afwijzing_verzoek: str | None = opt("RedenAfwijzingVerzoek")
    woonplaatsbeginsel: Woonplaatsbeginsel | None = opt("Woonplaatsbeginsel")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "antwoord"


# --- JW323 declaratie, JW325 declaratie-antwoord --------------------------------------------


@dataclass(kw_only=True)
class Prestatie(Record):
    product_referentie: str = req("ProductReferentie/ReferentieNummer")
    vorig_product_referentie: str | None = opt("ProductReferentie/VorigReferentieNummer")
    toewijzing_nummer: str = req("ToewijzingNummer", "integer")
    product_categorie: str = req("ProductCategorie")
    product_code: str = req("ProductCode")
    product_periode: Periode = req("ProductPeriode")
    geleverd_volume: int = req("GeleverdVolume")
    eenheid: str = req("Eenheid")
    product_tarief: Decimal | None = opt("ProductTarief", "cents")
    ingediend_bedrag: Decimal = req("IngediendBedrag", "dc")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "prestatie:" + _key(ReferentieNummer=self.product_referentie)


@dataclass(kw_only=True)
class DeclaratieClient(Record):
    bsn: str = req("Bsn", "digits")
    prestaties: list[Prestatie] = many("Prestaties/Prestatie")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return f"client:{self.bsn}"


@dataclass(kw_only=True)
class Declaratie(Record):
    declaratie_nummer: str = req("DeclaratieNummer")
    declaratie_periode: Periode = req("DeclaratiePeriode")
    declaratie_dagtekening: date = req("DeclaratieDagtekening")
    totaal_ingediend_bedrag: Decimal = req("TotaalIngediendBedrag", "totaal-dc")
    clienten: list[DeclaratieClient] = many("Clienten/Client")

    @property
    def ref(self) -> str:
        return "declaratie"


@dataclass(kw_only=True)
class DeclaratieAntwoord(Record):
    declaratie_nummer: str = req("DeclaratieNummer")
    totaal_ingediend_bedrag: Decimal = req("TotaalIngediendBedrag", "totaal-dc")
    totaal_toegekend_bedrag: Decimal = req("TotaalToegekendBedrag", "totaal-dc")
    clienten: list[DeclaratieClient] = many("Clienten/Client")
    retourcodes: list[str] = codes()

    @property
    def ref(self) -> str:
        return "declaratie"


# --- messages --------------------------------------------------------------------------------


@dataclass(kw_only=True)
class Message:
    """Base of the 14 messages. ``code`` is "JW301"...; ``is_return`` marks 302..320/325."""

    code: ClassVar[str] = ""
    is_return: ClassVar[bool] = False
    header: Header = req("Header")

    @property
    def berichtcode(self) -> int:
        return MESSAGE_CODES[self.code]

    def records(self) -> Iterator[Record]:
        """Every addressable record (header, client, products, prestaties...), depth first."""
        yield from _walk(self)

    def find(self, ref: str) -> list[Record]:
        return [r for r in self.records() if ref in r.aliases]


def _walk(node) -> Iterator[Record]:
    if isinstance(node, list):
        for item in node:
            yield from _walk(item)
    elif is_dataclass(node):
        if isinstance(node, Record) and not node.basis:
            yield node
        for f in fields(node):
            yield from _walk(getattr(node, f.name))


@dataclass(kw_only=True)
class JW301(Message):
    code: ClassVar[str] = "JW301"
    client: Client = req("Client")


@dataclass(kw_only=True)
class JW302(Message):
    code: ClassVar[str] = "JW302"
    is_return: ClassVar[bool] = True
    client: Client | None = opt("Client")


@dataclass(kw_only=True)
class JW305(Message):
    code: ClassVar[str] = "JW305"
    client: StartClient = req("Client")


@dataclass(kw_only=True)
class JW306(Message):
    code: ClassVar[str] = "JW306"
    is_return: ClassVar[bool] = True
    client: StartClient | None = opt("Client")


@dataclass(kw_only=True)
class JW307(Message):
    code: ClassVar[str] = "JW307"
    client: StopClient = req("Client")


@dataclass(kw_only=True)
class JW308(Message):
    code: ClassVar[str] = "JW308"
    is_return: ClassVar[bool] = True
    client: StopClient | None = opt("Client")


@dataclass(kw_only=True)
class JW315(Message):
    code: ClassVar[str] = "JW315"
    client: VerzoekClient = req("Client")


@dataclass(kw_only=True)
class JW316(Message):
    code: ClassVar[str] = "JW316"
    is_return: ClassVar[bool] = True
    client: VerzoekClient | None = opt("Client")


@dataclass(kw_only=True)
class JW317(Message):
    code: ClassVar[str] = "JW317"
    client: WijzigingClient = req("Client")


@dataclass(kw_only=True)
class JW318(Message):
    code: ClassVar[str] = "JW318"
    is_return: ClassVar[bool] = True
    client: WijzigingClient | None = opt("Client")


@dataclass(kw_only=True)
class JW319(Message):
    code: ClassVar[str] = "JW319"
    antwoord: Antwoord = req("Antwoord")


@dataclass(kw_only=True)
class JW320(Message):
    code: ClassVar[str] = "JW320"
    is_return: ClassVar[bool] = True
    antwoord: Antwoord | None = opt("Antwoord")


@dataclass(kw_only=True)
class JW323(Message):
    code: ClassVar[str] = "JW323"
    declaratie: Declaratie = req("Declaratie")


@dataclass(kw_only=True)
class JW325(Message):
    code: ClassVar[str] = "JW325"
    is_return: ClassVar[bool] = True
    declaratie_antwoord: DeclaratieAntwoord | None = opt("DeclaratieAntwoord")


# Derived from the one message-type table, for the codec's own lookups.
MESSAGE_CODES: dict[str, int] = {code: t.berichtcode for code, t in MESSAGE_TYPES.items()}
RETURN_OF: dict[str, str] = {code: t.answered_by for code, t in MESSAGE_TYPES.items()
                             if t.answered_by}
MESSAGE_CLASSES: dict[str, type[Message]] = {
    cls.code: cls for cls in (JW301, JW302, JW305, JW306, JW307, JW308, JW315, JW316, JW317,
                              JW318, JW319, JW320, JW323, JW325)
}
# Release 3.2 and the XSD drop these messages were written for (schema appinfo).
BERICHTVERSIE, BERICHTSUBVERSIE = 3, 2
XSD_VERSIE = "0.1.0"

# What ``from .model import *`` gives the package: the records, messages and tables only.
__all__ = [
    name for name, value in dict(globals()).items()
    if isinstance(value, type) and issubclass(value, Record | Message)
] + ["MESSAGE_CODES", "RETURN_OF", "MESSAGE_CLASSES", "BERICHTVERSIE", "BERICHTSUBVERSIE",
     "XSD_VERSIE", "make_header"]


def make_header(code: str, *, afzender: str, ontvanger: str, identificatie: str,
                dagtekening: date) -> Header:
    """The header of a new (non-return) message of this release."""
    return Header(
        berichtcode=MESSAGE_CODES[code], berichtversie=BERICHTVERSIE,
        berichtsubversie=BERICHTSUBVERSIE, afzender=afzender, ontvanger=ontvanger,
        identificatie=identificatie, dagtekening=dagtekening,
        basisschema_xsd_versie=XSD_VERSIE, bericht_xsd_versie=XSD_VERSIE)
