"""The KPI/KRI screens through the API (/api/monitoring/kpi/): the same selectors for reads,
the same forms and services for writes, so a refusal names the same field and rule as on
screen. Values are strings with two decimals (a JSON number would pass through a float)."""

from django.core.exceptions import ValidationError
from django.urls import path
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from openjeugd.accounts.drf import PolicyPermission
from openjeugd.accounts.policy import Perm
from openjeugd.core.forms import add_service_errors
from openjeugd.monitoring import selectors_kpi as selectors
from openjeugd.monitoring import services
from openjeugd.monitoring.forms_kpi import (
    GoalForm,
    IndicatorForm,
    LinkForm,
    NarrativeForm,
    PeriodChoiceForm,
    TargetForm,
)
from openjeugd.monitoring.views_kpi import default_period

PERIOD = OpenApiParameter("periode", OpenApiTypes.STR, description=(
    "A month (2026-03), a quarter (2026-Q1) or a half year (2026-H1); default: the last "
    "complete quarter."))


def _body(form_class, name: str):
    fields = {}
    for field_name, field in form_class.base_fields.items():
        # Task areas, goals and parent indicators by id; municipalities by gemeentecode.
        by_id = (field.__class__.__name__ == "ModelChoiceField"
                 and getattr(field, "to_field_name", None) is None)
        kind = serializers.IntegerField if by_id else serializers.CharField
        fields[field_name] = kind(required=field.required)
    return inline_serializer(name, fields)


def _write(form, write, render, *, created=True):
    """Validate the form, call the service; a refusal lands on the field it names (400)."""
    if form.is_valid():
        try:
            obj = write(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return Response(render(obj), status=status.HTTP_201_CREATED if created else 200)
    return Response(form.errors.get_json_data(), status=status.HTTP_400_BAD_REQUEST)


class KpiAPIView(APIView):
    permission_classes = [PolicyPermission]
    read_perm = Perm.VIEW_REGION_FIGURES
    write_perm = Perm.MANAGE_MONITORING


class IndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    level = serializers.CharField()
    figure = serializers.CharField()
    unit = serializers.CharField()
    direction = serializers.CharField()
    task_area = serializers.IntegerField(source="task_area_id", allow_null=True)
    municipality = serializers.CharField(source="municipality.code", allow_null=True,
                                         default=None)
    description = serializers.CharField()


class TargetSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    indicator = serializers.IntegerField(source="indicator_id")
    period = serializers.CharField()
    target = serializers.DecimalField(max_digits=14, decimal_places=2)
    signal = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    source = serializers.CharField()


class NarrativeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    indicator = serializers.IntegerField(source="indicator_id")
    period = serializers.CharField()
    municipality = serializers.CharField(source="municipality.code", allow_null=True,
                                         default=None)
    text = serializers.CharField()
    author = serializers.CharField()
    written_at = serializers.DateTimeField()


class GoalSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    description = serializers.CharField()


class LinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    indicator = serializers.IntegerField(source="indicator_id")
    parent = serializers.IntegerField(source="parent_id", allow_null=True)
    goal = serializers.IntegerField(source="goal_id", allow_null=True)


def _data(serializer_class, obj):
    return serializer_class(obj).data


class Indicators(KpiAPIView):
    @extend_schema(responses=IndicatorSerializer(many=True))
    def get(self, request):
        return Response(IndicatorSerializer(selectors.indicators_of(request.user),
                                            many=True).data)

    @extend_schema(request=_body(IndicatorForm, "IndicatorBody"),
                   responses={201: IndicatorSerializer})
    def post(self, request):
        region = request.user.region
        form = IndicatorForm(request.data, region=region)
        return _write(form, lambda data: services.create_indicator(
            user=request.user, region=region, **data),
            lambda obj: _data(IndicatorSerializer, obj))


class IndicatorDetail(KpiAPIView):
    @extend_schema(responses=IndicatorSerializer)
    def get(self, request, pk):
        return Response(_data(IndicatorSerializer, selectors.indicator_for(request.user, pk)))

    @extend_schema(request=_body(IndicatorForm, "IndicatorPatch"),
                   responses=IndicatorSerializer)
    def patch(self, request, pk):
        indicator = selectors.indicator_for(request.user, pk)
        current = {"code": indicator.code, "name": indicator.name, "kind": indicator.kind,
                   "level": indicator.level, "figure": indicator.figure,
                   "direction": indicator.direction, "task_area": indicator.task_area_id,
                   "municipality": (indicator.municipality.code
                                    if indicator.municipality_id else None),
                   "description": indicator.description}
        form = IndicatorForm({**current, **dict(request.data.items())}, region=indicator.region)
        return _write(form, lambda data: services.update_indicator(
            user=request.user, indicator=indicator, **data),
            lambda obj: _data(IndicatorSerializer, obj), created=False)


class Targets(KpiAPIView):
    @extend_schema(responses=TargetSerializer(many=True))
    def get(self, request, pk):
        indicator = selectors.indicator_for(request.user, pk)
        return Response(TargetSerializer(selectors.targets_of(indicator), many=True).data)

    @extend_schema(request=_body(TargetForm, "TargetBody"), responses={201: TargetSerializer})
    def post(self, request, pk):
        indicator = selectors.indicator_for(request.user, pk)
        return _write(TargetForm(request.data), lambda data: services.set_target(
            user=request.user, indicator=indicator, **data),
            lambda obj: _data(TargetSerializer, obj))


class Narratives(KpiAPIView):
    @extend_schema(responses=NarrativeSerializer(many=True))
    def get(self, request, pk):
        indicator = selectors.indicator_for(request.user, pk)
        return Response(NarrativeSerializer(
            selectors.narratives_of(request.user, indicator=indicator), many=True).data)

    @extend_schema(request=_body(NarrativeForm, "NarrativeBody"),
                   responses={201: NarrativeSerializer})
    def post(self, request, pk):
        indicator = selectors.indicator_for(request.user, pk)
        form = NarrativeForm(request.data, region=indicator.region)
        return _write(form, lambda data: services.add_narrative(
            user=request.user, indicator=indicator, **data),
            lambda obj: _data(NarrativeSerializer, obj))


class Status(KpiAPIView):
    """Each indicator's value, target, status and trend for the period, with its narratives."""

    @extend_schema(parameters=[PERIOD], responses=OpenApiTypes.OBJECT)
    def get(self, request):
        form = PeriodChoiceForm({"periode": request.query_params.get(
            "periode", default_period(timezone.localdate()))})
        if not form.is_valid():
            return Response(form.errors.get_json_data(), status=status.HTTP_400_BAD_REQUEST)
        period = form.cleaned_data["periode"]
        found = selectors.evaluate(request.user, period, today=timezone.localdate())
        return Response({"period": period, "indicators": [e.as_dict() for e in found]})


class Goals(KpiAPIView):
    @extend_schema(responses=GoalSerializer(many=True))
    def get(self, request):
        return Response(GoalSerializer(selectors.goals_of(request.user), many=True).data)

    @extend_schema(request=_body(GoalForm, "GoalBody"), responses={201: GoalSerializer})
    def post(self, request):
        return _write(GoalForm(request.data), lambda data: services.create_goal(
            user=request.user, region=request.user.region, **data),
            lambda obj: _data(GoalSerializer, obj))


class Links(KpiAPIView):
    @extend_schema(responses=LinkSerializer(many=True))
    def get(self, request, pk):
        indicator = selectors.indicator_for(request.user, pk)
        return Response(LinkSerializer(indicator.links_up.all(), many=True).data)

    @extend_schema(request=_body(LinkForm, "LinkBody"), responses={201: LinkSerializer})
    def post(self, request, pk):
        indicator = selectors.indicator_for(request.user, pk)
        return _write(LinkForm(request.data, indicator=indicator), lambda data: services.link(
            user=request.user, indicator=indicator, **data),
            lambda obj: _data(LinkSerializer, obj))


class LinkDetail(KpiAPIView):
    @extend_schema(responses={204: None})
    def delete(self, request, pk):
        services.unlink(user=request.user, link=selectors.link_for(request.user, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path("kpi/indicators/", Indicators.as_view(), name="monitoring-kpi-indicators"),
    path("kpi/indicators/<int:pk>/", IndicatorDetail.as_view(), name="monitoring-kpi-indicator"),
    path("kpi/indicators/<int:pk>/targets/", Targets.as_view(), name="monitoring-kpi-targets"),
    path("kpi/indicators/<int:pk>/narratives/", Narratives.as_view(),
         name="monitoring-kpi-narratives"),
    path("kpi/indicators/<int:pk>/links/", Links.as_view(), name="monitoring-kpi-links"),
    path("kpi/links/<int:pk>/", LinkDetail.as_view(), name="monitoring-kpi-link"),
    path("kpi/goals/", Goals.as_view(), name="monitoring-kpi-goals"),
    path("kpi/status/", Status.as_view(), name="monitoring-kpi-status"),
]
