"""Resolve the municipality, provider and youth a message is about.

A youth's identity and municipality of residence are the municipality's record: a municipality's
own message (JW301) may correct it, a provider's message never moves a youth or overwrites its
name or date of birth. Each municipality keeps its own record of a BSN.
"""

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from openjeugd.accounts import audit
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw.models import Message
from openjeugd.registry.models import Municipality, Provider, Youth

# The codes (S300 for TR378, 8187 for TR304, 0001 for an AGB code not registered in the
# region) come from the rule table through ctx.reject.
# TR378 (technische-regels/externe-bon/TR378.md, "oudere CBS lijst ... actueel is op
# Ingangsdatum"): after a redivision an old gemeentecode stays valid for care assigned while it
# existed. So a municipality that no longer exists cannot start anything new (no assignment,
# request or answer), but messages about existing care (start, stop, change request,
# declaration) still name it.
NEW_CARE = {"JW301", "JW315", "JW319"}


def resolve(ctx) -> bool:
    """Set message.municipality/provider from the header; reject when either is unknown."""
    message: Message = ctx.message
    if message.direction == Message.Direction.OUT:
        gemeentecode, agb = message.afzender, message.ontvanger
    else:
        gemeentecode, agb = message.ontvanger, message.afzender
    # (sniff already turned a return's header round, so this holds for returns too.)
    municipality = Municipality.objects.filter(code=gemeentecode).select_related("region").first()
    if municipality is not None and not municipality.active and message.code in NEW_CARE:
        ctx.reject(ref="header", rule="TR378",
                   text=_("Municipality %(code)s no longer exists; new care is assigned by its "
                          "successor.") % {"code": gemeentecode})
        municipality = None
    elif municipality is None:
        ctx.reject(ref="header", rule="TR378",
                   text=_("Municipality %(code)s is not known in Open Jeugd.") %
                   {"code": gemeentecode})
    message.municipality = municipality
    message.provider = _registered_provider(agb, municipality, message)
    if municipality is not None and message.provider is None:
        ctx.reject(ref="header", rule="AGB",
                   text=_("Provider with AGB code %(agb)s is not registered in the region of "
                          "municipality %(code)s.") % {"agb": agb, "code": gemeentecode})
    return message.municipality is not None and message.provider is not None


def _registered_provider(agb: str, municipality, message: Message) -> Provider | None:
    """The provider when it may exchange this message with the municipality: decided by the
    lookup named in settings.IJW_PROVIDER_ADMISSION (the contracts app: "has a running
    contract"), on the message's dagtekening. New care needs a contract running that day;
    messages about existing care are judged as the TR378 note above judges municipalities."""
    if municipality is None:
        return None
    admission = import_string(getattr(settings, "IJW_PROVIDER_ADMISSION",
                                      "openjeugd.ijw.services.parties.registered_in_region"))
    return admission(agb=agb, municipality=municipality,
                     on=message.dagtekening or localdate(message.received_at),
                     new_care=message.code in NEW_CARE)


def registered_in_region(*, agb: str, municipality, on, new_care: bool) -> Provider | None:
    """Without contracts: the provider is registered in the municipality's region."""
    return Provider.objects.filter(agb_code=agb, regions=municipality.region_id).first()


def upsert_youth(ctx, client) -> Youth:
    """The youth named in a message with full client data (301/305/307/315), as this
    municipality knows it."""
    message = ctx.message
    youth = Youth.objects.filter(bsn=client.bsn, municipality=message.municipality).first()
    identity = _identity(client)
    if youth is None:
        youth = Youth.objects.create(bsn=client.bsn, municipality=message.municipality,
                                     **identity)
        _log(ctx, "create", youth)
    elif message.direction == Message.Direction.OUT and _differs(youth, identity):
        # The municipality's own message corrects its own record.
        Youth.objects.filter(pk=youth.pk).update(**identity)
        youth.refresh_from_db()
        _log(ctx, "update", youth)
    message.youth = youth
    return youth


def _identity(client) -> dict:
    identity = {"birth_date": client.geboortedatum, "geslacht": str(client.geslacht or "0")}
    naam = getattr(client, "naam", None)
    if naam is not None:
        identity["surname"] = " ".join(
            p for p in [getattr(naam, "voorvoegsel", None), naam.achternaam] if p)[:200]
        identity["initials"] = (getattr(naam, "voorletters", None) or "")[:10]
    return identity


def _differs(youth: Youth, identity: dict) -> bool:
    return any(getattr(youth, field) != value for field, value in identity.items())


def _log(ctx, action: str, youth: Youth) -> None:
    # Processing writes the record; the person or channel that delivered the message is the
    # actor when there is one.
    audit.record_object(ctx.user, action, youth, purpose=Purpose.MESSAGE_PROCESSING,
                        system=audit.SYSTEM_IJW if ctx.user is None else "",
                        owner_region_id=ctx.message.municipality.region_id)


def known_youth(ctx, bsn: str) -> Youth | None:
    """The youth of a message that carries only a BSN (317/323), in its municipality."""
    youth = Youth.objects.filter(bsn=bsn, municipality=ctx.message.municipality).first()
    if youth is None:
        _reject_unknown(ctx, bsn)
    return youth


def known_youths(ctx, bsns):
    """known_youth for many clients at once (a JW323 names hundreds): one query for all BSNs
    of the message, then a lookup ``bsn -> Youth | None`` that rejects an unknown BSN when it
    is asked, so the finding keeps its place among the client's other findings."""
    found = {youth.bsn: youth for youth in Youth.objects.filter(
        bsn__in=set(bsns), municipality=ctx.message.municipality)}

    def lookup(bsn: str) -> Youth | None:
        youth = found.get(bsn)
        if youth is None:
            _reject_unknown(ctx, bsn)
        return youth

    return lookup


def _reject_unknown(ctx, bsn: str) -> None:
    ctx.reject(ref=f"client:{bsn}", rule="TR304",
               text=_("No client with this BSN is known from earlier messages."))
