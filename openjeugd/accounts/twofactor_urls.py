"""The second login step (openjeugd.accounts.twofactor), mounted at /accounts/2fa/."""

from django.urls import path

from openjeugd.accounts import twofactor

app_name = "twofactor"
urlpatterns = [
    path("verify/", twofactor.verify, name="verify"),
    path("setup/", twofactor.setup, name="setup"),
]
