"""JW301: the municipality assigns (or changes, shortens, withdraws) products."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from openjeugd.ijw.models import Toewijzing, ToewijzingVersion, Verzoek
from openjeugd.ijw.services import care, parties
from openjeugd.ijw.services.care import VERWIJDERD
from openjeugd.ijw.services.handlers.verzoek import mark_answered


def handle_jw301(ctx, parsed) -> None:
    if not parties.resolve(ctx) or ctx.rejected_whole:
        return
    youth = parties.upsert_youth(ctx, parsed.client)
    for product in parsed.client.toegewezen_producten:
        if not ctx.rejected(product.ref):
            _apply(ctx, youth, product)


def _apply(ctx, youth, product) -> None:
    message = ctx.message
    existing = Toewijzing.objects.filter(
        municipality=message.municipality, toewijzing_nummer=product.toewijzing_nummer).first()
    if existing is not None and (existing.youth_id != youth.pk or not product.reden_wijziging):
        # TR332: a ToewijzingNummer is unique; re-using it is only a change (RedenWijziging).
        ctx.reject(ref=product.ref, rule="TR332",
                   text=_("Toewijzing number %(nr)s is already used.") %
                   {"nr": product.toewijzing_nummer})
        return
    if existing is not None and product.reden_wijziging == VERWIJDERD and \
            existing.prestaties.exclude(toegekend=0).exists():
        # TR385: a toewijzing with granted declaration lines cannot be deleted.
        ctx.reject(ref=product.ref, rule="TR385",
                   text=_("Toewijzing %(nr)s has granted declarations and cannot be deleted.") %
                   {"nr": product.toewijzing_nummer})
        return
    if product.referentie_aanbieder and not _answers_verzoek(ctx, youth, product):
        return
    values = _values(product)
    toewijzing, _created = Toewijzing.objects.update_or_create(
        municipality=message.municipality, toewijzing_nummer=product.toewijzing_nummer,
        defaults={"provider": message.provider, "youth": youth, "message": message,
                  "referentie_aanbieder": product.referentie_aanbieder or "",
                  "product_categorie": _categorie(product), "product_code": _code(product),
                  "toewijzing_datum_tijd": _assigned_at(product), **values},
    )
    ToewijzingVersion.objects.create(toewijzing=toewijzing, message=message, **values)
    care.follow_toewijzing(toewijzing)


def _answers_verzoek(ctx, youth, product) -> bool:
    # TR379: ReferentieAanbieder is only filled when answering a verzoek.
    verzoek = Verzoek.objects.filter(
        provider=ctx.message.provider, municipality=ctx.message.municipality,
        referentie_aanbieder=product.referentie_aanbieder).first()
    if verzoek is None:
        ctx.reject(ref=product.ref, rule="TR379",
                   text=_("ReferentieAanbieder %(ref)s does not refer to a request.") %
                   {"ref": product.referentie_aanbieder})
        return False
    if verzoek.state != Verzoek.State.TOEGEWEZEN:
        verzoek.state = Verzoek.State.TOEGEWEZEN
        verzoek.answered_at = ctx.message.received_at
        verzoek.save(update_fields=["state", "answered_at"])
        care.close_request(verzoek, refused=False)
        mark_answered(verzoek, ctx.message)
    return True


def _values(product) -> dict:
    omvang = product.omvang
    return {
        "ingangsdatum": product.ingangsdatum,
        "einddatum": product.einddatum,
        "reden_wijziging": product.reden_wijziging or "",
        "volume": omvang.volume if omvang else None,
        "eenheid": omvang.eenheid if omvang else "",
        "frequentie": omvang.frequentie if omvang else "",
        "budget": product.budget,
    }


def _categorie(product) -> str:
    return product.product.categorie if product.product else ""


def _code(product) -> str:
    return (product.product.code or "") if product.product else ""


def _assigned_at(product):
    moment = datetime.combine(product.toewijzingsdatum, product.toewijzingstijd)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
