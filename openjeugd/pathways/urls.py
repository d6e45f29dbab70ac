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

# --- steps 6–11: placement to measurements (views_care; branch pscreens) -------------------------
from . import views_care  # noqa: E402

urlpatterns += [
    path("cases/<int:pk>/care/", views_care.overview, name="care"),
    path("cases/<int:pk>/placement/", views_care.placement, name="placement"),
    path("cases/<int:pk>/move/", views_care.move, name="move"),
    path("cases/<int:pk>/hypermaatwerk/", views_care.hypermaatwerk, name="hypermaatwerk"),
    path("cases/<int:pk>/crisis/", views_care.crisis_new, name="crisis"),
    path("cases/<int:pk>/profile/", views_care.profile_new, name="profile"),
    path("cases/<int:pk>/regie/", views_care.regie, name="regie"),
    path("cases/<int:pk>/outflow/", views_care.outflow_plan, name="outflow"),
    path("cases/<int:pk>/outflow/registration/", views_care.outflow_registration,
         name="outflow-registration"),
    path("cases/<int:pk>/measurement/", views_care.measurement, name="measurement"),
    path("placements/<int:pk>/end/", views_care.end_placement, name="placement-end"),
    path("placements/<int:pk>/one-on-one/", views_care.one_on_one, name="one-on-one"),
    path("crises/<int:pk>/intervention/", views_care.intervention, name="intervention"),
    path("profiles/<int:pk>/switch/", views_care.switch_request, name="switch-request"),
    path("switches/<int:pk>/decision/", views_care.switch_decision, name="switch-decision"),
]
