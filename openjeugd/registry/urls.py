from django.urls import path

from openjeugd.registry import views

app_name = "registry"
urlpatterns = [
    path("regions/", views.region_list, name="region-list"),
    path("regions/<slug:slug>/", views.region_detail, name="region-detail"),
    path("municipalities/", views.municipality_list, name="municipality-list"),
    path("providers/", views.provider_list, name="provider-list"),
    path("providers/<int:pk>/", views.provider_detail, name="provider-detail"),
    path("facilities/", views.facility_list, name="facility-list"),
    path("teams/", views.team_list, name="team-list"),
    path("youths/", views.youth_list, name="youth-list"),
    path("youths/<int:pk>/", views.youth_detail, name="youth-detail"),
]
