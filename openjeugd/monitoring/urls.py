from django.urls import path

from openjeugd.monitoring import views, views_cbs

app_name = "monitoring"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("report.<str:kind>", views.report, name="report"),
]

# --- KPI/KRI with targets, strategy map and narratives (#11, mon-kpi) -------------------------
from openjeugd.monitoring import views_kpi  # noqa: E402

urlpatterns += [
    path("kpi/", views_kpi.kpi_list, name="kpi-list"),
    path("kpi/new/", views_kpi.indicator_create, name="kpi-create"),
    path("kpi/map/", views_kpi.strategy_map, name="kpi-map"),
    path("kpi/goals/new/", views_kpi.goal_create, name="kpi-goal-create"),
    path("kpi/<int:pk>/", views_kpi.indicator_detail, name="kpi-detail"),
    path("kpi/<int:pk>/edit/", views_kpi.indicator_edit, name="kpi-edit"),
    path("kpi/<int:pk>/target/", views_kpi.target_set, name="kpi-target"),
    path("kpi/<int:pk>/narrative/", views_kpi.narrative_add, name="kpi-narrative"),
    path("kpi/<int:pk>/link/", views_kpi.link_add, name="kpi-link"),
    path("kpi/targets/<int:pk>/remove/", views_kpi.target_remove, name="kpi-target-remove"),
    path("kpi/links/<int:pk>/remove/", views_kpi.link_remove, name="kpi-link-remove"),
]

# CBS outputs (#11, branch mon-cbsfile): StatLine-style tables and the delivery file.
urlpatterns += [
    path("cbs/statline/", views_cbs.statline_tables, name="cbs-statline"),
    path("cbs/aanlevering/", views_cbs.delivery, name="cbs-delivery"),
]

# The region's message overview (moved from ijw, issue #11; /ijw/overview/ redirects here).
from openjeugd.monitoring import views_overview  # noqa: E402 - kept beside its route

urlpatterns += [path("overview/", views_overview.overview, name="overview")]
