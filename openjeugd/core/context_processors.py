from django.conf import settings
from django.utils.translation import gettext as _

from openjeugd import __version__
from openjeugd.core.navigation import menu_for


def navigation(request):
    user = getattr(request, "user", None)
    return {"nav_items": menu_for(user), "version": __version__,
            "oidc_login_label": oidc_login_label()}


def oidc_login_label() -> str:
    """The single sign-on button's text, or "" when OIDC is not configured."""
    if not settings.OIDC:
        return ""
    return settings.OIDC["OIDC_LOGIN_LABEL"] or _("Log in with your organisation's account")
