"""Logins and failed logins go into the access log (NEN 7513: who tried to get in, from where).

Django's auth signals are the only place every way in (login page, admin, API session) meets.
"""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from openjeugd.accounts import audit


@receiver(user_logged_in, dispatch_uid="accesslog-login")
def log_login(sender, request, user, **kwargs):
    audit.record_login(user, request)


@receiver(user_login_failed, dispatch_uid="accesslog-login-failed")
def log_login_failure(sender, credentials, request=None, **kwargs):
    audit.record_login_failed(str(credentials.get("username", "")), request)
