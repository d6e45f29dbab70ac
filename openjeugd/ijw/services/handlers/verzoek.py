"""JW315/JW317 requests from providers, and JW319 answers from the municipality."""

from django.utils import timezone
from django.utils.translation import gettext as _

from openjeugd.ijw.models import Toewijzing, Verzoek
from openjeugd.ijw.services import care, parties
from openjeugd.lib.workdays import deadline_for

# WJ760 VerzoekAntwoord: 1 rejected, 2 under investigation. WJ759 8: woonplaatsbeginsel.
AFGEWEZEN, IN_ONDERZOEK = "1", "2"
WOONPLAATSBEGINSEL = "8"


def handle_jw315(ctx, parsed) -> None:
    if parties.resolve(ctx) and not ctx.rejected_whole:
        youth = parties.upsert_youth(ctx, parsed.client)
        products = parsed.client.aangevraagde_producten
        reference = products[0].referentie_aanbieder if products else ""
        if _reference_is_free(ctx, reference) and not _verzoek_open(ctx, youth):
            _create(ctx, Verzoek.Kind.TOEWIJZING, youth, reference,
                    [_jsonable(p) for p in products], products[0].verwijzer)


def handle_jw317(ctx, parsed) -> None:
    if parties.resolve(ctx) and not ctx.rejected_whole:
        youth = parties.known_youth(ctx, parsed.client.bsn)
        verzoek = parsed.client.verzoek
        if youth is not None and _current_products_known(ctx, youth, verzoek):
            ctx.message.youth = youth
            if _reference_is_free(ctx, verzoek.referentie_aanbieder) and \
                    not _verzoek_open(ctx, youth):
                _create(ctx, Verzoek.Kind.WIJZIGING, youth, verzoek.referentie_aanbieder,
                        [_jsonable(verzoek)], "")


def handle_jw319(ctx, parsed) -> None:
    if not parties.resolve(ctx) or ctx.rejected_whole:
        return
    antwoord = parsed.antwoord
    verzoek = Verzoek.objects.filter(
        provider=ctx.message.provider, municipality=ctx.message.municipality,
        referentie_aanbieder=antwoord.referentie_aanbieder).first()
    if verzoek is None:
        ctx.reject(level="product", ref="antwoord", retourcode="9379", rule="TR379",
                   text=_("No request with this ReferentieAanbieder."))
        return
    if verzoek.state in (Verzoek.State.TOEGEWEZEN, Verzoek.State.AFGEWEZEN):
        ctx.reject(level="product", ref="antwoord", retourcode="9365", rule="TR365",
                   text=_("This request was already answered definitively."))
        return
    ctx.message.youth = verzoek.youth
    _answer(ctx, verzoek, antwoord)


def _answer(ctx, verzoek, antwoord) -> None:
    if antwoord.verzoek_antwoord == IN_ONDERZOEK:
        verzoek.state = Verzoek.State.IN_ONDERZOEK
        # Investigating (e.g. the woonplaatsbeginsel) buys time: the final answer is due
        # within 2 weeks of the request (procesbeschrijving, VOT).
        verzoek.answer_due = deadline_for("woonplaatsbeginsel",
                                          timezone.localdate(verzoek.message.received_at))
    else:
        verzoek.state = Verzoek.State.AFGEWEZEN
        verzoek.reden_afwijzing = antwoord.reden_afwijzing_verzoek or ""
        verzoek.answered_at = ctx.message.received_at
        care.close_request(verzoek, refused=True)
    verzoek.save()
    request = verzoek.message
    request.answered_at = request.answered_at or ctx.message.received_at
    if verzoek.state == Verzoek.State.AFGEWEZEN:
        request.status = request.Status.ANSWERED
    request.save(update_fields=["answered_at", "status"])


def _reference_is_free(ctx, reference: str) -> bool:
    # TR347: ReferentieAanbieder is unique per provider.
    taken = Verzoek.objects.filter(provider=ctx.message.provider,
                                   municipality=ctx.message.municipality,
                                   referentie_aanbieder=reference).exists()
    if taken:
        ctx.reject(level="client", ref="client", retourcode="9347", rule="TR347",
                   text=_("ReferentieAanbieder %(ref)s was used before.") % {"ref": reference})
    return not taken


def _verzoek_open(ctx, youth) -> bool:
    # TR374: one request at a time per client and provider.
    busy = Verzoek.objects.filter(
        provider=ctx.message.provider, youth=youth,
        state__in=[Verzoek.State.OPEN, Verzoek.State.IN_ONDERZOEK]).exists()
    if busy:
        ctx.reject(level="client", ref="client", retourcode="9374", rule="TR374",
                   text=_("A request for this client is still being handled."))
    return busy


def _current_products_known(ctx, youth, verzoek) -> bool:
    # TR350/TR351: products named in a VOW must be current toewijzingen of this provider.
    current = set(Toewijzing.objects.filter(
        youth=youth, provider=ctx.message.provider, municipality=ctx.message.municipality,
    ).values_list("toewijzing_nummer", flat=True))
    ok = True
    for rule, code, products in (("TR350", "9350", verzoek.ongewijzigde_producten),
                                 ("TR351", "9351", verzoek.te_wijzigen_producten)):
        for product in products or []:
            if product.toewijzing_nummer not in current:
                ok = False
                ctx.reject(level="product", ref=product.ref, retourcode=code, rule=rule,
                           text=_("Toewijzing %(nr)s is not a current assignment.") %
                           {"nr": product.toewijzing_nummer})
    return ok


def _create(ctx, kind, youth, reference, products, verwijzer) -> None:
    received = timezone.localdate(ctx.message.received_at)
    verzoek = Verzoek.objects.create(
        kind=kind, municipality=ctx.message.municipality, provider=ctx.message.provider,
        youth=youth, referentie_aanbieder=reference, products=products,
        verwijzer=_verwijzer_code(verwijzer), message=ctx.message,
        answer_due=deadline_for("antwoord_verzoek", received),
    )
    care.open_request(verzoek)


def _verwijzer_code(verwijzer) -> str:
    if verwijzer is None:
        return ""
    return str(getattr(verwijzer, "type", verwijzer) or "")[:2]


def _jsonable(record) -> dict:
    from openjeugd.ijw.services.records import to_jsonable

    return to_jsonable(record)
