"""All REST endpoints under /api/, one router per app."""

from django.urls import include, path

from openjeugd.monitoring.api import FormerOverviewView

urlpatterns = [
    # The region overview moved from ijw to monitoring (issue #11); its old address stays.
    path("ijw/overview/", FormerOverviewView.as_view(), name="api-ijw-overview"),
    path("accounts/", include("openjeugd.accounts.api")),
    path("accounts/", include("openjeugd.accounts.api_users")),
    path("registry/", include("openjeugd.registry.api")),
    path("contracts/", include("openjeugd.contracts.api")),
    path("ijw/", include("openjeugd.ijw.api")),
    path("ijw/actions/", include("openjeugd.ijw.api_actions")),
    path("pathways/", include("openjeugd.pathways.api")),
    path("pathways/", include("openjeugd.pathways.api_care")),
    path("pathways/", include("openjeugd.pathways.api_intervention")),
    path("monitoring/", include("openjeugd.monitoring.api")),
]
