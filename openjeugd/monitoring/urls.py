from django.urls import path

from openjeugd.monitoring import views, views_cbs

app_name = "monitoring"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("report.<str:kind>", views.report, name="report"),
]
# CBS outputs (#11, branch mon-cbsfile): StatLine-style tables and the delivery file.
urlpatterns += [
    path("cbs/statline/", views_cbs.statline_tables, name="cbs-statline"),
    path("cbs/aanlevering/", views_cbs.delivery, name="cbs-delivery"),
]
