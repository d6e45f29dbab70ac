"""JW305 start and JW307 stop: care delivery against a toewijzing, with OP033 corrections."""

from django.utils.translation import gettext as _

from openjeugd.ijw.models import Start, Stop, Toewijzing
from openjeugd.ijw.services import care, parties, summaries

# COD467 StatusAanlevering: 1 first delivery, 3 delete (a correction is delete + new: OP033).
DELETE = "3"
TEMPORARY_STOP = "20"  # JZ588


def handle_jw305(ctx, parsed) -> None:
    if parties.resolve(ctx) and not ctx.rejected_whole:
        parties.upsert_youth(ctx, parsed.client)
        for product in deletions_first(parsed.client.start_producten):
            ref = product.ref
            if not ctx.rejected(ref):
                _apply_start(ctx, ref, product)


def handle_jw307(ctx, parsed) -> None:
    if parties.resolve(ctx) and not ctx.rejected_whole:
        parties.upsert_youth(ctx, parsed.client)
        for product in deletions_first(parsed.client.stop_producten):
            ref = product.ref
            if not ctx.rejected(ref):
                _apply_stop(ctx, ref, product)


def deletions_first(products) -> list:
    """OP033/IV008: a correction is a delete (StatusAanlevering 3) of the old record plus a new
    one; the delete is processed first whatever the order in the message ("Uiteraard moet
    worden voorkomen dat een nieuwe aanlevering eerder wordt verwerkt dan de correctie",
    IV008), so a new start does not clash with the one it replaces."""
    return sorted(products, key=lambda product: product.status_aanlevering != DELETE)


class _Taakgericht:
    """Taakgericht care has no toewijzing: deliveries hang on youth, provider and product."""

    def __init__(self, ctx, product):
        self.scope = {"youth": ctx.message.youth, "provider": ctx.message.provider,
                      "municipality": ctx.message.municipality, "toewijzing": None,
                      "product_categorie": product.product.categorie if product.product else ""}
        self.starts = Start.objects.filter(**self.scope)
        self.stops = Stop.objects.filter(**self.scope)

    def covers(self, first, last) -> bool:
        return True


def _scope(target) -> dict:
    if isinstance(target, _Taakgericht):
        return target.scope
    return {"toewijzing": target, "youth": target.youth, "provider": target.provider,
            "municipality": target.municipality, "product_categorie": target.product_categorie,
            "product_code": target.product_code}


def _toewijzing(ctx, ref, product):
    if product.toewijzing_nummer is None:
        return _Taakgericht(ctx, product)
    # TR019: a start/stop must refer to a toewijzing of this provider for this client.
    toewijzing = Toewijzing.objects.filter(
        municipality=ctx.message.municipality, provider=ctx.message.provider,
        toewijzing_nummer=product.toewijzing_nummer, youth=ctx.message.youth,
    ).first()
    if toewijzing is None:
        ctx.reject(ref=ref, rule="TR019",
                   text=_("No toewijzing %(nr)s for this client and provider.") %
                   {"nr": product.toewijzing_nummer})
    return toewijzing


def _apply_start(ctx, ref, product) -> None:
    toewijzing = _toewijzing(ctx, ref, product)
    if toewijzing is None:
        return
    active = toewijzing.starts.filter(deleted_by__isnull=True)
    same = active.filter(begindatum=product.begindatum).first()
    if product.status_aanlevering == DELETE:
        _delete_start(ctx, ref, toewijzing, same)
        return
    if same is not None:
        ctx.reject(ref=ref, rule="TR074",
                   text=_("A start with this key was already received."))
    elif _open_start(toewijzing) is not None:
        ctx.reject(ref=ref, rule="TR326",
                   text=_("The current delivery has not been stopped yet."))
    elif not toewijzing.covers(product.begindatum, product.begindatum):
        ctx.reject(ref=ref, rule="TR019",
                   text=_("The start date lies outside the toewijzing period."))
    else:
        start = Start.objects.create(begindatum=product.begindatum, message=ctx.message,
                                     **_scope(toewijzing))
        summaries.episode_changed(start)
        if isinstance(toewijzing, _Taakgericht):
            care.follow_delivery(start)


def _delete_start(ctx, ref, toewijzing, start) -> None:
    if start is None:
        ctx.reject(ref=ref, rule="TR063",
                   text=_("There is no earlier start to delete."))
        return
    if _active_stops(toewijzing, start.begindatum).exclude(
            reden_beeindiging=TEMPORARY_STOP).exists():
        ctx.reject(ref=ref, rule="TR071",
                   text=_("The start cannot be deleted: care has already ended."))
        return
    start.deleted_by = ctx.message
    start.save(update_fields=["deleted_by"])
    summaries.episode_changed(start)


def _open_start(toewijzing):
    """The active start that has no active stop yet."""
    for start in toewijzing.starts.filter(deleted_by__isnull=True):
        if not _active_stops(toewijzing, start.begindatum).exists():
            return start
    return None


def _active_stops(toewijzing, begindatum):
    return toewijzing.stops.filter(deleted_by__isnull=True, begindatum=begindatum)


def _apply_stop(ctx, ref, product) -> None:
    toewijzing = _toewijzing(ctx, ref, product)
    if toewijzing is None:
        return
    stops = _active_stops(toewijzing, product.begindatum)
    if product.status_aanlevering == DELETE:
        stop = stops.filter(einddatum=product.einddatum).first() or stops.last()
        if stop is None:
            ctx.reject(ref=ref, rule="TR063",
                       text=_("There is no earlier stop to delete."))
        else:
            stop.deleted_by = ctx.message
            stop.save(update_fields=["deleted_by"])
            summaries.episode_changed(stop)
        return
    if not toewijzing.starts.filter(deleted_by__isnull=True,
                                    begindatum=product.begindatum).exists():
        ctx.reject(ref=ref, rule="TR069",
                   text=_("There is no current start with this start date."))
    elif product.einddatum < product.begindatum:
        ctx.reject(ref=ref, rule="TR069",
                   text=_("The stop date lies before the start date."))
    elif stops.filter(einddatum=product.einddatum,
                      reden_beeindiging=product.reden_beeindiging).exists():
        ctx.reject(ref=ref, rule="TR074",
                   text=_("A stop with this key was already received."))
    elif stops.exclude(reden_beeindiging=TEMPORARY_STOP).exists():
        ctx.reject(ref=ref, rule="TR415",
                   text=_("A definitive stop for this start was already received."))
    elif product.reden_beeindiging == TEMPORARY_STOP and stops.exists():
        # TR413 (TR413.md): after a temporary stop (reden 20) for the same start, a new stop
        # must give another reason. (Only temporary stops remain here: TR415 took the rest.)
        ctx.reject(ref=ref, rule="TR413",
                   text=_("This start already has a temporary stop; a new stop must end it "
                          "for good."))
    elif _ends_before_current_stop(stops, product.einddatum):
        # TR414 (TR414.md): a new stop ends on or after the einddatum of the current stop.
        ctx.reject(ref=ref, rule="TR414",
                   text=_("The stop date lies before the end date of the current stop."))
    else:
        stop = Stop.objects.create(begindatum=product.begindatum, einddatum=product.einddatum,
                                   reden_beeindiging=product.reden_beeindiging,
                                   message=ctx.message, **_scope(toewijzing))
        summaries.episode_changed(stop)
        if isinstance(toewijzing, _Taakgericht) and product.reden_beeindiging != TEMPORARY_STOP:
            start = toewijzing.starts.filter(deleted_by__isnull=True,
                                             begindatum=product.begindatum).first()
            care.follow_delivery(start, einddatum=product.einddatum)


def _ends_before_current_stop(stops, einddatum) -> bool:
    current = stops.order_by("-einddatum").first()
    return current is not None and einddatum < current.einddatum
