from .archive import Finding, Message
from .care import Start, Stop, Toewijzing, ToewijzingVersion
from .declaratie import Declaratie, Prestatie
from .verzoek import Verzoek

__all__ = [
    "Declaratie", "Finding", "Message", "Prestatie", "Start", "Stop", "Toewijzing",
    "ToewijzingVersion", "Verzoek",
]
