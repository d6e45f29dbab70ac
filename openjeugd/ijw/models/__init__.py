from .archive import Finding, IdentificatieCounter, Message
from .care import Start, Stop, Toewijzing, ToewijzingVersion
from .counters import ToewijzingNummerCounter
from .declaratie import Declaratie, Prestatie
from .verzoek import Verzoek

__all__ = [
    "Declaratie", "Finding", "IdentificatieCounter", "Message", "Prestatie", "Start", "Stop",
    "Toewijzing", "ToewijzingNummerCounter", "ToewijzingVersion", "Verzoek",
]
