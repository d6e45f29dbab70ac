"""REST API of the one step-7 write api_care.py lacks: recording the intervention of a crisis
episode (the screen `pathways:intervention`), through services.crisis."""

from django.urls import path
from rest_framework import serializers

from openjeugd.pathways.api import _case, _writer
from openjeugd.pathways.models import CrisisEpisode
from openjeugd.pathways.services import crisis


class InterventionSerializer(serializers.Serializer):
    intervened_at = serializers.DateTimeField()


def _episode(user, pk) -> CrisisEpisode:
    """The episode, found through its case in the user's scope (404 otherwise)."""
    case_id = (CrisisEpisode.objects.filter(pk=pk).values_list("case_id", flat=True).first()
               if str(pk).isdigit() else None)
    return CrisisEpisode.objects.get(pk=pk, case=_case(user, case_id if case_id else "-"))


InterventionView = _writer(InterventionSerializer, _episode,
                           lambda u, episode, d: crisis.record_intervention(u, episode=episode,
                                                                            **d))

urlpatterns = [
    path("crises/<int:pk>/intervention/", InterventionView.as_view(),
         name="api-pathways-intervention"),
]
