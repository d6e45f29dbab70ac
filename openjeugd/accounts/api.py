from django.urls import path
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView
from rest_framework.response import Response

from openjeugd.accounts import export, policy, selectors
from openjeugd.accounts.forms import AccessLogFilterForm
from openjeugd.accounts.log_rows import row
from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.views import export_response
from openjeugd.core.pagination import Newest


class AccessLogEntrySerializer(serializers.ModelSerializer):
    """The stored codes, and the same readable words as the screen (`*_label`)."""

    action_label = serializers.CharField(source="get_action_display", read_only=True)
    object_type_label = serializers.SerializerMethodField()
    object_label = serializers.SerializerMethodField()
    purpose_label = serializers.SerializerMethodField()

    class Meta:
        model = AccessLogEntry
        fields = ["id", "seq", "at", "username", "action", "action_label", "object_type",
                  "object_type_label", "object_id", "object_repr", "object_label", "purpose",
                  "purpose_label", "hits", "region", "owner_region", "ip_address",
                  "prev_hash", "entry_hash"]

    def get_object_type_label(self, entry) -> str:
        return row(entry).object_type

    def get_object_label(self, entry) -> str:
        return row(entry).object

    def get_purpose_label(self, entry) -> str:
        return row(entry).purpose


class AccessLogList(ListAPIView):
    """Search the access log (auditor); same filters as the web page."""

    serializer_class = AccessLogEntrySerializer
    # Newest first by position (`?cursor=` from `next`/`previous`): no COUNT(*) of the log.
    pagination_class = Newest
    cursor_time_field = "at"

    def get_queryset(self):
        return _search(self.request)


def _search(request):
    policy.require(request.user, policy.Perm.VIEW_ACCESS_LOG)
    form = AccessLogFilterForm(request.query_params)
    if not form.is_valid():
        raise serializers.ValidationError(form.errors)
    return selectors.search_access_log(request.user, **form.cleaned_data)


@api_view(["GET"])
def access_log_export(request, kind):
    """The search (same filters as the list) as a CSV or XLSX file; the export is logged."""
    policy.require(request.user, policy.Perm.VIEW_ACCESS_LOG)  # before the format: 403 first
    if kind not in export.FORMATS:
        raise NotFound
    return export_response(request, _search(request), kind)


@api_view(["GET"])
def me(request):
    """Who am I, in which role and scope, and what may I do."""
    user = request.user
    return Response({
        "username": user.username,
        "role": user.role,
        "region": user.region_id,
        "municipality": user.municipality_id,
        "provider": user.provider_id,
        "permissions": sorted(p.value for p in policy.Perm if policy.has_perm(user, p)),
    })


urlpatterns = [
    path("me/", me, name="api-me"),
    path("access-log/", AccessLogList.as_view(), name="api-access-log"),
    path("access-log/export.<str:kind>", access_log_export, name="api-access-log-export"),
]
