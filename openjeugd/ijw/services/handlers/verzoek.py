"""JW315/JW317 requests from providers, and JW319 answers from the municipality."""

from django.utils import timezone
from django.utils.translation import gettext as _

from openjeugd.ijw.models import Toewijzing, Verzoek
from openjeugd.ijw.services import care, parties
from openjeugd.ijw.services.handlers import wijziging
from openjeugd.ijw.services.records import to_jsonable
from openjeugd.lib.workdays import deadline_for

# WJ760 VerzoekAntwoord: 1 rejected, 2 under investigation. WJ759 8: woonplaatsbeginsel.
AFGEWEZEN, IN_ONDERZOEK = "1", "2"
WOONPLAATSBEGINSEL = "8"


def handle_jw315(ctx, parsed) -> None:
    if parties.resolve(ctx) and not ctx.rejected_whole:
        youth = parties.upsert_youth(ctx, parsed.client)
        if _verzoek_open(ctx, youth):
            return
        # IV097/TR379: every AangevraagdProduct carries its own ReferentieAanbieder and is
        # answered on its own (a JW301 product or a JW319 naming that reference), so each
        # becomes a Verzoek of its own; the message is answered when all of them are.
        for product in parsed.client.aangevraagde_producten:
            if _reference_is_free(ctx, product.referentie_aanbieder, ref=product.ref):
                _create(ctx, Verzoek.Kind.TOEWIJZING, youth, product.referentie_aanbieder,
                        [_jsonable(product)], product.verwijzer)


def handle_jw317(ctx, parsed) -> None:
    if parties.resolve(ctx) and not ctx.rejected_whole:
        youth = parties.known_youth(ctx, parsed.client.bsn)
        verzoek = parsed.client.verzoek
        if youth is None or _names_another_client(ctx, youth, parsed.client):
            return
        if _current_products_known(ctx, youth, verzoek) and \
                wijziging.check(ctx, youth, parsed):
            ctx.message.youth = youth
            if _reference_is_free(ctx, verzoek.referentie_aanbieder, ref=verzoek.ref) \
                    and not _verzoek_open(ctx, youth):
                _create(ctx, Verzoek.Kind.WIJZIGING, youth, verzoek.referentie_aanbieder,
                        [_jsonable(verzoek)], "")


def handle_jw319(ctx, parsed) -> None:
    if not parties.resolve(ctx) or ctx.rejected_whole:
        return
    antwoord = parsed.antwoord
    verzoek = Verzoek.objects.filter(
        provider=ctx.message.provider, municipality=ctx.message.municipality,
        referentie_aanbieder=antwoord.referentie_aanbieder).first()
    if verzoek is not None and _answer_allowed(ctx, verzoek, antwoord):
        ctx.message.youth = verzoek.youth
        _answer(ctx, verzoek, antwoord)
    elif verzoek is None:
        # TR355 (TR355.md): the answer's ReferentieAanbieder occurs in an earlier VOT/VOW.
        ctx.reject(ref=antwoord.ref, rule="TR355",
                   text=_("No request with this ReferentieAanbieder."))


def _answer_allowed(ctx, verzoek, antwoord) -> bool:
    """TR359, TR360, TR365 (berichtoverstijgend): what may follow what for one reference."""
    assigned = verzoek.state == Verzoek.State.TOEGEWEZEN or Toewijzing.objects.filter(
        municipality=ctx.message.municipality, provider=ctx.message.provider,
        referentie_aanbieder=verzoek.referentie_aanbieder).exists()
    if assigned:
        # TR359: no answer once a toewijzing was sent for this ReferentieAanbieder.
        ctx.reject(ref=antwoord.ref, rule="TR359",
                   text=_("A toewijzing was already sent for this request."))
        return False
    ok = True
    if antwoord.verzoek_antwoord == IN_ONDERZOEK and verzoek.state != Verzoek.State.OPEN:
        # TR360: "Aanvraag in onderzoek" only as the first answer to a reference.
        ctx.reject(ref=antwoord.ref, rule="TR360",
                   text=_("'Under investigation' can only be the first answer."))
        ok = False
    if verzoek.state == Verzoek.State.AFGEWEZEN:
        # TR365: a further answer only when the earlier one was "Aanvraag in onderzoek".
        # (A second "in onderzoek" after a refusal breaks both TR360 and TR365.)
        ctx.reject(ref=antwoord.ref, rule="TR365",
                   text=_("This request was already answered definitively."))
        ok = False
    return ok


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
    mark_answered(verzoek, ctx.message)


def _reference_is_free(ctx, reference: str, *, ref: str) -> bool:
    # TR347: ReferentieAanbieder is unique per provider. IV028: the code goes on the class that
    # holds the element (the AangevraagdProduct in a JW315, the Verzoek in a JW317).
    taken = Verzoek.objects.filter(provider=ctx.message.provider,
                                   municipality=ctx.message.municipality,
                                   referentie_aanbieder=reference).exists()
    if taken:
        ctx.reject(ref=ref, rule="TR347",
                   text=_("ReferentieAanbieder %(ref)s was used before.") % {"ref": reference})
    return not taken


def _verzoek_open(ctx, youth) -> bool:
    # TR374: one request at a time per client and provider (the products of one JW315 are
    # one request).
    busy = Verzoek.objects.filter(
        provider=ctx.message.provider, youth=youth,
        state__in=[Verzoek.State.OPEN, Verzoek.State.IN_ONDERZOEK]).exclude(
        message=ctx.message).exists()
    if busy:
        ctx.reject(ref="client", rule="TR374",
                   text=_("A request for this client is still being handled."))
    return busy


def _names_another_client(ctx, youth, client) -> bool:
    """TR304 (TR304.md, "Bsn moet overeenkomen met Bsn van een Client"): a VOW names
    toewijzingen of its own client. One of another youth makes the Bsn the error: 8187 on the
    Client (IV028), before TR350/TR351 would call the product unknown."""
    verzoek = client.verzoek
    numbers = {p.toewijzing_nummer for p in
               [*verzoek.ongewijzigde_producten, *verzoek.te_wijzigen_producten]}
    other = Toewijzing.objects.filter(
        municipality=ctx.message.municipality, provider=ctx.message.provider,
        toewijzing_nummer__in=numbers).exclude(youth=youth).first()
    if other is not None:
        ctx.reject(ref=client.ref, rule="TR304",
                   text=_("Toewijzing %(nr)s belongs to another client.") %
                   {"nr": other.toewijzing_nummer})
    return other is not None


def _current_products_known(ctx, youth, verzoek) -> bool:
    # TR350/TR351: products named in a VOW must be current toewijzingen of this provider.
    current = set(Toewijzing.objects.filter(
        youth=youth, provider=ctx.message.provider, municipality=ctx.message.municipality,
    ).values_list("toewijzing_nummer", flat=True))
    ok = True
    for rule, products in (("TR350", verzoek.ongewijzigde_producten),
                           ("TR351", verzoek.te_wijzigen_producten)):
        for product in products or []:
            if product.toewijzing_nummer not in current:
                ok = False
                ctx.reject(ref=product.ref, rule=rule,
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
    return to_jsonable(record)


FINAL = [Verzoek.State.TOEGEWEZEN, Verzoek.State.AFGEWEZEN]


def mark_answered(verzoek, answer) -> None:
    """The request message is answered once every product in it has a final answer; a first
    answer "in onderzoek" already counts for the answer deadline."""
    request = verzoek.message
    fields = []
    if request.answered_at is None:
        request.answered_at = answer.received_at
        fields.append("answered_at")
    siblings = Verzoek.objects.filter(message=request)
    if not siblings.exclude(state__in=FINAL).exists():
        request.status = request.Status.ANSWERED
        fields.append("status")
    if fields:
        request.save(update_fields=fields)
