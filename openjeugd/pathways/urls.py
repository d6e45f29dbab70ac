from django.urls import path

from . import views

app_name = "pathways"

urlpatterns = [
    path("", views.work_list, name="work-list"),
    path("cases/", views.case_list, name="case-list"),
    path("cases/new/", views.case_new, name="case-new"),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("cases/<int:pk>/referral/", views.referral, name="referral"),
    path("cases/<int:pk>/registration/", views.registration, name="registration"),
    path("cases/<int:pk>/brigade/", views.brigade, name="brigade"),
    path("cases/<int:pk>/beschikking/", views.beschikking, name="beschikking"),
    path("requests/<int:pk>/triage/", views.triage, name="triage"),
    path("registrations/<int:pk>/participant/", views.participant, name="participant"),
    path("registrations/<int:pk>/decision/", views.decide, name="decide"),
    path("registrations/<int:pk>/consensus/", views.consensus, name="consensus"),
    path("registrations/<int:pk>/escalate/", views.escalate, name="escalate"),
    path("deployments/<int:pk>/", views.brigade_work, name="brigade-work"),
]
