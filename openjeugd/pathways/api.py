"""REST API of the care pathway: the same reads and writes as the screens of steps 1–5 and the
work list. Bad input → 400 naming the field and the rule; a case outside the user's scope →
404; an edit of a version someone else saved since → 409."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from openjeugd.accounts import policy
from openjeugd.accounts.drf import PolicyPermission
from openjeugd.accounts.models import User
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw.services import actions
from openjeugd.pathways import framework, selectors
from openjeugd.pathways.models import (
    LIFE_DOMAINS,
    BrigadeDeployment,
    Case,
    ExpertTeamRegistration,
    Participant,
    Referral,
    RegistrationDocument,
    RequestForHelp,
    RequestOutcome,
)
from openjeugd.pathways.services import base, care, cases, expert_team
from openjeugd.registry.models import Provider

PURPOSE = Purpose.CASEWORK_API


# --- serializers -------------------------------------------------------------------------------

class CaseSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code", read_only=True)

    class Meta:
        model = Case
        fields = ["id", "youth", "municipality", "phase", "opened_on", "closed_on",
                  "responsible", "version"]


class CaseDetailSerializer(CaseSerializer):
    timeline = serializers.SerializerMethodField()
    requests = serializers.SerializerMethodField()
    referrals = serializers.SerializerMethodField()
    registrations = serializers.SerializerMethodField()
    brigade_deployments = serializers.SerializerMethodField()
    beschikkingen = serializers.SerializerMethodField()

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "timeline", "requests", "referrals",
                  "registrations", "brigade_deployments", "beschikkingen", "care"]

    care = serializers.SerializerMethodField()

    def get_care(self, case) -> dict:
        """Steps 6–11 as plain facts (written through api_care)."""
        outflow = getattr(case, "outflow", None)  # no plan yet: RelatedObjectDoesNotExist
        return {
            "placements": list(case.placements.values(
                "id", "facility_id", "started_on", "planned_end_on", "ended_on")),
            "moves": list(case.moves.values("moved_on", "voluntary", "reason")),
            "crises": list(case.crises.values("reported_at", "intervened_at", "acuut_from",
                                              "acuut_to", "spoedhulp")),
            "profiles": list(case.profiles.values("id", "profile", "intensity",
                                                  "hoofdaannemer__agb_code", "valid_from",
                                                  "valid_to")),
            "regie": list(case.regie_roles.values("kind", "phase", "holder_name", "valid_from",
                                                  "valid_to")),
            "outflow": None if outflow is None else {
                "version": outflow.version, "planned_outflow_on": outflow.planned_outflow_on,
                "follow_up_place": outflow.follow_up_place,
                "follow_up_arranged_on": outflow.follow_up_arranged_on,
                "toekomstplan_on": outflow.toekomstplan_on},
            "measurements": list(case.measurements.values("moment", "informant", "measured_on",
                                                          "tevredenheid", "doelrealisatie")),
        }

    def get_timeline(self, case) -> list[dict]:
        return [{"at": e.at, "kind": e.kind, "text": e.text} for e in case.events.all()]

    def get_requests(self, case) -> list[dict]:
        return [{"id": r.pk, "channel": r.channel, "received_on": r.received_on,
                 "urgency": r.urgency, "speed": r.speed, "triaged_on": r.triaged_on,
                 "assigned_to": r.assigned_to_id, "version": r.version,
                 "outcomes": [o.outcome for o in r.outcomes.all()],
                 **{name: getattr(r, name) for name in LIFE_DOMAINS}}
                for r in case.requests.all()]

    def get_referrals(self, case) -> list[dict]:
        return list(case.referrals.values("id", "referrer_code", "referrer_name",
                                          "referred_on", "target", "product_categorie",
                                          "product_code"))

    def get_registrations(self, case) -> list[dict]:
        return list(case.registrations.values("id", "registered_on", "status", "decided_on",
                                              "task_areas", "decision", "decided_by_referrer",
                                              "version"))

    def get_brigade_deployments(self, case) -> list[dict]:
        return list(case.brigade_deployments.values("id", "direct", "deployed_on",
                                                    "available_by", "advice",
                                                    "working_hypothesis", "ended_on"))

    def get_beschikkingen(self, case) -> list[dict]:
        return list(case.beschikkingen.values("id", "decided_on", "provider__agb_code",
                                              "product_categorie", "product_code",
                                              "ingangsdatum", "einddatum", "message_id"))


class OpenCaseSerializer(serializers.Serializer):
    youth = serializers.IntegerField(required=False, allow_null=True, default=None)
    bsn = serializers.CharField(max_length=9, required=False, default="")
    birth_date = serializers.DateField(required=False, allow_null=True, default=None)
    initials = serializers.CharField(max_length=10, required=False, default="")
    surname = serializers.CharField(max_length=200, required=False, default="")
    opened_on = serializers.DateField()


class UpdateCaseSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    responsible = serializers.PrimaryKeyRelatedField(queryset=User.objects.all(),
                                                     required=False, allow_null=True,
                                                     default=None)
    phase = serializers.ChoiceField(choices=Case.Phase.choices, required=False, default=None)
    closed_on = serializers.DateField(required=False, allow_null=True, default=None)


class RequestSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=RequestForHelp.Channel.choices)
    received_on = serializers.DateField()
    question = serializers.CharField(required=False, default="", allow_blank=True)
    domains = serializers.DictField(child=serializers.CharField(allow_blank=True),
                                    required=False, default=dict)


class TriageSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    urgency = serializers.ChoiceField(choices=RequestForHelp.Urgency.choices)
    speed = serializers.ChoiceField(choices=RequestForHelp.Speed.choices)
    assigned_to = serializers.PrimaryKeyRelatedField(queryset=User.objects.all())
    triaged_on = serializers.DateField()
    outcomes = serializers.ListField(
        child=serializers.ChoiceField(choices=RequestOutcome.Outcome.choices), allow_empty=False)


class ReferralSerializer(serializers.Serializer):
    referrer_code = serializers.CharField(max_length=2)
    referrer_name = serializers.CharField(max_length=200)
    referred_on = serializers.DateField()
    target = serializers.ChoiceField(choices=Referral.Target.choices)
    product_categorie = serializers.CharField(max_length=2, required=False, default="")
    product_code = serializers.CharField(max_length=5, required=False, default="")
    reason = serializers.CharField(required=False, default="", allow_blank=True)


class DocumentSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RegistrationDocument.Kind.choices)
    dated = serializers.DateField()
    author = serializers.CharField(max_length=200)
    goal = serializers.CharField(required=False, default="", allow_blank=True)


class RegistrationSerializer(serializers.Serializer):
    registered_on = serializers.DateField()


class DecisionSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    decided_on = serializers.DateField()
    framework = serializers.DictField(child=serializers.ChoiceField(choices=framework.ANSWERS))
    task_areas = serializers.ListField(
        child=serializers.ChoiceField(choices=Participant.TaskArea.choices), allow_empty=False)
    decision = serializers.CharField()


class ParticipantSerializer(serializers.Serializer):
    task_area = serializers.ChoiceField(choices=Participant.TaskArea.choices)
    name = serializers.CharField(max_length=200)
    organisation = serializers.CharField(max_length=200, required=False, default="")


class ConsensusSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    chair_name = serializers.CharField(max_length=200)
    chair_independent = serializers.BooleanField()
    consensus = serializers.BooleanField()
    outcome = serializers.CharField()
    referrer_decision = serializers.CharField(required=False, default="", allow_blank=True)


class EscalationSerializer(serializers.Serializer):
    started_on = serializers.DateField()


class BrigadeSerializer(serializers.Serializer):
    deployed_on = serializers.DateField()
    question = serializers.CharField()


class BrigadeWorkSerializer(serializers.Serializer):
    started_on = serializers.DateField(required=False, allow_null=True, default=None)
    advice = serializers.CharField(required=False, default="", allow_blank=True)
    working_hypothesis = serializers.CharField(required=False, default="", allow_blank=True)
    ended_on = serializers.DateField(required=False, allow_null=True, default=None)


class BeschikkingSerializer(serializers.Serializer):
    provider = serializers.SlugRelatedField(slug_field="agb_code",
                                            queryset=Provider.objects.all())
    categorie = serializers.CharField(max_length=2)
    code = serializers.CharField(max_length=5, required=False, default="")
    ingangsdatum = serializers.DateField()
    einddatum = serializers.DateField(required=False, allow_null=True, default=None)
    volume = serializers.IntegerField(required=False, allow_null=True, min_value=1, default=None)
    eenheid = serializers.CharField(max_length=2, required=False, default="")
    frequentie = serializers.CharField(max_length=1, required=False, default="")


class WorkItemSerializer(serializers.Serializer):
    case = serializers.IntegerField(source="case.pk")
    kind = serializers.CharField()
    label = serializers.CharField()
    due = serializers.DateField()
    overdue = serializers.BooleanField()
    detail = serializers.CharField()


# --- views -------------------------------------------------------------------------------------

class Conflict409(serializers.ValidationError):
    status_code = status.HTTP_409_CONFLICT


def _case(user, pk, *, write=True):
    return base.case_for(user, pk, purpose=PURPOSE, write=write)


def _part(user, model, pk):
    case_id = model.objects.filter(pk=pk).values_list("case_id", flat=True).first()
    case = _case(user, case_id if case_id is not None else "-")
    return model.objects.get(pk=pk, case=case)


class _Write(APIView):
    """POST a serializer's data to one service; the created/updated object's id answers. The
    object in the URL is looked up first: out of scope answers 404 whatever the body."""

    permission_classes = [PolicyPermission]
    perm = Perm.WORK_CASES
    serializer_class: type[serializers.Serializer]
    answer = status.HTTP_201_CREATED

    def post(self, request, pk=None):
        return self._write(request, pk)

    def find(self, user, pk):
        return None

    def _write(self, request, pk):
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
                        status=self.answer)


class CaseListView(_Write):
    read_perm = Perm.WORK_CASES
    serializer_class = OpenCaseSerializer

    @extend_schema(responses=CaseSerializer(many=True))
    def get(self, request):
        found = list(selectors.case_list(request.user)[:500])
        policy.log_youth_list(request.user, [c.youth for c in found], purpose=PURPOSE,
                              request=request)
        return Response(CaseSerializer(found, many=True).data)

    @extend_schema(request=OpenCaseSerializer, responses={201: None})
    def post(self, request, pk=None):
        return self._write(request, pk)

    def act(self, user, target, data):
        youth = data.pop("youth")
        opened_on = data.pop("opened_on")
        new_youth = None if youth else {key: value for key, value in data.items() if value}
        return cases.open_case(user, opened_on=opened_on, youth_id=youth, new_youth=new_youth)


class CaseDetailView(_Write):
    http_method_names = ["get", "patch", "head", "options"]  # only PATCH changes a case
    read_perm = Perm.VIEW_YOUTH
    write_perm = Perm.WORK_CASES
    serializer_class = UpdateCaseSerializer
    answer = status.HTTP_200_OK

    @extend_schema(responses=CaseDetailSerializer)
    def get(self, request, pk):
        return Response(CaseDetailSerializer(_case(request.user, pk, write=False)).data)

    @extend_schema(request=UpdateCaseSerializer, responses={200: None})
    def patch(self, request, pk):
        return self._write(request, pk)

    def find(self, user, pk):
        return _case(user, pk)

    def act(self, user, target, data):
        return cases.update_case(user, case=target, **data)


def _on_case(user, pk):
    return _case(user, pk)


def _on(model):
    return lambda user, pk: _part(user, model, pk)


def _writer(serializer, find, act):
    """An APIView class for one write: find(user, pk) → target; act(user, target, data)."""
    return type(f"{serializer.__name__.removesuffix('Serializer')}View", (_Write,), {
        "serializer_class": serializer,
        "find": lambda self, user, pk: find(user, pk),
        "act": lambda self, user, target, data: act(user, target, data),
        "post": extend_schema(request=serializer, responses={201: None})(_Write.post),
    })


RequestView = _writer(RequestSerializer, _on_case, lambda u, case, d: cases.record_request(
    u, case=case, **d))
TriageView = _writer(TriageSerializer, _on(RequestForHelp), lambda u, item, d: cases.triage(
    u, item=item, **d))
ReferralView = _writer(ReferralSerializer, _on_case, lambda u, case, d: cases.refer(
    u, case=case, **d))
DocumentView = _writer(DocumentSerializer, _on_case, lambda u, case, d: expert_team.add_document(
    u, case=case, **d))
RegistrationView = _writer(RegistrationSerializer, _on_case,
                           lambda u, case, d: expert_team.register(u, case=case, **d))
ParticipantView = _writer(ParticipantSerializer, _on(ExpertTeamRegistration),
                          lambda u, reg, d: expert_team.add_participant(u, registration=reg, **d))
DecisionView = _writer(DecisionSerializer, _on(ExpertTeamRegistration),
                       lambda u, reg, d: expert_team.decide(u, registration=reg, **d))
ConsensusView = _writer(ConsensusSerializer, _on(ExpertTeamRegistration),
                        lambda u, reg, d: expert_team.hold_consensus_meeting(
                            u, registration=reg, **d))
EscalationView = _writer(EscalationSerializer, _on(ExpertTeamRegistration),
                         lambda u, reg, d: expert_team.escalate(u, registration=reg, **d))
BrigadeView = _writer(BrigadeSerializer, _on_case, lambda u, case, d: care.deploy_brigade(
    u, case=case, **d))
BrigadeWorkView = _writer(BrigadeWorkSerializer, _on(BrigadeDeployment),
                          lambda u, deployment, d: care.record_brigade_work(
                              u, deployment=deployment, **d))


def _case_to_assign(user, pk):
    """Step 5 sends a JW301 through ijw: its permission first, then the case, then whether
    the user sends for the case's municipality (ijw's sender rule)."""
    policy.require(user, Perm.EXCHANGE_MESSAGES)
    case = _case(user, pk)
    actions.require_municipality_sender(user, case.municipality)
    return case


BeschikkingView = _writer(BeschikkingSerializer, _case_to_assign,
                          lambda u, case, d: care.decide_and_assign(u, case=case, **d))


class WorkListView(APIView):
    permission_classes = [PolicyPermission]
    perm = Perm.WORK_CASES

    @extend_schema(responses=WorkItemSerializer(many=True))
    def get(self, request):
        items = selectors.work_list(request.user)
        policy.log_youth_list(request.user, list({i.case.youth for i in items}),
                              purpose=PURPOSE, request=request)
        return Response(WorkItemSerializer(items, many=True).data)


urlpatterns = [
    path("work-list/", WorkListView.as_view(), name="api-pathways-work-list"),
    path("cases/", CaseListView.as_view(), name="api-pathways-cases"),
    path("cases/<int:pk>/", CaseDetailView.as_view(), name="api-pathways-case"),
    path("cases/<int:pk>/requests/", RequestView.as_view(), name="api-pathways-request"),
    path("cases/<int:pk>/referrals/", ReferralView.as_view(), name="api-pathways-referral"),
    path("cases/<int:pk>/documents/", DocumentView.as_view(), name="api-pathways-document"),
    path("cases/<int:pk>/registrations/", RegistrationView.as_view(),
         name="api-pathways-registration"),
    path("cases/<int:pk>/brigade/", BrigadeView.as_view(), name="api-pathways-brigade"),
    path("cases/<int:pk>/beschikkingen/", BeschikkingView.as_view(),
         name="api-pathways-beschikking"),
    path("requests/<int:pk>/triage/", TriageView.as_view(), name="api-pathways-triage"),
    path("registrations/<int:pk>/participants/", ParticipantView.as_view(),
         name="api-pathways-participant"),
    path("registrations/<int:pk>/decision/", DecisionView.as_view(),
         name="api-pathways-decision"),
    path("registrations/<int:pk>/consensus/", ConsensusView.as_view(),
         name="api-pathways-consensus"),
    path("registrations/<int:pk>/escalations/", EscalationView.as_view(),
         name="api-pathways-escalation"),
    path("deployments/<int:pk>/", BrigadeWorkView.as_view(), name="api-pathways-deployment"),
]
