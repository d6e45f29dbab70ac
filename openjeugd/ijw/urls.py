from django.urls import path

from openjeugd.ijw import views

app_name = "ijw"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("outbox/", views.outbox, name="outbox"),
    path("messages/<int:pk>/", views.message_detail, name="message-detail"),
    path("messages/<int:pk>/raw/", views.message_raw, name="message-raw"),
    path("upload/", views.upload, name="upload"),
    path("youths/<int:pk>/", views.youth_timeline, name="youth-timeline"),
    path("overview/", views.overview, name="overview"),
    # Actions that send a message: form → check → confirm (views/actions.py).
    path("youths/<int:pk>/assign/", views.actions.assign, name="assign"),
    path("youths/<int:pk>/request/", views.actions.request_toewijzing, name="request"),
    path("youths/<int:pk>/request-change/", views.actions.request_change,
         name="request-change"),
    path("toewijzingen/<int:pk>/change/", views.actions.change, name="change"),
    path("toewijzingen/<int:pk>/start/", views.actions.start, name="start"),
    path("toewijzingen/<int:pk>/declare/", views.actions.declare, name="declare"),
    path("starts/<int:pk>/stop/", views.actions.stop, name="stop"),
    path("verzoeken/<int:pk>/answer/", views.actions.answer, name="answer"),
]
