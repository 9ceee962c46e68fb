"""Wagtail's `.public()` without a query each time it is called.

`PageQuerySet.private_q()` reads every PageViewRestriction on each call, and a page view
here calls `.public()` four or five times (listings, related items, the privacy link).
The restricted sections change only when an editor changes a page's privacy, which bumps
the content generation (home/cache_purge.py); so their paths are cached under it. With no
cache (Redis down) Wagtail's own query runs, as before.
"""

import contextlib

from django.core.cache import cache
from django.db.models import Q
from wagtail.query import PageQuerySet

from . import page_cache

_wagtail_private_q = PageQuerySet.private_q


def restricted_sections():
    """[(path, depth)] of every page with a view restriction, or None without a cache."""
    generation = page_cache.generation()
    if generation is None:
        return None
    key = f"restricted-sections:{generation}"
    try:
        sections = cache.get(key)
    except Exception:
        return None
    if sections is None:
        from wagtail.models import PageViewRestriction

        sections = list(
            PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()
        )
        with contextlib.suppress(Exception):  # no cache: built again next time
            cache.set(key, sections, 24 * 3600)
    return sections


def private_q(queryset):
    """The same condition as Wagtail's private_q(): the restricted pages and their
    descendants (descendant_of_q(page, inclusive=True) for each)."""
    sections = restricted_sections()
    if sections is None:
        return _wagtail_private_q(queryset)
    q = Q()
    for path, depth in sections:
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])


def install():
    PageQuerySet.private_q = private_q
