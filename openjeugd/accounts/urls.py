from django.urls import path

from openjeugd.accounts import twofactor, views

app_name = "accounts"
urlpatterns = [
    path("access-log/", views.access_log, name="access-log"),
    path("2fa/verify/", twofactor.verify, name="2fa-verify"),
    path("2fa/setup/", twofactor.setup, name="2fa-setup"),
]
