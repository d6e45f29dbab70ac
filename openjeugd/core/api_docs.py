"""Swagger UI and ReDoc, served from this installation (drf-spectacular-sidecar), behind login.

Our own templates replace drf-spectacular's: those carry an inline <style> and ReDoc's fetches
fonts from Google, both refused by the Content-Security-Policy.
"""

from django.conf import settings
from django.utils.decorators import method_decorator
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

# ReDoc styles itself by inserting <style> elements at run time (styled-components) and runs
# its search in a blob: worker; this page alone allows that. Scripts stay 'self' only.
REDOC_CSP = {
    **settings.SECURE_CSP,
    "style-src": [*settings.SECURE_CSP["style-src"], "'unsafe-inline'"],
    "worker-src": ["blob:"],
}


class SwaggerView(SpectacularSwaggerSplitView):
    """The page and, at ?script, its start-up script as a separate same-origin file."""

    template_name = "core/api_docs/swagger_ui.html"


@method_decorator(csp_override(REDOC_CSP), name="dispatch")
class RedocView(SpectacularRedocView):
    template_name = "core/api_docs/redoc.html"
