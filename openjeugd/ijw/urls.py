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
]
