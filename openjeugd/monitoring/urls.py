from django.urls import path

from openjeugd.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("report.<str:kind>", views.report, name="report"),
]
