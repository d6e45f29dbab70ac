"""The roles of Open Jeugd and the kind of scope each one is bound to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REGIONAL_ADMIN = "regional_admin", _("regional administrator")
    CONTRACT_MANAGER = "contract_manager", _("contract manager")
    POLICY_ADVISOR = "policy_advisor", _("policy advisor")
    ACCESS_WORKER = "access_worker", _("municipal access worker (local team / SLT)")
    RET_CHAIR = "ret_chair", _("Regional Expert Team chair")
    BRIGADE_MEMBER = "brigade_member", _("mobile-brigade member")
    PROVIDER_STAFF = "provider_staff", _("provider staff")
    AUDITOR = "auditor", _("read-only auditor")
    MESSAGE_CHANNEL = "message_channel", _("message channel (service account)")


class ScopeKind(models.TextChoices):
    REGION = "region", _("region")
    MUNICIPALITY = "municipality", _("municipality")
    PROVIDER = "provider", _("provider")


# Which scope a role needs: an access worker works for one municipality, provider staff for
# one provider, everybody else for the whole region.
SCOPE_OF_ROLE = {
    Role.REGIONAL_ADMIN: ScopeKind.REGION,
    Role.CONTRACT_MANAGER: ScopeKind.REGION,
    Role.POLICY_ADVISOR: ScopeKind.REGION,
    Role.ACCESS_WORKER: ScopeKind.MUNICIPALITY,
    Role.RET_CHAIR: ScopeKind.REGION,
    Role.BRIGADE_MEMBER: ScopeKind.REGION,
    Role.PROVIDER_STAFF: ScopeKind.PROVIDER,
    Role.AUDITOR: ScopeKind.REGION,
    Role.MESSAGE_CHANNEL: ScopeKind.REGION,
}
