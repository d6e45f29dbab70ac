"""iJw API: the same traffic, timeline and figures as the pages, with the same policy checks.

Messages are scoped by selectors.messages_visible_to; opening one is logged like the page, a
raw download is logged as an export, a client timeline goes through policy.read_youth.
"""

from django.http import Http404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import parsers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import APIView

from openjeugd.accounts import audit, policy
from openjeugd.accounts.drf import PolicyPermission
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.core.pagination import Newest
from openjeugd.ijw import clock, selectors, uploads
from openjeugd.ijw.codec import codes
from openjeugd.ijw.forms import MessageFilterForm, upload_max_bytes
from openjeugd.ijw.models import (
    Finding,
    Message,
    Prestatie,
    Start,
    Stop,
    Toewijzing,
    ToewijzingVersion,
    Verzoek,
)
from openjeugd.ijw.views.traffic import raw_response
from openjeugd.ijw.views.upload import deliver_for


class RawBytesParser(parsers.BaseParser):
    """A message posted as the body itself: XML, or a zip of messages."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None):
        return stream.read(upload_max_bytes() + 1) if stream is not None else b""


# --- serializers ------------------------------------------------------------------------------

class FindingSerializer(serializers.ModelSerializer):
    meaning = serializers.SerializerMethodField()
    explanation = serializers.SerializerMethodField()

    class Meta:
        model = Finding
        fields = ["level", "ref", "retourcode", "meaning", "explanation", "rule", "text"]

    def to_representation(self, finding):
        data = super().to_representation(finding)
        if not self.context.get("show_refs", False) and data["ref"] != "header":
            data["ref"] = ""  # references name clients (BSN): only with youth access
        return data

    def get_meaning(self, finding) -> str:
        return codes.retourcode_meaning(finding.retourcode)

    def get_explanation(self, finding) -> str:
        return str(codes.retourcode_explanation(finding.retourcode))


class MessageSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    provider = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)
    deadline = serializers.SerializerMethodField(
        help_text="met, late, overdue (open past due), open, or empty without a deadline")
    findings = FindingSerializer(many=True, read_only=True)
    replies = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Message
        fields = ["id", "direction", "code", "name", "afzender", "ontvanger", "identificatie",
                  "dagtekening", "received_at", "processed_at", "status", "municipality",
                  "provider", "youth", "in_reply_to", "replies", "answer_due", "answered_at",
                  "deadline", "findings"]

    def get_name(self, message) -> str:
        return selectors.message_name(message.code)

    def get_deadline(self, message) -> str:
        return selectors.deadline_state(message, clock.today())


class UploadResultSerializer(serializers.Serializer):
    name = serializers.CharField()
    status = serializers.CharField()
    duplicate = serializers.BooleanField()
    refused = serializers.CharField()
    notes = serializers.ListField(child=serializers.CharField())
    message = serializers.SerializerMethodField()
    reply = serializers.SerializerMethodField()

    def get_message(self, result) -> dict | None:
        return MessageSerializer(result.outcome.message).data if result.outcome else None

    def get_reply(self, result) -> int | None:
        reply = result.outcome.reply if result.outcome else None
        return reply.pk if reply else None


_FILTERS = [
    OpenApiParameter("direction", str, enum=["in", "out"]),
    OpenApiParameter("code", str, description="Message code, e.g. JW305"),
    OpenApiParameter("status", str, enum=list(Message.Status.values)),
    OpenApiParameter("received_from", OpenApiTypes.DATE),
    OpenApiParameter("received_to", OpenApiTypes.DATE),
    OpenApiParameter("overdue", bool, description="Only answers past their deadline"),
]


class MessageViewSet(viewsets.ReadOnlyModelViewSet):
    """iJw messages in your scope, with their return codes inline."""

    serializer_class = MessageSerializer
    permission_classes = [PolicyPermission]
    # Newest first by position: the list does not count or skip over the history.
    pagination_class = Newest
    perm = Perm.VIEW_MESSAGES
    # Uploading is checked per message by the policy (sender_refusal): people and the
    # region's message channel both come in here.
    action_perms = {"upload": (Perm.EXCHANGE_MESSAGES, Perm.DELIVER_CHANNEL)}
    lookup_value_regex = r"\d+"

    def get_serializer_context(self):
        return {**super().get_serializer_context(),
                "show_refs": policy.has_perm(self.request.user, Perm.VIEW_YOUTH)}

    def get_queryset(self):
        params = self.request.query_params
        form = MessageFilterForm(params)
        if params and not form.is_valid():
            raise ValidationError(form.errors.get_json_data())
        direction = params.get("direction", "")
        if direction not in ("", *Message.Direction.values):
            raise ValidationError({"direction": ["in or out"]})
        return (selectors.message_list(self.request.user, direction=direction, **form.filters())
                .prefetch_related("findings", "replies"))

    @extend_schema(parameters=_FILTERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        message = self.get_object()
        audit.record_object(request.user, "read", message,
                            purpose=Purpose.MESSAGE_DETAIL_API, request=request)
        return Response(self.get_serializer(message).data)

    @extend_schema(responses={(200, "application/xml"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def raw(self, request, pk=None):
        """The message exactly as received; logged as an export of personal data. Only for a
        party to the message with access to its client; anyone else gets 404."""
        message = selectors.message_detail(request.user, pk)
        if message is None or not selectors.message_content_visible(request.user, message):
            raise Http404
        audit.record_object(request.user, "export", message,
                            purpose=Purpose.MESSAGE_RAW_API, request=request)
        return raw_response(message)

    @extend_schema(
        request={"multipart/form-data": inline_serializer(
                     "MessageUpload", {"file": serializers.FileField()}),
                 "application/xml": OpenApiTypes.BINARY, "application/zip": OpenApiTypes.BINARY},
        responses={200: UploadResultSerializer(many=True)})
    @action(detail=False, methods=["post"],
            parser_classes=[parsers.MultiPartParser, RawBytesParser])
    def upload(self, request):
        """Deliver one message (the XML as body), or a zip of them, or a multipart `file`."""
        name, data = _posted_file(request)
        if len(data) > upload_max_bytes():
            raise ValidationError({"file": [f"At most {upload_max_bytes()} bytes."]})
        try:
            entries = uploads.unpack(name, data, max_total=upload_max_bytes() * 5)
        except uploads.BundleError as error:
            raise ValidationError({"file": [str(error)]}) from error
        if not entries:
            raise ValidationError({"file": ["No .xml messages in the file."]})
        results = deliver_for(request.user, entries, via="api")
        return Response(UploadResultSerializer(results, many=True).data,
                        status=status.HTTP_200_OK)


def _posted_file(request) -> tuple[str, bytes]:
    if isinstance(request.data, bytes | bytearray):
        is_zip = "zip" in (request.content_type or "")
        return ("upload.zip" if is_zip else "upload.xml"), bytes(request.data)
    upload = request.FILES.get("file")
    if upload is None:
        raise ValidationError({"file": ["Post the message as the body or as a file field."]})
    return upload.name, upload.read(upload_max_bytes() + 1)


# --- client timeline --------------------------------------------------------------------------

def _model_serializer(model, fields, **declared):
    meta = type("Meta", (), {"model": model, "fields": fields})
    return type(f"{model.__name__}TimelineSerializer", (serializers.ModelSerializer,),
                {"Meta": meta, **declared})


_AGB = {"provider": serializers.SlugRelatedField(slug_field="agb_code", read_only=True)}
VerzoekSerializer = _model_serializer(
    Verzoek, ["id", "kind", "provider", "referentie_aanbieder", "products", "state",
              "reden_afwijzing", "answer_due", "answered_at", "message"], **_AGB)
VersionSerializer = _model_serializer(
    ToewijzingVersion, ["ingangsdatum", "einddatum", "reden_wijziging", "volume", "eenheid",
                        "frequentie", "budget", "message"])
ToewijzingSerializer = _model_serializer(
    Toewijzing, ["id", "toewijzing_nummer", "provider", "product_categorie", "product_code",
                 "ingangsdatum", "einddatum", "volume", "eenheid", "frequentie", "budget",
                 "reden_wijziging", "message", "versions"],
    versions=VersionSerializer(many=True, read_only=True), **_AGB)
StartSerializer = _model_serializer(
    Start, ["id", "provider", "toewijzing", "product_categorie", "product_code", "begindatum",
            "message", "deleted_by"], **_AGB)


class StopTimelineSerializer(serializers.ModelSerializer):
    provider = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)
    reden_beeindiging_meaning = serializers.SerializerMethodField()

    class Meta:
        model = Stop
        fields = ["id", "provider", "toewijzing", "product_categorie", "product_code",
                  "begindatum", "einddatum", "reden_beeindiging", "reden_beeindiging_meaning",
                  "message", "deleted_by"]

    def get_reden_beeindiging_meaning(self, stop) -> str:
        return selectors.reden_beeindiging_meaning(stop.reden_beeindiging)


PrestatieSerializer = _model_serializer(
    Prestatie, ["id", "declaratie", "toewijzing", "product_referentie", "product_categorie",
                "product_code", "begindatum", "einddatum", "volume", "eenheid", "tarief",
                "ingediend", "toegekend", "retourcodes", "message"],
    message=serializers.IntegerField(source="declaratie.message_id", read_only=True))


class TimelineSerializer(serializers.Serializer):
    youth = serializers.IntegerField()
    verzoeken = VerzoekSerializer(many=True)
    toewijzingen = ToewijzingSerializer(many=True)
    starts = StartSerializer(many=True)
    stops = StopTimelineSerializer(many=True)
    prestaties = PrestatieSerializer(many=True)


class YouthTimelineView(APIView):
    """What the messages say about one youth (within your scope); logged as a read."""

    permission_classes = [PolicyPermission]
    perm = Perm.VIEW_YOUTH

    @extend_schema(responses=TimelineSerializer)
    def get(self, request, pk):
        youth = policy.read_youth(request.user, pk, purpose=Purpose.CLIENT_TIMELINE_API,
                                  request=request)
        timeline = selectors.youth_timeline(request.user, youth)
        return Response(TimelineSerializer({"youth": youth.pk, **vars(timeline)}).data)


router = DefaultRouter()
router.register("messages", MessageViewSet, basename="api-ijw-message")
urlpatterns = [
    *router.urls,
    path("youths/<int:pk>/timeline/", YouthTimelineView.as_view(), name="api-ijw-timeline"),
]
