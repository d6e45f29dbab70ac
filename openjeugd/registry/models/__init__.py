from .organisations import CertifiedInstitution, Partnership, PartnershipMember, Provider
from .places import Facility, Team
from .regions import Division, Municipality, Region
from .youth import Youth

__all__ = [
    "CertifiedInstitution", "Division", "Facility", "Municipality", "Partnership",
    "PartnershipMember", "Provider", "Region", "Team", "Youth",
]
