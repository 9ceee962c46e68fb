from .collections import ResourceCollection, ResourceCollectionItem
from .downloads import DownloadCount
from .pages import (
    Language,
    LearningResourceIndexPage,
    LearningResourcePage,
    Licence,
    Phase,
    ResourceDocument,
    ResourceType,
)

__all__ = [
    "DownloadCount",
    "Language",
    "LearningResourceIndexPage",
    "LearningResourcePage",
    "Licence",
    "Phase",
    "ResourceCollection",
    "ResourceCollectionItem",
    "ResourceDocument",
    "ResourceType",
]
