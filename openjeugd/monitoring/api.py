"""REST: the indicator set (figures, VIEW_REGION_FIGURES) and the CBS trajectories (person
level, VIEW_YOUTH: only the youths the policy lets this user open, each read logged) of the
user's region for a period. The same selectors as the dashboard and the command line."""

from django.urls import path
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from openjeugd.accounts.drf import PolicyPermission
from openjeugd.accounts.policy import Perm
from openjeugd.monitoring import api_cbs, cache, selectors
from openjeugd.monitoring.cbs.trajectories import RECORD_KEYS
from openjeugd.monitoring.forms import PeriodForm, default_period
from openjeugd.monitoring.overview import region_overview

_PERIOD = [
    OpenApiParameter("van", OpenApiTypes.DATE, description="First day (default: the "
                     "current half year and the three before it)."),
    OpenApiParameter("tot", OpenApiTypes.DATE, description="Last day, inclusive."),
]


def _period(request, today):
    first, last = default_period(today)
    if not request.query_params:
        return first, last
    form = PeriodForm({"van": request.query_params.get("van", first),
                       "tot": request.query_params.get("tot", last)})
    if not form.is_valid():
        raise serializers.ValidationError(form.errors)
    return form.cleaned_data["van"], form.cleaned_data["tot"]


class TrajectorySerializer(serializers.Serializer):
    """One CBS trajectory, the command line's record (exactly RECORD_KEYS)."""

    bsn = serializers.CharField()
    aanbieder = serializers.CharField(help_text="AGB code")
    gemeente = serializers.CharField(help_text="CBS gemeentecode on the period's last day")
    hulpvorm = serializers.CharField(help_text="CBS §3.3")
    verwijzer = serializers.CharField(allow_null=True, help_text="CBS §3.2")
    datum_aanvang = serializers.DateField()
    datum_einde = serializers.DateField(allow_null=True)
    reden_beeindiging = serializers.CharField(allow_null=True, help_text="CBS §3.7")
    herhaald_beroep = serializers.BooleanField()


assert tuple(TrajectorySerializer().fields) == RECORD_KEYS  # noqa: S101 - kept in step


class Indicators(APIView):
    """The full indicator set of the user's region (as `monitoring indicators`), within the
    user's scope; figures only."""

    permission_classes = [IsAuthenticated, PolicyPermission]
    read_perm = Perm.VIEW_REGION_FIGURES

    @extend_schema(parameters=_PERIOD, responses=OpenApiTypes.OBJECT)
    def get(self, request):
        today = timezone.localdate()
        first, last = _period(request, today)
        return Response(cache.indicators_for(request.user, request.user.region, first,
                                             last, today=today))


class Trajectories(APIView):
    """The CBS trajectories overlapping the period of the youths this user may open; each
    youth shown is logged as read (purpose: monitoring trajectories)."""

    permission_classes = [IsAuthenticated, PolicyPermission]
    read_perm = Perm.VIEW_YOUTH

    @extend_schema(parameters=_PERIOD, responses=TrajectorySerializer(many=True))
    def get(self, request):
        first, last = _period(request, timezone.localdate())
        rows = selectors.trajectories_for(request.user, request.user.region, first, last,
                                          request=request)
        return Response(TrajectorySerializer(rows, many=True).data)


urlpatterns = [
    path("indicators/", Indicators.as_view(), name="monitoring-indicators"),
    path("trajectories/", Trajectories.as_view(), name="monitoring-trajectories"),
]

# KPI/KRI, targets, strategy map and narratives (#11, mon-kpi).
from openjeugd.monitoring import api_kpi  # noqa: E402

urlpatterns += api_kpi.urlpatterns
# CBS outputs (#11, branch mon-cbsfile): the StatLine-style tables.
urlpatterns += [path("statline/", api_cbs.Statline.as_view(), name="monitoring-statline")]

# --- the region's message overview (moved from ijw, issue #11) ---------------------------------

class OverviewSerializer(serializers.Serializer):
    since = serializers.DateField(help_text="The first month counted: the current month and "
                                            "the twelve before it.")
    total_messages = serializers.IntegerField()
    volumes = serializers.ListField(child=serializers.DictField())
    provider_rejections = serializers.ListField(child=serializers.DictField())
    retourcodes = serializers.ListField(child=serializers.DictField())
    overdue_verzoeken = serializers.ListField(child=serializers.DictField())
    overdue_messages = serializers.ListField(child=serializers.DictField())


class OverviewView(APIView):
    """Volumes, rejection rates and overdue answers in your region; no personal data. Also
    served at its old address /api/ijw/overview/ (openjeugd/api_urls.py)."""

    permission_classes = [PolicyPermission]
    perm = Perm.VIEW_REGION_FIGURES

    @extend_schema(responses=OverviewSerializer)
    def get(self, request):
        figures = cache.overview_for(request.user, lambda: region_overview(request.user))
        volumes = [{"month": month.strftime("%Y-%m"), "total": total,
                    "per_code": dict(zip(figures.codes, counts, strict=True))}
                   for month, counts, total in figures.volumes]
        return Response(OverviewSerializer({**vars(figures), "volumes": volumes}).data)


class FormerOverviewView(OverviewView):
    """The overview at its address before it moved to monitoring; kept for existing clients."""

    @extend_schema(responses=OverviewSerializer, deprecated=True,
                   description="Moved to /api/monitoring/overview/ (same answer).")
    def get(self, request):
        return super().get(request)


urlpatterns += [path("overview/", OverviewView.as_view(), name="monitoring-overview")]
