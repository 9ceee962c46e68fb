"""Wagtail's `.public()` and its privacy check of each page view without a query each time.

`PageQuerySet.private_q()` reads every PageViewRestriction on each call, and a page view
here calls `.public()` four or five times (listings, related items, the privacy link);
`Page.get_view_restrictions()`, which Wagtail's serve view calls for every page, reads the
page's ancestors and then their restrictions.
The restricted sections change only when an editor changes a page's privacy, which bumps
the content generation (home/cache_purge.py); so their paths are cached under it. So are
the aliases of restricted pages (an alias takes its original's privacy): creating, moving
or deleting a page bumps the generation too. With no cache (Redis down) Wagtail's own
queries run, as before.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from . import chrome

_wagtail_private_q = PageQuerySet.private_q
_wagtail_get_view_restrictions = Page.get_view_restrictions
ALIAS_DEPTH = 5  # aliases of aliases followed; deeper chains are left to Wagtail


def restricted_sections():
    """[(path, depth)] of every page with a view restriction, or None without a cache."""
    found = chrome.shared(
        "restricted-sections",
        lambda: list(
            PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()
        ),
    )
    return None if found is None else found[0]


def _private_aliases(sections):
    """Paths of the aliases of pages in the restricted sections (and of aliases of those),
    or None when the chain is longer than ALIAS_DEPTH."""
    found, prefixes = [], list(sections)
    for _ in range(ALIAS_DEPTH):
        if not prefixes:
            return found
        q = Q()
        for prefix in prefixes:
            q |= Q(alias_of__path__startswith=prefix)
        paths = Page.objects.filter(q).values_list("path", flat=True)
        prefixes = [path for path in paths if path not in found]
        found += prefixes
    return None if prefixes else found


def restricted_paths():
    """Paths whose pages (and descendants) may carry a view restriction: the restricted
    pages and the aliases of those. None without a cache (or with very long alias chains)."""

    def build():  # read here, not from restricted_sections(): one generation for both
        sections = list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
        aliases = _private_aliases(sections) if sections else []
        return None if aliases is None else sections + aliases

    found = chrome.shared("restricted-paths", build)
    return None if found is None else found[0]


def get_view_restrictions(page):
    """Wagtail's Page.get_view_restrictions(), with no query for a page outside every
    restricted section: no restriction can apply to it, nor to its ancestors."""
    paths = restricted_paths()
    if paths is None or page.alias_of_id or any(page.path.startswith(p) for p in paths):
        return _wagtail_get_view_restrictions(page)
    return PageViewRestriction.objects.none()


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
    Page.get_view_restrictions = get_view_restrictions
