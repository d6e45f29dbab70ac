"""Step 7, after the report: recording the intervention of an open crisis episode (the 24-hour
item of the work list closes with it). The episode itself is written by services.care."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openjeugd.pathways import deadlines
from openjeugd.pathways.models import CrisisEpisode

from .base import config_of, event, logged, not_before, refuse


@transaction.atomic
def record_intervention(user, *, episode: CrisisEpisode, intervened_at: datetime) -> CrisisEpisode:
    episode = CrisisEpisode.objects.select_for_update().get(pk=episode.pk)
    case = episode.case
    if episode.intervened_at is not None:
        refuse("intervened_at", _("The intervention of this crisis has already been recorded."))
    not_before("intervened_at", intervened_at, episode.reported_at,
               _("The intervention cannot come before the report."))
    if intervened_at > timezone.now():
        refuse("intervened_at", _("An intervention cannot be recorded in the future."))
    episode.intervened_at = intervened_at
    episode.save(update_fields=["intervened_at"])
    # seed 003 "binnen 24 uur een interventie nodig": a late one is recorded, and said so.
    due = deadlines.crisis_intervention_due(episode.reported_at, config_of(case).crisis_hours)
    event(case, user, "crisis", _("Crisis intervention recorded") if intervened_at <= due
          else _("Crisis intervention recorded, later than %(hours)s hours after the report")
          % {"hours": config_of(case).crisis_hours})
    return logged(user, "update", episode, case)
