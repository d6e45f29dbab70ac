"""REST API of steps 6–11, the same writes as the screens of views_care: placement, moves,
1-op-1, hypermaatwerk, crisis, profiles and switches, regie, outflow, measurements, and a read
of it all. The object in the URL is found first (out of scope → 404 whatever the body); bad
input → 400 naming the field and the rule; a stale outflow version → 409."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from openjeugd.accounts.drf import PolicyPermission
from openjeugd.accounts.models import User
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.pathways import selectors_care
from openjeugd.pathways.models import (
    Case,
    CrisisEpisode,
    Intensity,
    Measurement,
    OneOnOneSupport,
    Placement,
    ProfileSwitchRequest,
    RegieRole,
    SupportProfile,
)
from openjeugd.pathways.services import base, care, cases, crisis, outflow, profile
from openjeugd.registry.models import Facility, Provider

PURPOSE = Purpose.CASEWORK_API


def _case(user, pk, *, write=True) -> Case:
    return base.case_for(user, pk, purpose=PURPOSE, write=write)


def _part(model, case_path="case", *, write=True):
    def find(user, pk):
        case_id = (model.objects.filter(pk=pk).values_list(f"{case_path}_id", flat=True)
                   .first() if str(pk).isdigit() else None)
        case = _case(user, case_id if case_id is not None else "-", write=write)
        return model.objects.get(pk=pk, **{case_path: case})
    return find


# --- serializers -------------------------------------------------------------------------------

class PlacementSerializer(serializers.Serializer):
    facility = serializers.PrimaryKeyRelatedField(queryset=Facility.objects.all())
    started_on = serializers.DateField()
    planned_end_on = serializers.DateField(required=False, allow_null=True, default=None)


class MoveSerializer(serializers.Serializer):
    facility = serializers.PrimaryKeyRelatedField(queryset=Facility.objects.all())
    moved_on = serializers.DateField()
    voluntary = serializers.BooleanField()  # required: never assumed
    reason = serializers.CharField(allow_blank=True)


class EndPlacementSerializer(serializers.Serializer):
    ended_on = serializers.DateField()


class OneOnOneSerializer(serializers.Serializer):
    started_on = serializers.DateField()
    ended_on = serializers.DateField(required=False, allow_null=True, default=None)
    reason = serializers.CharField(allow_blank=True)


class HypermaatwerkSerializer(serializers.Serializer):
    decided_on = serializers.DateField()
    justification = serializers.CharField(allow_blank=True)
    alternatives_tried = serializers.CharField(allow_blank=True)


class CrisisSerializer(serializers.Serializer):
    reported_at = serializers.DateTimeField()
    intervened_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    acuut_from = serializers.DateField()
    acuut_to = serializers.DateField()
    crisis_stay = serializers.BooleanField(required=False, default=False)
    spoedhulp = serializers.ChoiceField(choices=CrisisEpisode.Spoedhulp.choices,
                                        required=False, default="", allow_blank=True)
    summary = serializers.CharField(required=False, default="", allow_blank=True)


class InterventionSerializer(serializers.Serializer):
    intervened_at = serializers.DateTimeField()


class ProfileSerializer(serializers.Serializer):
    profile = serializers.IntegerField()
    intensity = serializers.ChoiceField(choices=Intensity.choices)
    hoofdaannemer = serializers.SlugRelatedField(slug_field="agb_code",
                                                 queryset=Provider.objects.all())
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(required=False, allow_null=True, default=None)
    stacking_consent_by = serializers.CharField(required=False, default="", allow_blank=True)


class SwitchRequestSerializer(serializers.Serializer):
    requested_on = serializers.DateField()
    profile = serializers.IntegerField()
    intensity = serializers.ChoiceField(choices=Intensity.choices)
    evidence = serializers.CharField(allow_blank=True)


class SwitchDecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    decided_on = serializers.DateField()
    reason = serializers.CharField(required=False, default="", allow_blank=True)
    acuut_to = serializers.DateField(required=False, allow_null=True, default=None)


class RegieSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RegieRole.Kind.choices)
    phase = serializers.ChoiceField(choices=Case.Phase.choices)
    holder_name = serializers.CharField(max_length=200)
    organisation = serializers.CharField(max_length=200, required=False, default="",
                                         allow_blank=True)
    holder = serializers.PrimaryKeyRelatedField(queryset=User.objects.all(), required=False,
                                                allow_null=True, default=None)
    valid_from = serializers.DateField()


class OutflowSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    planned_outflow_on = serializers.DateField(required=False, allow_null=True, default=None)
    follow_up_place = serializers.CharField(required=False, default="", allow_blank=True)
    follow_up_arranged_on = serializers.DateField(required=False, allow_null=True, default=None)
    toekomstplan_on = serializers.DateField(required=False, allow_null=True, default=None)
    mdo_informed_on = serializers.DateField(required=False, allow_null=True, default=None)
    outflowed_on = serializers.DateField(required=False, allow_null=True, default=None)


class OutflowRegistrationSerializer(serializers.Serializer):
    registered_on = serializers.DateField(required=False, default=None)


class MeasurementSerializer(serializers.Serializer):
    moment = serializers.ChoiceField(choices=Measurement.Moment.choices)
    informant = serializers.ChoiceField(choices=Measurement.Informant.choices)
    measured_on = serializers.DateField()
    tevredenheid = serializers.IntegerField(required=False, allow_null=True, default=None)
    doelrealisatie = serializers.CharField(max_length=2, required=False, default="",
                                           allow_blank=True)


# --- views -------------------------------------------------------------------------------------

class Conflict409(serializers.ValidationError):
    status_code = status.HTTP_409_CONFLICT


class _Write(APIView):
    permission_classes = [PolicyPermission]
    perm = Perm.WORK_CASES
    serializer_class: type[serializers.Serializer]

    def post(self, request, pk):
        target = self.find(request.user, pk)
        data = self.serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            saved = self.act(request.user, target, dict(data.validated_data))
        except base.Conflict as error:
            raise Conflict409(error.message_dict) from error
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from error
        return Response({"id": saved.pk, "version": getattr(saved, "version", None)},
                        status=status.HTTP_201_CREATED)


def _writer(name, serializer, find, act, *, perm=Perm.WORK_CASES):
    """An APIView for one write: find(user, pk) → target; act(user, target, data)."""
    return type(name, (_Write,), {
        "serializer_class": serializer, "perm": perm,
        "find": lambda self, user, pk: find(user, pk),
        "act": lambda self, user, target, data: act(user, target, data),
        "post": extend_schema(request=serializer, responses={201: None})(_Write.post),
    })


def _on_case(user, pk):
    return _case(user, pk)


PlacementView = _writer("PlacementView", PlacementSerializer, _on_case,
                        lambda u, c, d: care.place(u, case=c, **d))
MoveView = _writer("MoveView", MoveSerializer, _on_case,
                   lambda u, c, d: care.move(u, case=c, **d))
EndPlacementView = _writer("EndPlacementView", EndPlacementSerializer, _part(Placement),
                           lambda u, p, d: care.end_placement(u, placement=p, **d))
OneOnOneView = _writer("OneOnOneView", OneOnOneSerializer, _part(Placement),
                       lambda u, p, d: care.add_one_on_one(u, placement=p, **d))
HypermaatwerkView = _writer("HypermaatwerkView", HypermaatwerkSerializer, _on_case,
                            lambda u, c, d: care.record_hypermaatwerk(u, case=c, **d))
CrisisView = _writer("CrisisView", CrisisSerializer, _on_case,
                     lambda u, c, d: care.record_crisis(u, case=c, **d))
InterventionView = _writer("InterventionView", InterventionSerializer, _part(CrisisEpisode),
                           lambda u, e, d: crisis.record_intervention(u, episode=e, **d))
ProfileView = _writer("ProfileView", ProfileSerializer, _on_case,
                      lambda u, c, d: profile.assign_profile(u, case=c, **d))
def _of_own_hoofdaannemer(user, pk) -> SupportProfile:
    """The profile, when the user works for its hoofdaannemer: 403 before the body is read."""
    current = _part(SupportProfile, write=False)(user, pk)
    profile.must_act_as_provider(user, current.hoofdaannemer)
    return current


# The hoofdaannemer's staff ask (they see the youth as a current client, without WORK_CASES).
SwitchRequestView = _writer("SwitchRequestView", SwitchRequestSerializer,
                            lambda u, pk: _of_own_hoofdaannemer(u, pk),
                            lambda u, p, d: profile.request_switch(u, current=p, **d),
                            perm=Perm.VIEW_YOUTH)
SwitchDecisionView = _writer("SwitchDecisionView", SwitchDecisionSerializer,
                             _part(ProfileSwitchRequest, "current__case"),
                             lambda u, s, d: profile.decide_switch(u, switch=s, **d))
RegieView = _writer("RegieView", RegieSerializer, _on_case,
                    lambda u, c, d: cases.assign_regie(u, case=c, **d))
OutflowView = _writer("OutflowView", OutflowSerializer, _on_case,
                      lambda u, c, d: outflow.plan_outflow(u, case=c, **d))
OutflowRegistrationView = _writer(
    "OutflowRegistrationView", OutflowRegistrationSerializer, _on_case,
    lambda u, c, d: outflow.register_without_follow_up(
        u, case=c, registered_on=d["registered_on"] or timezone.localdate()))
MeasurementView = _writer("MeasurementView", MeasurementSerializer, _on_case,
                          lambda u, c, d: outflow.record_measurement(u, case=c, **d))


class CareSerializer(serializers.Serializer):
    """Steps 6–11 of one case, with its due items."""

    placements = serializers.ListField()
    moves = serializers.ListField()
    one_on_one = serializers.ListField()
    hypermaatwerk = serializers.ListField()
    crises = serializers.ListField()
    profiles = serializers.ListField()
    switch_requests = serializers.ListField()
    regie = serializers.ListField()
    outflow = serializers.DictField(allow_null=True)
    measurements = serializers.ListField()
    due = serializers.ListField()


class CareView(APIView):
    permission_classes = [PolicyPermission]
    read_perm = Perm.VIEW_YOUTH

    @extend_schema(responses=CareSerializer)
    def get(self, request, pk):
        case = _case(request.user, pk, write=False)
        found = selectors_care.care_overview(case, timezone.localdate())
        plan = found["outflow"]
        return Response({
            "placements": list(case.placements.values(
                "id", "facility", "started_on", "planned_end_on", "ended_on")),
            "moves": list(case.moves.values("id", "from_placement", "to_placement",
                                            "moved_on", "voluntary", "reason")),
            "one_on_one": list(OneOnOneSupport.objects.filter(placement__case=case).values(
                "id", "placement", "started_on", "ended_on", "reason")),
            "hypermaatwerk": list(case.hypermaatwerk.values(
                "id", "decided_on", "justification", "alternatives_tried")),
            "crises": list(case.crises.values("id", "reported_at", "intervened_at",
                                              "acuut_from", "acuut_to", "crisis_stay",
                                              "spoedhulp")),
            "profiles": list(case.profiles.values("id", "profile", "intensity",
                                                  "hoofdaannemer__agb_code", "valid_from",
                                                  "valid_to", "stacking_consent_by")),
            "switch_requests": list(found["switches"].values(
                "id", "current", "requested_on", "profile", "intensity", "evidence", "status",
                "decided_on", "decision_reason", "result")),
            "regie": list(case.regie_roles.values("id", "kind", "phase", "holder_name",
                                                  "organisation", "valid_from", "valid_to",
                                                  "handed_over_from")),
            "outflow": None if plan is None else {
                name: getattr(plan, name) for name in (
                    "version", "planned_outflow_on", "follow_up_place",
                    "follow_up_arranged_on", "toekomstplan_on", "mdo_informed_on",
                    "outflowed_on", "new_registration_id")},
            "measurements": list(case.measurements.values(
                "id", "moment", "informant", "measured_on", "tevredenheid", "doelrealisatie")),
            "due": [{"kind": i.kind, "label": i.label, "due": i.due, "overdue": i.overdue,
                     "detail": i.detail} for i in found["items"]],
        })


urlpatterns = [
    path("cases/<int:pk>/care/", CareView.as_view(), name="api-pathways-care"),
    path("cases/<int:pk>/placements/", PlacementView.as_view(), name="api-pathways-placement"),
    path("cases/<int:pk>/moves/", MoveView.as_view(), name="api-pathways-move"),
    path("cases/<int:pk>/hypermaatwerk/", HypermaatwerkView.as_view(),
         name="api-pathways-hypermaatwerk"),
    path("cases/<int:pk>/crises/", CrisisView.as_view(), name="api-pathways-crisis"),
    path("cases/<int:pk>/profiles/", ProfileView.as_view(), name="api-pathways-profile"),
    path("cases/<int:pk>/regie/", RegieView.as_view(), name="api-pathways-regie"),
    path("cases/<int:pk>/outflow/", OutflowView.as_view(), name="api-pathways-outflow"),
    path("cases/<int:pk>/outflow/registration/", OutflowRegistrationView.as_view(),
         name="api-pathways-outflow-registration"),
    path("cases/<int:pk>/measurements/", MeasurementView.as_view(),
         name="api-pathways-measurement"),
    path("placements/<int:pk>/end/", EndPlacementView.as_view(),
         name="api-pathways-placement-end"),
    path("placements/<int:pk>/one-on-one/", OneOnOneView.as_view(),
         name="api-pathways-one-on-one"),
    path("crises/<int:pk>/intervention/", InterventionView.as_view(),
         name="api-pathways-intervention"),
    path("profiles/<int:pk>/switch-requests/", SwitchRequestView.as_view(),
         name="api-pathways-switch-request"),
    path("switch-requests/<int:pk>/decision/", SwitchDecisionView.as_view(),
         name="api-pathways-switch-decision"),
]
