from django.urls import path
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.generics import ListAPIView
from rest_framework.response import Response

from openjeugd.accounts import policy, selectors
from openjeugd.accounts.forms import AccessLogFilterForm
from openjeugd.accounts.models import AccessLogEntry


class AccessLogEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessLogEntry
        fields = ["id", "at", "username", "action", "object_type", "object_id", "object_repr",
                  "purpose", "ip_address"]


class AccessLogList(ListAPIView):
    """Search the access log (auditor); same filters as the web page."""

    serializer_class = AccessLogEntrySerializer

    def get_queryset(self):
        policy.require(self.request.user, policy.Perm.VIEW_ACCESS_LOG)
        form = AccessLogFilterForm(self.request.query_params)
        if not form.is_valid():
            raise serializers.ValidationError(form.errors)
        return selectors.search_access_log(self.request.user, **form.cleaned_data)


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
]
