"""Curated collections on the library page and the home page."""

from wagtail.models import Locale

from .models import LearningResourcePage, ResourceCollection


def collections_for(locale=None, featured_only=False, limit=None):
    """Collections in `locale` (the active one by default) with their live resources in
    that language, in the editor's order. A constant number of queries.

    Translated collections point at the original-language pages; each item is shown
    as its translation when one is live, else it is left out.
    """
    locale = locale or Locale.get_active()
    collections = ResourceCollection.objects.filter(locale=locale).prefetch_related(
        "items__resource"
    )
    if featured_only:
        collections = collections.filter(featured=True)
    if limit:
        collections = collections[:limit]
    collections = list(collections)
    keys = {
        item.resource.translation_key
        for collection in collections
        for item in collection.items.all()
    }
    localized = {
        page.translation_key: page
        for page in LearningResourcePage.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=keys)
    }
    result = []
    for collection in collections:
        resources = [
            localized[item.resource.translation_key]
            for item in collection.items.all()
            if item.resource.translation_key in localized
        ]
        result.append({"collection": collection, "resources": resources})
    return result


def featured_collections(limit=3):
    """For the home page: {% include "resources/includes/featured_collections.html" %}
    with `featured_resource_collections` set from this function."""
    return collections_for(featured_only=True, limit=limit)
