from .care import (
    Beschikking,
    BrigadeDeployment,
    CrisisEpisode,
    Hypermaatwerk,
    Move,
    OneOnOneSupport,
    Placement,
)
from .case import Case, CaseEvent, RegieRole
from .config import EscalationStep, PathwayConfig
from .expert_team import (
    ConsensusMeeting,
    Escalation,
    ExpertTeamRegistration,
    Participant,
    RegistrationDocument,
)
from .outflow import Measurement, OutflowPlan
from .profile import Intensity, ProfileSwitchRequest, SupportProfile
from .request import LIFE_DOMAINS, Referral, RequestForHelp, RequestOutcome

__all__ = [
    "LIFE_DOMAINS", "Beschikking", "BrigadeDeployment", "Case", "CaseEvent", "ConsensusMeeting",
    "CrisisEpisode", "Escalation", "EscalationStep", "ExpertTeamRegistration", "Hypermaatwerk",
    "Intensity", "Measurement", "Move", "OneOnOneSupport", "OutflowPlan", "Participant",
    "PathwayConfig", "Placement", "ProfileSwitchRequest", "Referral", "RegieRole",
    "RegistrationDocument", "RequestForHelp", "RequestOutcome", "SupportProfile",
]
