"""All REST endpoints under /api/, one router per app."""

from django.urls import include, path

urlpatterns = [
    path("accounts/", include("openjeugd.accounts.api")),
    path("registry/", include("openjeugd.registry.api")),
]
