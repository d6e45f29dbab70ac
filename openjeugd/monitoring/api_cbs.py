"""REST: the StatLine-style tables of the user's region (figures, VIEW_REGION_FIGURES), as
the screen `monitoring:cbs-statline` shows them; `onderdrukt=1` suppresses cells of fewer than
5 youths (for figures that go outside the region)."""

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from openjeugd.accounts.drf import PolicyPermission
from openjeugd.accounts.policy import Perm
from openjeugd.monitoring import selectors_cbs
from openjeugd.monitoring.cbs import statline
from openjeugd.monitoring.forms import PeriodForm, default_period

_PARAMETERS = [
    OpenApiParameter("van", OpenApiTypes.DATE, description="First day (default: the "
                     "current half year and the three before it)."),
    OpenApiParameter("tot", OpenApiTypes.DATE, description="Last day, inclusive."),
    OpenApiParameter("onderdrukt", OpenApiTypes.BOOL, description="Suppress cells of 1-4 "
                     "youths (figures that go outside the region)."),
]


class Statline(APIView):
    permission_classes = [IsAuthenticated, PolicyPermission]
    read_perm = Perm.VIEW_REGION_FIGURES

    @extend_schema(parameters=_PARAMETERS, responses=OpenApiTypes.OBJECT)
    def get(self, request):
        params = request.query_params
        suppress = params.get("onderdrukt") in ("1", "true")
        first, last = default_period(timezone.localdate())
        if "van" in params or "tot" in params:
            form = PeriodForm({"van": params.get("van", first), "tot": params.get("tot", last)})
            if not form.is_valid():
                raise serializers.ValidationError(form.errors)
            first, last = form.cleaned_data["van"], form.cleaned_data["tot"]
        rows, report = selectors_cbs.statline_for(request.user, request.user.region, first, last)
        rows = (statline.suppressed(rows) if suppress
                else [{key: row[key] for key in statline.KEYS} for row in rows])
        return Response({"van": first.isoformat(), "tot_en_met": last.isoformat(),
                         "onderdrukt": suppress, "rijen": rows,
                         "niet_gekoppelde_producten": [
                             {"productcategorie": u.product_categorie,
                              "productcode": u.product_code, "starts": u.starts}
                             for u in report.unmapped]})
