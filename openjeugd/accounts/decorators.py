"""View guard: login first, then the central policy's permission (403 otherwise)."""

from functools import wraps

from django.contrib.auth.decorators import login_required

from openjeugd.accounts import policy
from openjeugd.accounts.policy import Perm


def requires(perm: Perm):
    def decorator(view):
        @login_required
        @wraps(view)
        def checked(request, *args, **kwargs):
            policy.require(request.user, perm)
            return view(request, *args, **kwargs)
        return checked
    return decorator
