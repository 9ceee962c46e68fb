from .access import CommunityAccess, DistrictAccess
from .agenda import AgendaPage
from .articles import ArticleAuthor, PracticeArticleIndexPage, PracticeArticlePage
from .meetings import (
    Activity,
    MeetingAction,
    MeetingPage,
    MeetingReflection,
    Registration,
)
from .occurrences import MeetingOccurrence
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
    "Activity",
    "AgendaPage",
    "MeetingAction",
    "MeetingOccurrence",
    "MeetingPage",
    "MeetingReflection",
    "Registration",
    "ArticleAuthor",
    "PracticeArticleIndexPage",
    "PracticeArticlePage",
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
