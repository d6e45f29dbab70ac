from .care_relation import CareRelation
from .organisations import CertifiedInstitution, Partnership, PartnershipMember, Provider
from .places import Facility, Team
from .regions import Division, Municipality, Region
from .youth import Youth

__all__ = [
    "CareRelation", "CertifiedInstitution", "Division", "Facility", "Municipality", "Partnership",
    "PartnershipMember", "Provider", "Region", "Team", "Youth",
]
