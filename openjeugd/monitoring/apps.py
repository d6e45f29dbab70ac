from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """Indicators, dashboards and the CBS trajectories: reads what ijw, pathways and contracts
    wrote, never writes a fact."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "openjeugd.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")
