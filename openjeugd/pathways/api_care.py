"""REST API of steps 6–11 (placement, moves, 1-op-1, hypermaatwerk, crisis, profiles and their
switches, regie, outflow, measurements): writes on a case, through the same services and with
the same answers as api.py. Screens for these steps are still to come."""

from django.http import Http404
from django.urls import path
from rest_framework import serializers

from openjeugd.accounts.policy import Perm
from openjeugd.pathways.api import _case, _on_case, _writer
from openjeugd.pathways.models import (
    Case,
    CrisisEpisode,
    Intensity,
    Measurement,
    ProfileSwitchRequest,
    RegieRole,
)
from openjeugd.pathways.services import base, care, cases, outflow, profile
from openjeugd.registry.models import Facility, Provider


class PlacementSerializer(serializers.Serializer):
    facility = serializers.PrimaryKeyRelatedField(queryset=Facility.objects.all())
    started_on = serializers.DateField()
    planned_end_on = serializers.DateField(required=False, allow_null=True, default=None)


class MoveSerializer(serializers.Serializer):
    facility = serializers.PrimaryKeyRelatedField(queryset=Facility.objects.all())
    moved_on = serializers.DateField()
    voluntary = serializers.BooleanField()
    reason = serializers.CharField()


class EndSerializer(serializers.Serializer):
    ended_on = serializers.DateField()


class OneOnOneSerializer(serializers.Serializer):
    started_on = serializers.DateField()
    ended_on = serializers.DateField(required=False, allow_null=True, default=None)
    reason = serializers.CharField()


class HypermaatwerkSerializer(serializers.Serializer):
    decided_on = serializers.DateField()
    justification = serializers.CharField()
    alternatives_tried = serializers.CharField()


class CrisisSerializer(serializers.Serializer):
    reported_at = serializers.DateTimeField()
    intervened_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    acuut_from = serializers.DateField()
    acuut_to = serializers.DateField()
    crisis_stay = serializers.BooleanField(required=False, default=False)
    spoedhulp = serializers.ChoiceField(choices=CrisisEpisode.Spoedhulp.choices,
                                        required=False, default="")
    summary = serializers.CharField(required=False, default="", allow_blank=True)


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
    evidence = serializers.CharField()


class SwitchDecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    decided_on = serializers.DateField()
    reason = serializers.CharField(required=False, default="", allow_blank=True)
    acuut_to = serializers.DateField(required=False, allow_null=True, default=None)


class RegieSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RegieRole.Kind.choices)
    phase = serializers.ChoiceField(choices=Case.Phase.choices)
    holder_name = serializers.CharField(max_length=200)
    organisation = serializers.CharField(max_length=200, required=False, default="")
    valid_from = serializers.DateField()


class OutflowSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    planned_outflow_on = serializers.DateField(allow_null=True)
    follow_up_place = serializers.CharField(required=False, default="", allow_blank=True)
    follow_up_arranged_on = serializers.DateField(required=False, allow_null=True, default=None)
    toekomstplan_on = serializers.DateField(required=False, allow_null=True, default=None)
    mdo_informed_on = serializers.DateField(required=False, allow_null=True, default=None)
    outflowed_on = serializers.DateField(required=False, allow_null=True, default=None)


class RegisterAgainSerializer(serializers.Serializer):
    registered_on = serializers.DateField()


class MeasurementSerializer(serializers.Serializer):
    moment = serializers.ChoiceField(choices=Measurement.Moment.choices)
    informant = serializers.ChoiceField(choices=Measurement.Informant.choices)
    measured_on = serializers.DateField()
    tevredenheid = serializers.IntegerField(required=False, allow_null=True, default=None)
    doelrealisatie = serializers.ChoiceField(choices=Measurement.Doelrealisatie.choices,
                                             required=False, default="")


def _current_placement(user, pk):
    placement = care.current_placement(_case(user, pk))
    if placement is None:
        raise Http404("This case has no current placement.")
    return placement


def _profile_of_hoofdaannemer(user, pk):
    """Seed 004: the hoofdaannemer asks a switch — its staff read the case (a current client)
    and must work for the hoofdaannemer of the current profile."""
    case = _case(user, pk, write=False)
    current = case.profiles.filter(valid_to=None).select_related("hoofdaannemer").first()
    if current is None:
        raise Http404("This case has no current support profile.")
    base.must_act_as_provider(user, current.hoofdaannemer)
    return current


def _open_switch(user, pk):
    switch = ProfileSwitchRequest.objects.filter(
        current__case=_case(user, pk), status=ProfileSwitchRequest.Status.REQUESTED).first()
    if switch is None:
        raise Http404("This case has no switch request waiting.")
    return switch


class _ByHoofdaannemer:
    """A provider's write: VIEW_YOUTH (its current clients), not casework."""

    perm = Perm.VIEW_YOUTH


PlacementView = _writer(PlacementSerializer, _on_case,
                        lambda u, case, d: care.place(u, case=case, **d))
MoveView = _writer(MoveSerializer, _on_case, lambda u, case, d: care.move(u, case=case, **d))
PlacementEndView = _writer(EndSerializer, _current_placement,
                           lambda u, placement, d: care.end_placement(u, placement=placement,
                                                                      **d))
OneOnOneView = _writer(OneOnOneSerializer, _current_placement,
                       lambda u, placement, d: care.add_one_on_one(u, placement=placement, **d))
HypermaatwerkView = _writer(HypermaatwerkSerializer, _on_case,
                            lambda u, case, d: care.record_hypermaatwerk(u, case=case, **d))
CrisisView = _writer(CrisisSerializer, _on_case,
                     lambda u, case, d: care.record_crisis(u, case=case, **d))
ProfileView = _writer(ProfileSerializer, _on_case,
                      lambda u, case, d: profile.assign_profile(u, case=case, **d))
SwitchRequestView = type("SwitchRequestView", (_ByHoofdaannemer, _writer(
    SwitchRequestSerializer, _profile_of_hoofdaannemer,
    lambda u, current, d: profile.request_switch(u, current=current, **d))), {})
SwitchDecisionView = _writer(SwitchDecisionSerializer, _open_switch,
                             lambda u, switch, d: profile.decide_switch(u, switch=switch, **d))
RegieView = _writer(RegieSerializer, _on_case,
                    lambda u, case, d: cases.assign_regie(u, case=case, **d))
OutflowView = _writer(OutflowSerializer, _on_case,
                      lambda u, case, d: outflow.plan_outflow(u, case=case, **d))
RegisterAgainView = _writer(RegisterAgainSerializer, _on_case,
                            lambda u, case, d: outflow.register_without_follow_up(
                                u, case=case, **d))
MeasurementView = _writer(MeasurementSerializer, _on_case,
                          lambda u, case, d: outflow.record_measurement(u, case=case, **d))

urlpatterns = [
    path(f"cases/<int:pk>/{route}/", view.as_view(), name=f"api-pathways-{name}")
    for route, view, name in [
        ("placements", PlacementView, "placement"),
        ("moves", MoveView, "move"),
        ("placement-end", PlacementEndView, "placement-end"),
        ("one-on-one", OneOnOneView, "one-on-one"),
        ("hypermaatwerk", HypermaatwerkView, "hypermaatwerk"),
        ("crises", CrisisView, "crisis"),
        ("profiles", ProfileView, "profile"),
        ("profile-switch", SwitchRequestView, "profile-switch"),
        ("profile-switch/decision", SwitchDecisionView, "profile-switch-decision"),
        ("regie", RegieView, "regie"),
        ("outflow", OutflowView, "outflow"),
        ("outflow/registration", RegisterAgainView, "outflow-registration"),
        ("measurements", MeasurementView, "measurement"),
    ]
]
