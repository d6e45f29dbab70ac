from .archive import Finding, IdentificatieCounter, Message
from .care import Start, Stop, Toewijzing, ToewijzingVersion
from .counters import ToewijzingNummerCounter
from .declaratie import Declaratie, Prestatie
from .tallies import FindingTally, MessageTally
from .verzoek import Verzoek

__all__ = [
    "Declaratie", "Finding", "FindingTally", "IdentificatieCounter", "Message", "MessageTally",
    "Prestatie", "Start", "Stop",
    "Toewijzing", "ToewijzingNummerCounter", "ToewijzingVersion", "Verzoek",
]
