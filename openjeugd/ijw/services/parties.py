"""Resolve the municipality, provider and youth a message is about."""

from django.utils.translation import gettext as _

from openjeugd.ijw.models import Message
from openjeugd.registry.models import Municipality, Provider, Youth

# WJ001 S300: gemeentecode ongeldig (TR378); 8187: the prestatie/client is not known here.
UNKNOWN_MUNICIPALITY = "S300"
UNKNOWN_CLIENT = "8187"
# An AGB code we have no provider for: the region has no contract with this sender.
UNKNOWN_PROVIDER = "0001"


def resolve(ctx) -> bool:
    """Set message.municipality/provider from the header; reject when either is unknown."""
    message: Message = ctx.message
    if message.direction == Message.Direction.OUT:
        gemeentecode, agb = message.afzender, message.ontvanger
    else:
        gemeentecode, agb = message.ontvanger, message.afzender
    # (sniff already turned a return's header round, so this holds for returns too.)
    message.municipality = Municipality.objects.filter(code=gemeentecode).first()
    message.provider = Provider.objects.filter(agb_code=agb).first()
    if message.municipality is None:
        ctx.reject(level="header", ref="header", retourcode=UNKNOWN_MUNICIPALITY, rule="TR378",
                   text=_("Municipality %(code)s is not known in Open Jeugd.") %
                   {"code": gemeentecode})
    if message.provider is None:
        ctx.reject(level="header", ref="header", retourcode=UNKNOWN_PROVIDER, rule="AGB",
                   text=_("Provider with AGB code %(agb)s is not registered in this region.") %
                   {"agb": agb})
    return message.municipality is not None and message.provider is not None


def upsert_youth(ctx, client) -> Youth:
    """The youth named in a message with full client data (301/305/307/315)."""
    naam = getattr(client, "naam", None)
    defaults = {
        "birth_date": client.geboortedatum,
        "geslacht": str(client.geslacht or "0"),
        "municipality": ctx.message.municipality,
    }
    if naam is not None:
        defaults["surname"] = " ".join(
            p for p in [getattr(naam, "voorvoegsel", None), naam.achternaam] if p)[:200]
        defaults["initials"] = (getattr(naam, "voorletters", None) or "")[:10]
    youth, _created = Youth.objects.update_or_create(bsn=client.bsn, defaults=defaults)
    ctx.message.youth = youth
    return youth


def known_youth(ctx, bsn: str) -> Youth | None:
    """The youth of a message that carries only a BSN (317/323)."""
    youth = Youth.objects.filter(bsn=bsn).first()
    if youth is None:
        ctx.reject(level="client", ref=f"client:{bsn}", retourcode=UNKNOWN_CLIENT, rule="TR304",
                   text=_("No client with this BSN is known from earlier messages."))
    return youth
