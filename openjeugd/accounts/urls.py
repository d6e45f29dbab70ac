from django.urls import path

from openjeugd.accounts import views

app_name = "accounts"
urlpatterns = [
    path("access-log/", views.access_log, name="access-log"),
]
