from django.urls import path

from openjeugd.registry import views, views_manage

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

# The registry of the own region (Perm.CHANGE_REGISTRY).
urlpatterns += [
    path("manage/", views_manage.manage, name="manage"),
    path("manage/municipalities/<str:code>/population/", views_manage.population_edit,
         name="manage-population"),
    path("manage/providers/", views_manage.providers, name="manage-providers"),
    path("manage/providers/new/", views_manage.provider_create, name="manage-provider-create"),
    path("manage/providers/<int:pk>/unregister/", views_manage.provider_unregister,
         name="manage-provider-unregister"),
    path("manage/facilities/new/", views_manage.facility_create, name="manage-facility-create"),
    path("manage/facilities/<int:pk>/", views_manage.facility_edit, name="manage-facility-edit"),
    path("manage/teams/new/", views_manage.team_create, name="manage-team-create"),
    path("manage/teams/<int:pk>/", views_manage.team_edit, name="manage-team-edit"),
]
