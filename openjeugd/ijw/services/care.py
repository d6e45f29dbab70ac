"""Care relations that iJw traffic establishes: who may read a youth, and until when.

A toewijzing gives its provider access from the moment it is assigned (the provider plans
intake before the first day of care) until a grace period after its einddatum; a withdrawal
ends it at once. A provider's own request gives access while the municipality decides.
"""

from django.utils import timezone

from openjeugd.ijw import clock
from openjeugd.ijw.codec.codes import REDEN_WIJZIGING_VERWIJDERD
from openjeugd.registry import care_relations
from openjeugd.registry.models import CareRelation

VERWIJDERD = REDEN_WIJZIGING_VERWIJDERD  # JZ002 13: sent by mistake, treated as never sent


def _toewijzing_source(toewijzing) -> str:
    return f"toewijzing:{toewijzing.municipality.code}:{toewijzing.toewijzing_nummer}"


def follow_toewijzing(toewijzing) -> None:
    source = _toewijzing_source(toewijzing)
    if toewijzing.reden_wijziging == VERWIJDERD or toewijzing.withdrawn:
        care_relations.revoke(kind=CareRelation.Kind.TOEWIJZING, source=source,
                              on=clock.today())
        return
    assigned = timezone.localdate(toewijzing.toewijzing_datum_tijd)
    care_relations.keep(youth=toewijzing.youth, provider=toewijzing.provider,
                        kind=CareRelation.Kind.TOEWIJZING, source=source,
                        valid_from=min(assigned, toewijzing.ingangsdatum),
                        valid_to=toewijzing.einddatum)


def _request_source(verzoek) -> str:
    return f"verzoek:{verzoek.pk}"


def open_request(verzoek) -> None:
    care_relations.keep(youth=verzoek.youth, provider=verzoek.provider,
                        kind=CareRelation.Kind.REQUEST, source=_request_source(verzoek),
                        valid_from=timezone.localdate(verzoek.message.received_at),
                        valid_to=None)


def close_request(verzoek, *, refused: bool) -> None:
    """Assigned: the toewijzing's relation takes over. Refused: nothing left to read."""
    today = clock.today()
    if refused:
        care_relations.revoke(kind=CareRelation.Kind.REQUEST, source=_request_source(verzoek),
                              on=today)
    else:
        care_relations.end(kind=CareRelation.Kind.REQUEST, source=_request_source(verzoek),
                           on=today)


def follow_delivery(start, *, einddatum=None) -> None:
    """Care without a toewijzing (taakgericht): the provider's own start opens the relation."""
    care_relations.keep(youth=start.youth, provider=start.provider,
                        kind=CareRelation.Kind.DELIVERY, source=f"start:{start.pk}",
                        valid_from=start.begindatum, valid_to=einddatum)
