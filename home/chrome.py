"""What the header and footer of every page show, cached per site and language.

The home page link, the main menu, the footer text and the privacy link change only when
content does. They are kept in the cache under the page cache's content generation
(home/page_cache.py), which every publish, move, delete and snippet change bumps, so they
are never stale; each page view then spends no query on them. Without a cache (Redis
down) they are built for each request, as before.
"""

import contextlib

from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from . import page_cache

TIMEOUT = 24 * 3600  # entries of an old generation are unreachable anyway


def remember(request, name, build):
    """`build()`'s value for this site and language, from the cache when it has it."""
    if request is None:
        return build()
    memo = request.__dict__.setdefault("_chrome", {})
    if name in memo:
        return memo[name]
    generation = page_cache.generation()
    if generation is None:  # no cache: once per request, as before
        memo[name] = build()
        return memo[name]
    site = Site.find_for_request(request)
    key = f"chrome:{generation}:{site.pk if site else 0}:{translation.get_language()}:{name}"
    try:
        found = cache.get(key)
    except Exception:  # an unreachable cache: build it, as without one
        found = None
    if found is None:
        found = (build(),)  # a tuple, so a cached None is not a miss
        with contextlib.suppress(Exception):  # no cache: built again next time
            cache.set(key, found, TIMEOUT)
    memo[name] = found[0]
    return found[0]


def first_live_page(request, model, locale_id, public=False):
    """The first live page of `model` in a locale (the Agenda, the article index: one of each
    per language), remembered like the chrome. `public` leaves out private ones."""

    def build():
        pages = model.objects.live().filter(locale_id=locale_id)
        return (pages.public() if public else pages).order_by("path").first()

    name = f"first:{model._meta.label_lower}:{locale_id}:{int(public)}"
    return remember(request, name, build)
