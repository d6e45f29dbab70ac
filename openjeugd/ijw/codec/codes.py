"""iJw 3.2 code lists as Python tables, and what each retourcode means for the people involved.

The codes and their short official meanings are facts of the standard (Zorginstituut Nederland,
informatiemodel iJw 3.2 codelijsten); the English explanations are ours and are shown on screens.
The only Django import allowed in the codec is gettext_lazy, so the codec stays usable without
a configured project (lazy strings only resolve when rendered).
"""

from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext_lazy as _

from .message_types import MESSAGE_TYPES

Level = Literal["header", "declaratie", "client", "product"]

# --- Code lists: list id -> {code: short official meaning (Dutch)} ---------------------------

PRODUCTCATEGORIE = {  # JZ020; the (2015) codes 31-38 are still valid values
    "31": "(2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam",
    "32": "(2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder",
    "33": "(2015) Zonder verblijf: daghulp op locatie van de aanbieder",
    "34": "(2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige",
    "35": "(2015) Met verblijf: pleegzorg",
    "36": "(2015) Met verblijf: gezinsgericht",
    "37": "(2015) Met verblijf: gesloten plaatsing",
    "38": "(2015) Met verblijf: overig residentieel",
    "40": "Persoonlijke verzorging",
    "41": "Dagbehandeling",
    "42": "Vervoerdiensten",
    "43": "Jeugdhulp verblijf (incl. behandeling)",
    "44": "Jeugdhulp verblijf (excl. behandeling)",
    "45": "Jeugdhulp ambulant",
    "46": "Jeugdhulp crisis",
    "47": "Jeugdreclassering",
    "48": "Jeugdbescherming",
    "49": "Activiteiten in het preventief justitieel kader",
    "50": "Maatwerkarrangementen jeugd",
    "51": "Generalistische basis-ggz",
    "52": "Specialistische ggz",
    "53": "Kindergeneeskunde",
    "54": "Jeugd-ggz",
    "55": "Landelijk ingekochte zorg",
}

EENHEID = {  # WJ756
    "01": "Minuut",
    "04": "Uur",
    "14": "Etmaal",
    "16": "Dagdeel (4 uur)",
    "82": "Stuks (output)",
    "83": "Euro's",
    "84": "Stuks (inspanning)",
}
EENHEID_EURO = "83"

FREQUENTIE = {  # WMO757
    "1": "Per dag",
    "2": "Per week",
    "4": "Per maand",
    "6": "Totaal binnen geldigheidsduur toewijzing",
}

REDEN_WIJZIGING = {  # JZ002
    "01": "Administratieve correctie (vervallen)",
    "02": "Cliënt overleden",
    "03": "Contractwijziging",
    "04": "Herbeoordeling verlenging toewijzing",
    "05": "Herbeoordeling verkorting toewijzing",
    "06": "Uitstroom naar ander domein",
    "07": "Verhuizing naar een andere gemeente",
    "08": "Wijziging leveringsvorm",
    "09": "Overstap naar andere aanbieder",
    "10": "Overgang naar nieuwe bekostigingssystematiek",
    "11": "Gemeentelijke herindeling",
    "12": "Geïnitieerd door de aanbieder",
    "13": "Verwijderd",
    "14": "Administratieve correctie",
}
REDEN_WIJZIGING_VERWIJDERD = "13"

REDEN_BEEINDIGING = {  # JZ588
    "02": "Overlijden",
    "20": "Levering is tijdelijk beëindigd",
    "31": "Levering is volgens plan beëindigd",
    "32": "Voortijdig afgesloten, door cliënt",
    "33": "Voortijdig afgesloten, door aanbieder",
    "34": "Voortijdig afgesloten, in overleg",
    "35": "Voortijdig afgesloten, externe oorzaak",
    "36": "Geïnitieerd door de gemeente",
    "37": "In verband met wijzigingsverzoek",
    "38": "Overstap naar andere aanbieder",
    "39": "Uitstroom naar ander domein",
}
REDEN_BEEINDIGING_TIJDELIJK = "20"  # every other code ends the delivery for good

STATUS_AANLEVERING = {  # COD467
    "1": "Eerste aanlevering",
    "2": "Gewijzigde aanlevering",
    "3": "Verwijderen aanlevering",
    "9": "Niet van toepassing (ongewijzigd)",
}
STATUS_EERSTE, STATUS_VERWIJDEREN = "1", "3"

VERWIJZER = {  # COD327
    "01": "Gemeente",
    "02": "Huisarts",
    "03": "Jeugdarts",
    "04": "Gecertificeerde instelling",
    "05": "Medisch specialist",
    "06": "Zelfverwijzer / geen verwijzer",
    "08": "Rechter, Officier van Justitie, functionaris Justitiële jeugdinrichting",
}
# Referrers that carry a zorgverlenercode (AGB) or otherwise a name (CD066-CD068).
VERWIJZER_MET_ZORGVERLENERCODE = frozenset({"02", "03", "04", "05"})

GESLACHT = {"0": "Onbekend", "1": "Mannelijk", "2": "Vrouwelijk"}  # COD046

REDEN_VERZOEK = {"1": "Verandering clientsituatie", "2": "Wijziging zorgplan"}  # WJ758

REDEN_AFWIJZING_VERZOEK = {  # WJ759
    "1": "Geen wijziging, maar nieuwe aanvraag",
    "2": "Past niet binnen budget",
    "3": "Geen contract",
    "4": "Past niet binnen contract",
    "5": "Andere gemeente",
    "6": "Stapeling",
    "7": "Zorginhoudelijke afkeur",
    "8": "Woonplaatsbeginsel",
    "9": "Leeftijdsgrens is bereikt",
}
AFWIJZING_WOONPLAATSBEGINSEL = "8"

VERZOEK_ANTWOORD = {"1": "Verzoek afgewezen", "2": "Aanvraag in onderzoek"}  # WJ760
VERZOEK_AFGEWEZEN, AANVRAAG_IN_ONDERZOEK = "1", "2"

JURIDISCHE_STATUS = {  # WJ232
    "01": "Rechterlijke machtiging (rm) voorlopig / voortgezette machtiging",
    "02": "RM op eigen verzoek",
    "03": "RM met voorwaardelijk ontslag",
    "04": "Onder toezichtstelling (ots)",
    "05": "In bewaring stelling (ibs)",
    "11": "Strafrechterlijke justitiële contacten (tbs)",
    "12": "Strafrechterlijke justitiële contacten (overig)",
}

WETTELIJKE_VERTEGENWOORDIGING = {  # WJ003
    "06": "Voogdij",
    "07": "Bewindvoering",
    "08": "Mentorschap",
    "09": "Onder curatele stelling",
    "10": "Zaakwaarneming",
}

DEBET_CREDIT = {"C": "Creditbedrag en aantal", "D": "Debetbedrag en aantal"}  # COD043
DEBET, CREDIT = "D", "C"

DATUMGEBRUIK = {  # COD170
    "1": "Dag onbekend; alleen maand en jaar gebruiken",
    "2": "Dag en maand onbekend; alleen jaar gebruiken",
    "3": "Dag, maand en jaar onbekend; onbekende datum",
}
DATUM_ONBEKEND = "3"

JA_NEE = {"1": "Ja", "2": "Nee"}  # COD260

SOORT_RELATIE = {  # COD472
    "03": "Curator (juridisch)",
    "04": "Financieel (gemachtigd)",
    "05": "Financieel (toetsing)",
    "06": "Leefeenheid",
    "07": "Hulpverlener",
    "08": "Specialist",
    "09": "Anders",
    "10": "Ouder",
    "11": "Voogd",
    "12": "Partner/echtgeno(o)t(e)",
    "13": "Pleegouder",
    "14": "Bewindvoerder",
    "15": "Mentor",
    "16": "Zoon/dochter",
    "17": "Familielid",
    "18": "Gezinslid",
    "19": "Buur",
    "20": "Vriend(in)/kennis",
    "21": "Cliëntondersteuner",
    "22": "Huisarts",
    "23": "Erven van",
    "24": "Werkgever",
    "25": "Wijkcoach",
}

NAAMGEBRUIK = {  # COD700
    "1": "Eigen naam",
    "2": "Naam echtgenoot of geregistreerd partner of alternatieve naam",
    "3": "Naam echtgenoot of geregistreerd partner gevolgd door eigen naam",
    "4": "Eigen naam gevolgd door naam echtgenoot of geregistreerd partner",
    "5": "Pseudoniem",
    "6": "Niet-natuurlijk persoon",
}

COMMUNICATIEVORM = {"1": "Tolk taal", "2": "Doventolk", "3": "Doofblindentolk"}  # COD747

SOORT_ADRES = {  # COD757
    "01": "BRP-adres",
    "02": "Correspondentie-adres",
    "03": "Verblijfadres",
    "04": "Tijdelijk verblijfadres",
}

AANDUIDING_WOONADRES = {"AB": "Aan boord", "BY": "Bij", "TO": "Tegenover", "WW": "Woonwagen"}

# COD002-VEKTIS: message type -> code in the header, from the one message-type table.
BERICHTCODE = {code: str(t.berichtcode) for code, t in MESSAGE_TYPES.items()}

# --- WJ001 retourcodes ----------------------------------------------------------------------


@dataclass(frozen=True)
class Retourcode:
    code: str
    meaning: str  # short official meaning (Dutch)
    explanation: str  # lazy English msgid: what went wrong and what the sender should do
    rule: str = ""  # the TR rule that prescribes it, if any


def _rc(code: str, rule: str, meaning: str, explanation) -> tuple[str, Retourcode]:
    return code, Retourcode(code=code, meaning=meaning, explanation=explanation, rule=rule)


RETOURCODES: dict[str, Retourcode] = dict([
    _rc("0001", "", "Bericht is afgekeurd om technische redenen.",
        _("The message breaks a rule that can be checked within the message itself (structure, "
          "condition or constraint), so it was rejected as a whole and counts as not sent. Fix "
          "the message and send it again with a new identification.")),
    _rc("0200", "", "Geen opmerking over deze berichtklasse.",
        _("This part of the message was checked and is fine; nothing to do.")),
    _rc("0233", "", "Berichtklasse is niet beoordeeld.",
        _("This part was not checked because another part of the message was rejected. Send it "
          "again together with the corrected part.")),
    _rc("8001", "", "Declaratie is volledig toegewezen.",
        _("The whole declaration was granted; nothing to do.")),
    _rc("8848", "TR135", "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.",
        _("The message is dated in the future. Check the sender's system clock and send the "
          "message again with today's date or an earlier one.")),
    _rc("9056", "TR056", "Identificatie moet uniek zijn.",
        _("The sender already used this message identification for this message type. Give the "
          "message a new, unique identification and send it again.")),
    _rc("S300", "TR378", "Gemeentecode ongeldig.",
        _("The municipality code is not in the CBS municipal division valid on the start date. "
          "Use the current four-digit CBS code and send the message again.")),
    _rc("S329", "TR381", "ProductCode ongeldig.",
        _("The product code does not belong to the product category in the product code list "
          "that applies. Use a code from the agreed list that fits the category.")),
    _rc("9019", "TR019", "Het regiebericht kan niet gekoppeld worden aan een toewijzing.",
        _("The start or stop refers to no toewijzing of this provider for this client. Check the "
          "toewijzing number against the toewijzing received.")),
    _rc("9063", "TR063",
        "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is",
        _("A delete (status aanlevering 3) was sent for something that was never delivered with "
          "the same key. Check the key fields; nothing needs deleting.")),
    _rc("9069", "TR069", "Er is geen actueel startbericht met dezelfde sleutel.",
        _("The stop does not match a current start: copy the toewijzing number and start date "
          "unchanged from the start message, or send the start first.")),
    _rc("9071", "TR071",
        "Het eerdere startbericht kan niet verwijderd worden omdat de zorg al beeindigd is.",
        _("The start cannot be deleted because a stop was already sent for it. Delete the stop "
          "first, then the start.")),
    _rc("9074", "TR074", "Er is al een eerder bericht ontvangen met dezelfde sleutel.",
        _("A first delivery with this key was received before. To correct it, first delete the "
          "earlier one (status aanlevering 3) and then send the new one.")),
    _rc("9326", "TR326", "De actuele levering is nog niet gestopt met een Stopbericht.",
        _("There is still a running start for this toewijzing. Send a stop for it before a new "
          "start.")),
    _rc("9413", "TR413",
        "StatusAanlevering is waarde 1 of 2 en RedenBeeindiging heeft waarde 20, terwijl er al "
        "een ander StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en "
        "RedenBeeindiging waarde 20 is.",
        _("A temporary stop already exists for this start; after a temporary stop only a "
          "definitive stop (or a new start) may follow.")),
    _rc("9414", "TR414",
        "Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijk Bsn, "
        "ToewijzingNummer en Begindatum.",
        _("The end date lies before the end date of the current stop for this start. Use an end "
          "date on or after it, or delete the earlier stop first.")),
    _rc("9415", "TR415",
        "Er is al een StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en "
        "RedenBeeindiging <> waarde 20 en StatusAanlevering heeft waarde 1 of 2.",
        _("A definitive stop already exists for this start. Delete it first if it must change.")),
    _rc("0611", "TR418",
        "Het ingediende tarief komt niet overeen met het contractuele tarief.",
        _("The product tariff differs from the contract tariff for this product code. Declare "
          "again with the contract tariff.")),
    _rc("8017", "TR323", "Van deze credit prestatie is geen debet prestatie bekend.",
        _("The credit line refers to no earlier granted debit line. Check the reference of the "
          "debit line being credited.")),
    _rc("8021", "TR314", "Referentienummer prestatie is reeds aangeleverd.",
        _("This prestatie reference number was used before. Give every prestatie a new, unique "
          "reference.")),
    _rc("8214", "TR318",
        "DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande DeclaratiePeriode "
        "terwijl iedere declaratieperiode zorg geleverd is.",
        _("Declaration periods must follow each other month by month. Declare the missing month "
          "first.")),
    _rc("8187", "TR304", "De prestatie hoort niet bij deze cliënt.",
        _("The BSN does not match the client of the referred toewijzing or declaration. Check the "
          "BSN and the toewijzing number.")),
    _rc("9307", "TR307",
        "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.",
        _("The period starts before the toewijzing starts. Declare only care within the "
          "toewijzing period.")),
    _rc("9308", "TR308",
        "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.",
        _("The period ends after the toewijzing ends. Declare only care within the toewijzing "
          "period.")),
    _rc("9319", "TR319", "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.",
        _("The product period lies after the declaration period. Declare care in the month "
          "after delivery or later, never before.")),
    _rc("9321", "TR321", "Het ingediende volume overschrijdt het toegewezen volume.",
        _("More volume was declared for this period than the toewijzing allows. Declare at most "
          "the assigned volume.")),
    _rc("9322", "TR322",
        "De som van de ingediende volumes overschrijdt het toegewezen volume.",
        _("All declarations on this toewijzing together exceed its volume. Declare at most what "
          "is left.")),
    _rc("9333", "TR333", "Declaratienummer is niet uniek.",
        _("This declaration number was used before by the provider. Use a new number.")),
    _rc("9338", "TR338",
        "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product "
        "op basis van het toewijzingnummer.",
        _("The toewijzing number refers to no (non-deleted) toewijzing. Check the number.")),
    _rc("9339", "TR339",
        "ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het "
        "ToegewezenProduct.",
        _("The product category differs from the one in the toewijzing. Declare the assigned "
          "category.")),
    _rc("9340", "TR340",
        "ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.",
        _("The product code differs from the one in the toewijzing. Declare the assigned "
          "product code.")),
    _rc("9341", "TR341", "Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct.",
        _("The unit does not fit the unit of the toewijzing. Declare in the assigned unit (or "
          "minutes for hours).")),
    _rc("9346", "TR346",
        "Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is niet gelijk aan "
        "GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief.",
        _("The amount is not volume times tariff. Recalculate the amount (for minutes: hour "
          "tariff times minutes divided by 60, rounded to cents).")),
    _rc("9369", "TR369",
        "Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties "
        "passen niet binnen het toegewezen Budget.",
        _("All declarations on this toewijzing together exceed its budget. Declare at most what "
          "is left of the budget.")),
    _rc("9384", "TR384", "Declaratie op toewijzing met RedenWijziging \u201c13\u201d (Verwijderd).",
        _("The toewijzing was deleted (reden wijziging 13) and counts as never sent; declare on "
          "the toewijzing that replaced it.")),
    _rc("9387", "TR387",
        "Begindatum van de ProductPeriode is niet eerste dag van de kalendermaand waarop "
        "ProductPeriode betrekking heeft en Ingangsdatum van de toewijzing ligt niet later in "
        "deze betreffende maand.",
        _("The product period must start on the first of the month, or on the toewijzing's start "
          "date when that is later in the month.")),
    _rc("9388", "TR388",
        "Einddatum van de ProductPeriode is niet laatste dag van de kalendermaand waarop "
        "ProductPeriode betrekking heeft en Einddatum van de toewijzing ligt niet eerder in deze "
        "betreffende maand.",
        _("The product period must end on the last day of the month, or on the toewijzing's end "
          "date when that is earlier in the month.")),
    _rc("9389", "TR389",
        "Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie.",
        _("A debit line for this period and product was declared before. Credit it fully first, "
          "then declare the correction.")),
    _rc("9390", "TR390", "Er is al een Prestatie met gelijk ProductReferentie met waarde Credit.",
        _("This prestatie was credited before; a line can be credited only once.")),
    _rc("9332", "TR332", "Toewijzing heeft geen uniek nummer binnen wettelijk domein.",
        _("The toewijzing number is already used for another toewijzing of this municipality. "
          "Use a new number.")),
    _rc("9347", "TR347",
        "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein.",
        _("This provider reference was used in an earlier request. Use a new reference.")),
    _rc("9349", "TR349",
        "Het VOW bericht bevat niet alle actuele toegewezen producten van de cliënt, hetzij in "
        "OngewijzigdProduct, hetzij in TeWijzigenProduct.",
        _("A change request must list every current toewijzing of the client, as unchanged or to "
          "change. Add the missing ones.")),
    _rc("9350", "TR350",
        "OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van "
        "het toewijzingnummer.",
        _("An unchanged product refers to no current toewijzing. Check the toewijzing number.")),
    _rc("9351", "TR351",
        "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van "
        "ToewijzingNummer.",
        _("A product to change refers to no current toewijzing. Check the toewijzing number.")),
    _rc("9355", "TR355",
        "ReferentieAanbieder komt niet voor in een eerder verzoek om toewijzing of verzoek om "
        "wijziging.",
        _("The answer refers to a request that was never received. Check the provider "
          "reference.")),
    _rc("9357", "TR357",
        "GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan "
        "de ingangsdatum van het originele ToegewezenProduct.",
        _("A change cannot start in the past unless it starts on the toewijzing's own start "
          "date. Use a future date or the original start date.")),
    _rc("9359", "TR359", "Er is al een toewijzing gestuurd met deze ReferentieAanbieder.",
        _("This request was already honoured with a toewijzing, so it cannot be answered "
          "again.")),
    _rc("9360", "TR360",
        "Er is al een antwoordbericht met deze ReferentieAanbieder, terwijl antwoordbericht in "
        "VerzoekAntwoord waarde 2 (aanvraag in onderzoek) heeft.",
        _("'Under investigation' may be sent only once per request; send the final answer "
          "instead.")),
    _rc("9361", "TR361", "Het product komt vaker voor met overlappende zorgperiodes.",
        _("The change request asks for the same product twice in overlapping periods. Merge or "
          "separate the periods.")),
    _rc("9365", "TR365",
        "Er is al een antwoordbericht met dezelfde ReferentieAanbieder waar VerzoekAntwoord niet "
        "de waarde \u2018Aanvraag in onderzoek\u2019 heeft.",
        _("This request already received a final answer; no further answer may follow.")),
    _rc("9373", "TR373",
        "Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele "
        "toewijzing.",
        _("A changed budget or total volume keeps the toewijzing's start date. Use the current "
          "start date as the desired start date.")),
    _rc("9374", "TR374", "Er is al een verzoek onderhanden.",
        _("An earlier request for this client is still open. Wait for its answer before sending "
          "a new one.")),
    _rc("9375", "TR375",
        "Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer leeg is en "
        "Einddatum groter dan 31-12-2020 of leeg is.",
        _("The toewijzing has no product, so its change may not carry an omvang. Leave omvang "
          "out.")),
    _rc("9379", "TR379",
        "ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om "
        "wijziging, is onterecht gevuld.",
        _("The provider reference must be the one of the request being honoured, or be left "
          "out.")),
    _rc("9385", "TR385", "Toewijzing heeft goedgekeurde declaratieregels.",
        _("A toewijzing with granted declarations cannot be deleted (reden 13). End it instead.")),
    _rc("9411", "TR411",
        "Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld "
        "is.",
        _("The toewijzing has a product code, so the change must carry an omvang. Add it.")),
    _rc("9412", "TR412",
        "Omvang is niet leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer leeg "
        "is en einddatum groter dan 31-12-2020 of leeg is.",
        _("The toewijzing has no product code, so the change may not carry an omvang. Leave it "
          "out.")),
    _rc("9366", "TR366", "ProductReferentie komt niet voor in een Declaratiebericht.",
        _("The answer refers to a prestatie that was not in the declaration. Check the "
          "reference.")),
    _rc("9367", "TR367",
        "De waarde komt niet overeen met de waarde uit heenbericht met gelijke "
        "ProductReferentie.",
        _("The answer must repeat the prestatie exactly as it was declared.")),
])

# Codes that mean "accepted": a return carrying only these rejects nothing. 0233 (not assessed)
# is neither accepted nor an error of its own: it marks parts skipped because of another error.
NO_REMARK = "0200"  # Geen opmerking over deze berichtklasse
FULLY_GRANTED = "8001"  # Declaratie is volledig toegewezen
OK_CODES = frozenset({NO_REMARK, FULLY_GRANTED})
NOT_ASSESSED = "0233"
TECHNICAL_REJECTION = "0001"


# --- Which retourcode each rule prescribes, and where it goes in the return -------------------
# IV032: a rule checked inside the message (XSLT, condition, constraint) rejects the whole
# message with 0001 in the header; a rule against earlier messages or an external source puts its
# own code on the berichtklasse where the error is (IV028), and 0200/0233 on the other classes.


@dataclass(frozen=True)
class RuleCode:
    retourcode: str
    level: Level


def _in_message(*rules: str) -> dict[str, RuleCode]:
    return {rule: RuleCode(TECHNICAL_REJECTION, "header") for rule in rules}


RULE_RETOURCODES: dict[str, RuleCode] = {
    **_in_message(
        "TR002", "TR018", "TR101", "TR134", "TR137", "TR302", "TR315", "TR316", "TR335",
        "TR342", "TR352", "TR353", "TR358", "TR377", "TR380", "TR383", "TR386", "TR409",
        "TR410", "TR416",
        "CS002", "CS003", "CS015", "CS025", "CS050", "CS058", "CS100", "CS139", "CS318", "CS319",
        "CS325", "CS335", "CS336", "CS337", "CS338", "CS339", "CS340", "CS343",
        "CD005", "CD007", "CD009", "CD025", "CD034", "CD041", "CD043", "CD060", "CD066", "CD067",
        "CD068", "CD075", "CD076", "CD077", "CD078", "CD079", "CD080", "CD085", "CD086", "CD087",
        "CD095", "CD096",
    ),
    "TR056": RuleCode("9056", "header"),
    "TR135": RuleCode("8848", "header"),
    "TR378": RuleCode("S300", "header"),
    # IV087: 9333 goes on the DeclaratieAntwoord (the class holding DeclaratieNummer), which
    # stands beside the header in a JW325.
    "TR333": RuleCode("9333", "declaratie"),
    # Not an iJw rule: the AGB code names no provider contracted in the municipality's region,
    # so nobody here may exchange care messages with it (refused like a technical error).
    "AGB": RuleCode(TECHNICAL_REJECTION, "header"),
    "TR318": RuleCode("8214", "declaratie"),  # DeclaratiePeriode: IV087/IV088
    "TR304": RuleCode("8187", "client"),
    "TR374": RuleCode("9374", "client"),
    "TR349": RuleCode("9349", "client"),
    **{rule: RuleCode(code, "product") for rule, code in (
        ("TR381", "S329"), ("TR019", "9019"), ("TR063", "9063"), ("TR069", "9069"),
        ("TR382", "9069"), ("TR071", "9071"), ("TR074", "9074"), ("TR326", "9326"),
        ("TR413", "9413"), ("TR414", "9414"), ("TR415", "9415"), ("TR418", "0611"),
        ("TR323", "8017"), ("TR314", "8021"), ("TR307", "9307"), ("TR308", "9308"),
        ("TR319", "9319"), ("TR321", "9321"), ("TR322", "9322"), ("TR338", "9338"),
        ("TR339", "9339"), ("TR340", "9340"), ("TR341", "9341"), ("TR346", "9346"),
        ("TR369", "9369"), ("TR384", "9384"), ("TR387", "9387"), ("TR388", "9388"),
        ("TR389", "9389"), ("TR390", "9390"), ("TR332", "9332"), ("TR347", "9347"),
        ("TR350", "9350"), ("TR351", "9351"), ("TR355", "9355"), ("TR357", "9357"),
        ("TR359", "9359"), ("TR360", "9360"), ("TR361", "9361"), ("TR365", "9365"),
        ("TR373", "9373"), ("TR375", "9375"), ("TR379", "9379"), ("TR385", "9385"),
        ("TR411", "9411"), ("TR412", "9412"), ("TR366", "9366"), ("TR367", "9367"),
    )},
}

# Codes the pipeline sets itself, outside the handlers' rule checks: looked up in the table above.
DUPLICATE_IDENTIFICATION = RULE_RETOURCODES["TR056"].retourcode  # 9056
UNKNOWN_MUNICIPALITY = RULE_RETOURCODES["TR378"].retourcode  # S300
UNKNOWN_CLIENT = RULE_RETOURCODES["TR304"].retourcode  # 8187


# --- Lookups ---------------------------------------------------------------------------------

CODE_LISTS: dict[str, dict[str, str]] = {
    "JZ020": PRODUCTCATEGORIE,
    "WJ756": EENHEID,
    "WMO757": FREQUENTIE,
    "JZ002": REDEN_WIJZIGING,
    "JZ588": REDEN_BEEINDIGING,
    "COD467": STATUS_AANLEVERING,
    "COD327": VERWIJZER,
    "COD046": GESLACHT,
    "WJ758": REDEN_VERZOEK,
    "WJ759": REDEN_AFWIJZING_VERZOEK,
    "WJ760": VERZOEK_ANTWOORD,
    "WJ232": JURIDISCHE_STATUS,
    "WJ003": WETTELIJKE_VERTEGENWOORDIGING,
    "COD043": DEBET_CREDIT,
    "COD170": DATUMGEBRUIK,
    "COD260": JA_NEE,
    "COD472": SOORT_RELATIE,
    "COD700": NAAMGEBRUIK,
    "COD747": COMMUNICATIEVORM,
    "COD757": SOORT_ADRES,
    "NUM061": AANDUIDING_WOONADRES,
    "COD002": BERICHTCODE,
    "WJ001": {code: rc.meaning for code, rc in RETOURCODES.items()},
}

# The element names used in the standard, so callers can say is_valid_code("Eenheid", "04").
_ALIASES = {
    "productcategorie": "JZ020", "eenheid": "WJ756", "frequentie": "WMO757",
    "redenwijziging": "JZ002", "redenbeeindiging": "JZ588", "statusaanlevering": "COD467",
    "verwijzer": "COD327", "typeverwijzer": "COD327", "geslacht": "COD046",
    "redenverzoek": "WJ758", "redenafwijzingverzoek": "WJ759", "verzoekantwoord": "WJ760",
    "juridischestatus": "WJ232", "wettelijkevertegenwoordiging": "WJ003",
    "debetcredit": "COD043", "datumgebruik": "COD170", "janee": "COD260",
    "soortrelatie": "COD472", "naamgebruik": "COD700", "communicatievorm": "COD747",
    "soortadres": "COD757", "adressoort": "COD757", "aanduidingwoonadres": "NUM061",
    "berichtcode": "COD002", "retourcode": "WJ001",
}


# What the schema itself refuses (a wrong type or pattern: "XSD"; a code outside its list: the
# list id) is reported like the in-message rules: 0001 in the header.
RULE_RETOURCODES.update(_in_message("XSD", *CODE_LISTS))


def code_list(list_name: str) -> dict[str, str]:
    """A code list by id ("JZ020") or element name ("ProductCategorie", "reden_beeindiging")."""
    key = list_name.strip()
    if key.upper() in CODE_LISTS:
        return CODE_LISTS[key.upper()]
    alias = _ALIASES.get(key.replace("_", "").replace(" ", "").lower())
    if alias is None:
        raise KeyError(f"unknown code list {list_name!r}")
    return CODE_LISTS[alias]


def is_valid_code(list_name: str, code: str | None) -> bool:
    return code is not None and code in code_list(list_name)


def meaning(list_name: str, code: str) -> str:
    """Short official meaning, or "" for an unknown code."""
    return code_list(list_name).get(code, "")


def retourcode_meaning(code: str) -> str:
    found = RETOURCODES.get(code)
    return found.meaning if found else ""


def retourcode_explanation(code: str):
    """Lazy English text for screens; a neutral text for a code we do not know."""
    found = RETOURCODES.get(code)
    if found is None:
        return _("Unknown return code: look it up in the iJw code list WJ001.")
    return found.explanation


def is_ok_code(code: str) -> bool:
    return code in OK_CODES


def record_level(ref: str) -> Level:
    """The return-message level of a record reference (model ``Record.ref``): IV028 puts a
    rule's code on the class that holds the element, so the record says the level. Classes
    below the client (a product, the Verzoek of a JW317, the Antwoord of a JW319, a
    prestatie) are all "product"."""
    if ref == "header":
        return "header"
    if ref == "declaratie":
        return "declaratie"
    if ref == "client" or ref.startswith("client:"):
        return "client"
    return "product"


def rule_code(rule: str) -> RuleCode:
    """The retourcode a rule prescribes and the level where it goes in the return message."""
    return RULE_RETOURCODES[rule]
