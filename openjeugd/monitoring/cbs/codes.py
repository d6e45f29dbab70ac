"""iJw codes to CBS Beleidsinformatie Jeugd codes (informatieprotocol v7, "the protocol":
/work/shared/ijw/CBS_Beleidsinformatie_Jeugd_informatieprotocol_v7.md).

Every mapping cites the protocol text it rests on; grep the quoted words to find it.
"""

# Protocol §3.3 Hulpvorm: one table for the whole project (lib.cbs, with its citation).
from openjeugd.lib.cbs import HULPVORM_BY_CATEGORY, HULPVORMEN  # noqa: E402,F401

# COD327 (codelijsten/COD327_Code_verwijzer.md) to protocol §3.2 Verwijzer: the iJw list was
# made from the CBS one, same codes, same meaning ("Gemeentelijke toegang (01)" ...
# "Rechter, Officier van Justitie, functionaris Justitiële jeugdinrichting (08)"). COD327 06
# "Zelfverwijzer / geen verwijzer" is §3.2 "Geen verwijzer (06)"; there is no 07 in either.
VERWIJZER_BY_COD327 = {code: code for code in ("01", "02", "03", "04", "05", "06", "08")}

# A toewijzing that no request (JW315) of the provider preceded is the municipality's own
# decision: §3.2 (01) "Medewerkers ... gemandateerd om namens het betreffende college een
# verleningsbeslissing jeugdhulp te nemen" - the JW301 is that verleningsbeslissing.
VERWIJZER_GEMEENTELIJKE_TOEGANG = "01"

# JZ588 20 "Levering is tijdelijk beëindigd ... hervatting wordt verwacht": not an end of care.
TEMPORARY_STOP = "20"

# JZ588 (codelijsten/JZ588_Reden_beeindiging.md) to protocol §3.7 Reden beëindiging.
REDEN_BY_JZ588 = {
    # §3.7 (05) "externe omstandigheden zijn bijvoorbeeld: ... het overlijden van de cliënt".
    "02": "05",
    # §3.7 (01) "Als je met elkaar, zoals gepland, het traject doorloopt en niet voortijdig
    # stopt, is het traject volgens plan afgesloten"; JZ588 31 "Traject is zoals gepland
    # doorlopen en niet voortijdig gestopt" is the same sentence.
    "31": "01",
    # §3.7 (03) "de cliënt ontevreden is over de zorg; de cliënt vindt dat de zorg niet (meer)
    # nodig is; de cliënt geen hulp accepteert" = JZ588 32 "Cliënt stopt voortijdig".
    "32": "03",
    # §3.7 (04) "verdere hulp vanuit aanbieder niet meer haalbaar is, verantwoord is
    # (bijvoorbeeld vanwege agressie ...)" = JZ588 33 "geen passende hulp, agressie".
    "33": "04",
    # §3.7 (02) "Als de cliënt en behandelaar het eens zijn dat de eerder afgesproken hulp geen
    # toegevoegde waarde meer heeft" = JZ588 34 "Cliënt en aanbieder besluiten samen".
    "34": "02",
    # §3.7 (05) "een verhuizing, ... langdurige vermissing of ontvoering van het kind" =
    # JZ588 35 "verhuizing, vermissing, ontvoering".
    "35": "05",
    # JZ588 36: the municipality ends the toewijzing (JZ002 03 contract change, 05 shortened
    # on reassessment, 08 switch to pgb, 10 new funding, 11 municipal merger). Neither client
    # nor provider chose it and the care was not completed as planned: §3.7 (05) "wegens
    # externe omstandigheden" is the only option outside the client-provider relation.
    "36": "05",
    # JZ588 37: the provider stops after its own request for change (JZ002 12), i.e. other
    # care is needed: §3.7 (02) "of dat andere hulp nodig is dan dat binnen het lopende
    # traject geboden kan worden, geldt: Voortijdig afgesloten: in overeenstemming (02)".
    "37": "02",
    # JZ588 38 "Cliënt gaat naar een andere aanbieder": §3.7 (03) lists "de cliënt op eigen
    # initiatief naar een andere zorgaanbieder gaat" under "eenzijdig door de cliënt".
    "38": "03",
    # JZ588 39 "Uitstroom naar ander domein (Wmo, Wlz, Zvw)": §3.7 (01) "óf wordt voortgezet
    # onder een andere wet (Zvw, Wmo, Wlz) dan dient als reden beëindiging te worden gekozen
    # voor 'beëindigd volgens plan' (01)".
    "39": "01",
}

# §3.7 "Voortijdig afgesloten" (02-05); §4.2 derives "Uitval van cliënten" from these.
VOORTIJDIG = frozenset({"02", "03", "04", "05"})


def hulpvorm_of_category(product_categorie: str) -> str | None:
    return HULPVORM_BY_CATEGORY.get(product_categorie)


def verwijzer(cod327: str | None) -> str | None:
    return VERWIJZER_BY_COD327.get(cod327 or "")


def reden(jz588: str | None) -> str | None:
    """The §3.7 code of a definitive stop; None for no stop or an unknown code."""
    return REDEN_BY_JZ588.get(jz588 or "")
