from .archive import Finding, IdentificatieCounter, Message
from .care import Start, Stop, Toewijzing, ToewijzingVersion
from .declaratie import Declaratie, Prestatie
from .verzoek import Verzoek

__all__ = [
    "Declaratie", "Finding", "IdentificatieCounter", "Message", "Prestatie", "Start", "Stop",
    "Toewijzing", "ToewijzingVersion", "Verzoek",
]
