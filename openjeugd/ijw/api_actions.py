"""API for the actions that produce messages (see services.actions). Bad input → 400 naming
the field; another organisation's object → 404, sending as someone else → 403; the answer is
the archived message and its outcome."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from openjeugd.accounts import policy
from openjeugd.accounts.drf import PolicyPermission
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw.codec import codes
from openjeugd.ijw.models import Start, Toewijzing, Verzoek
from openjeugd.ijw.services import actions
from openjeugd.registry.models import Municipality, Provider

CODE2 = {"max_length": 2}


def outcome(message) -> dict:
    return {
        "id": message.pk, "code": message.code, "identificatie": message.identificatie,
        "status": message.status,
        "findings": [{"level": f.level, "ref": f.ref, "retourcode": f.retourcode,
                      "rule": f.rule, "text": f.text} for f in message.findings.all()],
        "download": reverse("ijw:message-raw", args=[message.pk]),
    }


class AssignSerializer(serializers.Serializer):
    youth = serializers.IntegerField()
    provider = serializers.SlugRelatedField(slug_field="agb_code",
                                            queryset=Provider.objects.all())
    categorie = serializers.CharField(**CODE2)
    code = serializers.CharField(max_length=5, required=False, default="")
    ingangsdatum = serializers.DateField()
    einddatum = serializers.DateField(required=False, allow_null=True, default=None)
    volume = serializers.IntegerField(required=False, allow_null=True, min_value=1, default=None)
    eenheid = serializers.CharField(required=False, default="", **CODE2)
    frequentie = serializers.CharField(required=False, default="", max_length=1)
    budget = serializers.DecimalField(max_digits=12, decimal_places=2, required=False,
                                      allow_null=True, default=None)
    referentie_aanbieder = serializers.CharField(required=False, default="", max_length=40)

    def validate(self, data):
        if data["einddatum"] and data["einddatum"] < data["ingangsdatum"]:
            raise serializers.ValidationError({"einddatum": "must not be before ingangsdatum"})
        return data


class ChangeSerializer(serializers.Serializer):
    einddatum = serializers.DateField()
    reden_wijziging = serializers.CharField(**CODE2)


class AnswerSerializer(serializers.Serializer):
    antwoord = serializers.ChoiceField(choices=["1", "2"])
    reden_afwijzing = serializers.CharField(required=False, default="", **CODE2)
    woonplaats_gemeente = serializers.CharField(required=False, default="", max_length=4)


class StartSerializer(serializers.Serializer):
    begindatum = serializers.DateField()


class StopSerializer(serializers.Serializer):
    einddatum = serializers.DateField()
    reden_beeindiging = serializers.CharField(**CODE2)


class LineSerializer(serializers.Serializer):
    toewijzing = serializers.IntegerField()
    referentie = serializers.CharField(max_length=20)
    volume = serializers.IntegerField(min_value=1)
    tarief = serializers.DecimalField(max_digits=12, decimal_places=2)


class DeclareSerializer(serializers.Serializer):
    municipality = serializers.SlugRelatedField(slug_field="code",
                                                queryset=Municipality.objects.all())
    begindatum = serializers.DateField()
    einddatum = serializers.DateField()
    lines = LineSerializer(many=True, allow_empty=False)


class TeWijzigenSerializer(serializers.Serializer):
    toewijzing_nummer = serializers.CharField(max_length=20)
    gewenste_ingangsdatum = serializers.DateField()
    einddatum = serializers.DateField(required=False, allow_null=True, default=None)
    volume = serializers.IntegerField(required=False, allow_null=True, min_value=1, default=None)
    eenheid = serializers.CharField(required=False, default="", **CODE2)
    frequentie = serializers.CharField(required=False, default="", max_length=1)
    budget = serializers.DecimalField(max_digits=12, decimal_places=2, required=False,
                                      allow_null=True, default=None)

    def validate(self, data):
        if data["einddatum"] and data["einddatum"] < data["gewenste_ingangsdatum"]:
            raise serializers.ValidationError(
                {"einddatum": "must not be before gewenste_ingangsdatum"})
        return data


class RequestChangeSerializer(serializers.Serializer):
    """JW317: TR349 wants every current toewijzing listed, the unchanged ones in ongewijzigd;
    one left out is answered with a JW318 (9349) on arrival."""

    youth = serializers.IntegerField()
    referentie_aanbieder = serializers.CharField(max_length=40)
    reden_verzoek = serializers.ChoiceField(choices=sorted(codes.code_list("WJ758")))
    te_wijzigen = TeWijzigenSerializer(many=True, allow_empty=False)
    ongewijzigd = serializers.ListField(child=serializers.CharField(max_length=20),
                                        required=False, default=list)


def _scoped(model, user, pk):
    """Objects of another organisation answer 404, as if they did not exist."""
    return get_object_or_404(policy.in_scope(model.objects.all(), user), pk=pk)


class _Action(APIView):
    serializer_class: type[serializers.Serializer]
    permission_classes = [PolicyPermission]
    perm = Perm.EXCHANGE_MESSAGES

    def post(self, request, pk=None):
        data = self.serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            message = self.act(request.user, pk, data.validated_data)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return Response(outcome(message), status=status.HTTP_201_CREATED)


class AssignView(_Action):
    serializer_class = AssignSerializer

    def act(self, user, pk, data):
        return actions.assign(user, youth_id=data.pop("youth"), **data)


class ChangeView(_Action):
    serializer_class = ChangeSerializer

    def act(self, user, pk, data):
        return actions.change(user, _scoped(Toewijzing, user, pk), **data)


class AnswerView(_Action):
    serializer_class = AnswerSerializer

    def act(self, user, pk, data):
        return actions.answer_verzoek(user, _scoped(Verzoek, user, pk), **data)


class StartView(_Action):
    serializer_class = StartSerializer

    def act(self, user, pk, data):
        return actions.report_start(user, _scoped(Toewijzing, user, pk), **data)


class StopView(_Action):
    serializer_class = StopSerializer

    def act(self, user, pk, data):
        return actions.report_stop(user, _scoped(Start, user, pk), **data)


class DeclareView(_Action):
    serializer_class = DeclareSerializer

    def act(self, user, pk, data):
        lines = [{**line, "toewijzing": _scoped(Toewijzing, user, line["toewijzing"])}
                 for line in data["lines"]]
        return actions.declare(user, municipality=data["municipality"], lines=lines,
                               period=(data["begindatum"], data["einddatum"]))


class RequestChangeView(_Action):
    serializer_class = RequestChangeSerializer

    def act(self, user, pk, data):
        youth = policy.read_youth(user, data.pop("youth"), purpose=Purpose.MESSAGE_SEND)
        return actions.request_change(user, youth=youth, municipality=youth.municipality,
                                      **data)


urlpatterns = [
    path("toewijzingen/", AssignView.as_view(), name="api-ijw-assign"),
    path("toewijzingen/<int:pk>/change/", ChangeView.as_view(), name="api-ijw-change"),
    path("toewijzingen/<int:pk>/start/", StartView.as_view(), name="api-ijw-start"),
    path("starts/<int:pk>/stop/", StopView.as_view(), name="api-ijw-stop"),
    path("verzoeken/<int:pk>/answer/", AnswerView.as_view(), name="api-ijw-answer"),
    path("declaraties/", DeclareView.as_view(), name="api-ijw-declare"),
    path("verzoeken-wijziging/", RequestChangeView.as_view(), name="api-ijw-request-change"),
]
