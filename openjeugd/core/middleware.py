import uuid

from django.conf import settings
from django.utils.cache import patch_cache_control

from openjeugd.core.logging import request_id_var


class RequestIdMiddleware:
    """Tags every log line of a request with one id, echoed in the X-Request-ID header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex
        token = request_id_var.set(request_id[:64])
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id[:64]
        return response


class PrivateResponseMiddleware:
    """Keeps personal data out of caches and switches off browser features nobody needs.

    Every page a logged-in user sees may show youths, and every API answer may too, so neither
    the browser nor a proxy may store them (`no-store`). Static files never get here: whitenoise
    answers them earlier in the chain.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        private = request.path.startswith("/api/") or (user is not None and user.is_authenticated)
        if private and "no-store" not in response.get("Cache-Control", ""):
            patch_cache_control(response, no_store=True, private=True)
        return response
