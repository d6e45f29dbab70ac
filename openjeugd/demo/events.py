"""The care history of a demo region as plain facts, before they become iJw messages.

Pure data: no Django. `openjeugd.demo.ijw_bridge` turns each event into the message a
municipality or provider would send (Referral -> JW315 when a provider asks, Toewijzing and
Change -> JW301, Start -> JW305, Stop -> JW307, Declaration -> JW323 lines) and imports it
through the same path as real traffic, so no demo figure bypasses the iJw checks.

Codes are kept as the standard writes them (strings with leading zeros).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Variant(StrEnum):
    # iJw uitvoeringsvarianten; taakgericht has no toewijzing and no declaration in iJw
    # (procesbeschrijving 3.2 / 4.2 / 5.2), only start and stop messages.
    INSPANNINGSGERICHT = "inspanningsgericht"
    OUTPUTGERICHT = "outputgericht"
    TAAKGERICHT = "taakgericht"


@dataclass(frozen=True, slots=True)
class SyntheticYouth:
    bsn: str  # passes the 11-proef, always starts with generator.TEST_BSN_PREFIX
    birth_date: date
    geslacht: str  # COD046: 0 onbekend, 1 man, 2 vrouw
    initials: str  # LDT_Voorletters: letters only, at most 6
    surname: str
    municipality_code: str  # CBS gemeentecode, the municipality responsible


@dataclass(frozen=True, slots=True)
class Referral:
    """A youth is referred to a provider. For verwijzer 01 (gemeente) the municipality
    assigns directly; for the others the provider asks for a toewijzing (JW315)."""

    date: date
    youth: SyntheticYouth
    verwijzer_type: str  # COD327
    # For types 02-05 either the verwijzer's AGB code or a name, never both; 06 has neither.
    verwijzer_naam: str
    verwijzer_zorgverlenercode: str
    provider_agb: str
    referentie_aanbieder: str  # the provider's own reference, repeated in the Toewijzing
    product_categorie: str  # JZ020, what is asked for
    product_code: str


@dataclass(frozen=True, slots=True)
class Toewijzing:
    """A municipality assigns one product to a provider (JW301 ToegewezenProduct)."""

    date: date  # toewijzingsdatum
    toewijzing_nummer: str  # digits only (LDT_Nummer), unique per municipality
    youth: SyntheticYouth
    municipality_code: str
    provider_agb: str
    variant: Variant
    product_categorie: str  # JZ020
    product_code: str  # 5 characters, regional product list
    ingangsdatum: date
    einddatum: date  # always set: a per-week omvang requires it
    volume: int | None  # omvang; None when a budget is given
    eenheid: str  # WJ756; "" with a budget
    frequentie: str  # WMO757; "" with a budget
    budget: Decimal | None
    referentie_aanbieder: str  # "" when the municipality referred (verwijzer 01)


@dataclass(frozen=True, slots=True)
class Change:
    """The municipality changes an existing toewijzing (a new JW301 with the same number)."""

    date: date
    toewijzing_nummer: str
    youth: SyntheticYouth
    municipality_code: str
    provider_agb: str
    reden_wijziging: str  # JZ002: 04 verlenging, 05 verkorting
    einddatum: date  # the new einddatum; everything else stays as in the Toewijzing


@dataclass(frozen=True, slots=True)
class Start:
    """The provider reports that care started (JW305)."""

    date: date
    toewijzing_nummer: str | None  # None for taakgericht care: no toewijzing exists
    youth: SyntheticYouth
    municipality_code: str
    provider_agb: str
    product_categorie: str
    product_code: str
    begindatum: date


@dataclass(frozen=True, slots=True)
class Stop:
    """The provider reports that care ended (JW307)."""

    date: date
    toewijzing_nummer: str | None
    youth: SyntheticYouth
    municipality_code: str
    provider_agb: str
    product_categorie: str
    product_code: str
    begindatum: date
    einddatum: date
    reden_beeindiging: str  # JZ588


@dataclass(frozen=True, slots=True)
class Declaration:
    """One prestatie line of a monthly declaration (JW323), sent after the month.

    The lead groups lines into messages per (provider, municipality, date). A correction is
    a credit line (C) naming the original in vorig_referentie_nummer, followed by a new debit.
    """

    date: date  # declaratiedagtekening
    referentie_nummer: str  # unique per provider, at most 20 characters
    vorig_referentie_nummer: str  # "" unless this line credits an earlier one
    toewijzing_nummer: str
    youth: SyntheticYouth
    municipality_code: str
    provider_agb: str
    product_categorie: str
    product_code: str
    period_start: date  # ProductPeriode, inside one calendar month and the toewijzing
    period_end: date
    volume: int
    eenheid: str  # WJ756
    tariff: Decimal  # per eenheid, 2 decimal places
    amount: Decimal  # volume x tariff, to the cent; always positive, see debet_credit
    debet_credit: str  # COD043: D or C


Event = Referral | Toewijzing | Change | Start | Stop | Declaration

# Same-day events are ordered as the chain produces them: referral, assignment, change,
# start, stop, declaration.
EVENT_ORDER = {Referral: 0, Toewijzing: 1, Change: 2, Start: 3, Stop: 4, Declaration: 5}
