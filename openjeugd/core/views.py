from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from openjeugd.core.health import health_response


@never_cache
@require_GET
def health(request):
    """Liveness and database readiness; normally answered earlier by core.health's middleware."""
    return health_response()


@login_required
def home(request):
    """Start page: what this user's role works on, within its scope."""
    return render(request, "core/home.html", {"scope_label": scope_label(request.user)})


def scope_label(user) -> str:
    return str(user.provider or user.municipality or user.region or "-")


def locked_out(request, response=None, credentials=None):
    """django-axes' answer once a username is locked on this address: a page, not a stack trace.

    The page says how long to wait, not how many attempts were made, and looks the same whether
    or not the username exists.
    """
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "core/lockout.html", {"minutes": minutes},
                  status=settings.AXES_HTTP_RESPONSE_CODE)
