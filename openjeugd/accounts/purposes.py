"""Why personal data was read or written: the codes the access log stores.

The log stores the code; screens and exports show the translated label. Entries written before
these codes existed (or by callers that still pass free text) show their text as it is.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    YOUTH_LIST = "youth_list", _("youth list")
    YOUTH_LIST_API = "youth_list_api", _("youth list (API)")
    YOUTH_LIST_ADMIN = "youth_list_admin", _("youth list (admin)")
    YOUTH_RECORD = "youth_record", _("youth record")
    YOUTH_RECORD_API = "youth_record_api", _("youth record (API)")
    YOUTH_RECORD_ADMIN = "youth_record_admin", _("youth record (admin)")
    YOUTH_SEARCH = "youth_search", _("youth search")
    TOEWIJZING = "toewijzing", _("assigning care (toewijzing)")
    TOEWIJZING_CHANGE = "toewijzing_change", _("changing a toewijzing")
    VERZOEK_ANSWER = "verzoek_answer", _("answering a request (verzoek)")
    CLIENT_TIMELINE = "client_timeline", _("iJw client timeline")
    CLIENT_TIMELINE_API = "client_timeline_api", _("iJw client timeline (API)")
    MESSAGE_DETAIL = "message_detail", _("iJw message detail")
    MESSAGE_DETAIL_API = "message_detail_api", _("iJw message detail (API)")
    MESSAGE_RAW = "message_raw", _("download raw iJw message")
    MESSAGE_RAW_API = "message_raw_api", _("download raw iJw message (API)")
    MESSAGE_ADMIN = "message_admin", _("iJw message (admin)")
    MESSAGE_SEND = "message_send", _("sending an iJw message")
    MESSAGE_UPLOAD = "message_upload", _("uploading iJw messages")
    MESSAGE_PROCESSING = "message_processing", _("processing iJw messages")
    REGISTRY_MAINTENANCE = "registry_maintenance", _("registry maintenance")
    REGISTRY_ADMIN = "registry_admin", _("registry maintenance (admin)")
    DIVISION_LOAD = "division_load", _("loading the municipal division")
    # Contracts (#9): the declaration lines and toewijzingen behind a budget figure.
    CEILING_DRILLDOWN = "ceiling_drilldown", _("care behind a budget ceiling")
    CEILING_DRILLDOWN_API = "ceiling_drilldown_api", _("care behind a budget ceiling (API)")
    USER_ADMIN = "user_admin", _("user management (admin)")
    DEMO_SETUP = "demo_setup", _("demo region set-up")
    LOGIN = "login", _("signing in")
    AUDIT = "audit", _("audit of the access log")
    RETENTION = "retention", _("retention period of the access log")
    # Monitoring (#11): the CBS trajectory list names youths; the indicators do not, but a
    # figure's run is logged too (who computed what for which region).
    MONITORING_TRAJECTORIES = "monitoring_trajectories", _("CBS trajectories (monitoring)")
    MONITORING_INDICATORS = "monitoring_indicators", _("indicators (monitoring)")
    # Care pathways (#10)
    CASEWORK = "casework", _("casework (care pathway)")
    CASEWORK_API = "casework_api", _("casework (care pathway, API)")
    CASE_LIST = "case_list", _("case list and work list")


def purpose_label(code: str) -> str:
    """The translated label of a purpose code; unknown free text is shown as it is."""
    try:
        return str(Purpose(code).label)
    except ValueError:
        return code
