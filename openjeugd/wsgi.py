import os

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openjeugd.settings")
application = get_wsgi_application()

# A WSGI server runs no system checks; refuse to serve iJw traffic without the official XSDs.
_xsd_errors = [m for m in checks.run_checks(tags=["ijw"]) if m.is_serious()]
if _xsd_errors:
    raise ImproperlyConfigured("; ".join(str(m) for m in _xsd_errors))
