from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.permissions import IsAuthenticated

from openjeugd.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("health", core_views.health, name="health"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("openjeugd.accounts.urls")),
    path("registry/", include("openjeugd.registry.urls")),
    # The schema and its docs only for signed-in users (issue #7).
    path("api/schema/", SpectacularAPIView.as_view(permission_classes=[IsAuthenticated]),
         name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema",
                                                     permission_classes=[IsAuthenticated]),
         name="api-docs"),
    path("api/", include("openjeugd.api_urls")),
]

if "openjeugd.ijw" in settings.INSTALLED_APPS:
    urlpatterns.append(path("ijw/", include("openjeugd.ijw.urls")))
