from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from openjeugd.core import api_docs
from openjeugd.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.health, name="healthz"),
    path("health", core_views.health, name="health"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/2fa/", include("openjeugd.accounts.twofactor_urls")),
    path("accounts/", include("openjeugd.accounts.urls")),
    path("registry/", include("openjeugd.registry.urls")),
    path("pathways/", include("openjeugd.pathways.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", api_docs.SwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", api_docs.RedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("api/", include("openjeugd.api_urls")),
]

if "openjeugd.ijw" in settings.INSTALLED_APPS:
    urlpatterns.append(path("ijw/", include("openjeugd.ijw.urls")))
if "openjeugd.contracts" in settings.INSTALLED_APPS:
    urlpatterns.append(path("contracts/", include("openjeugd.contracts.urls")))

if "openjeugd.monitoring" in settings.INSTALLED_APPS:
    urlpatterns.append(path("monitoring/", include("openjeugd.monitoring.urls")))

# Optional municipal single sign-on (docs/oidc.md).
if settings.OIDC:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

# A database that cannot answer (timeout, unreachable) is a 503, not a 500 (core.unavailable).
handler500 = "openjeugd.core.unavailable.server_error"
