from .archive import Finding, IdentificatieCounter, Message
from .care import Start, Stop, Toewijzing, ToewijzingVersion
from .counters import ToewijzingNummerCounter
from .declaratie import Declaratie, Prestatie
from .summaries import CareEpisode, DeclaredHalfYear, DeclaredMonth
from .tallies import FindingTally, MessageTally
from .verzoek import Verzoek

__all__ = [
    "CareEpisode", "Declaratie", "DeclaredHalfYear", "DeclaredMonth", "Finding", "FindingTally",
    "IdentificatieCounter", "Message", "MessageTally",
    "Prestatie", "Start", "Stop",
    "Toewijzing", "ToewijzingNummerCounter", "ToewijzingVersion", "Verzoek",
]
