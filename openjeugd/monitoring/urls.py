from django.urls import path

from openjeugd.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("report.<str:kind>", views.report, name="report"),
]
# The region's message overview (moved from ijw, issue #11; /ijw/overview/ redirects here).
from openjeugd.monitoring import views_overview  # noqa: E402 - kept beside its route

urlpatterns += [path("overview/", views_overview.overview, name="overview")]
