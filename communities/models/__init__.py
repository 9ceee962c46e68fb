from .access import CommunityAccess, DistrictAccess
from .pages import (
    CommunityIndexPage,
    CommunityMember,
    CommunityNorm,
    CommunityPage,
    CommunityType,
    MeetingMode,
    MemberRole,
    RegionPage,
)
from .regions import Province, Regency, TimeZone
from .taxonomy import SchoolLevel, Subject, Topic

__all__ = [
    "CommunityAccess",
    "CommunityIndexPage",
    "CommunityMember",
    "CommunityNorm",
    "CommunityPage",
    "CommunityType",
    "DistrictAccess",
    "MeetingMode",
    "MemberRole",
    "Province",
    "Regency",
    "RegionPage",
    "SchoolLevel",
    "Subject",
    "Topic",
    "TimeZone",
]
