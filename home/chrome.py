"""What the header and footer of every page show, cached per site and language.

The home page link, the main menu, the footer text and the privacy link change only when
content does, and so does the site a host name stands for. They are kept in the cache
under the page cache's content generation (home/page_cache.py), which every publish,
move, delete, snippet, site and locale change bumps, so they are never stale; each page
view then spends no query on them. Without a cache (Redis
down) they are built for each request, as before.
"""

import contextlib

from django.core.cache import cache
from django.http.request import split_domain_port
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
    site = find_site(request)
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


def shared(name, build):
    """`(build(),)` kept under the content generation for every request, site and language
    (the private sections, the locale table); None without a cache, when the caller does
    what it would without one."""
    generation = page_cache.generation()
    if generation is None:
        return None
    key = f"{name}:{generation}"
    try:
        found = cache.get(key)
    except Exception:  # an unreachable cache: as without one
        return None
    if found is None:
        found = (build(),)  # a tuple, so a cached None is not a miss
        with contextlib.suppress(Exception):  # no cache: built again next time
            cache.set(key, found, TIMEOUT)
    return found


def find_site(request):
    """Site.find_for_request(request), from the cache when it has it."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    generation = page_cache.generation()
    if generation is None:
        return Site.find_for_request(request)
    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail does
    key = f"site:{generation}:{hostname}:{request.get_port()}"
    try:
        found = cache.get(key)
    except Exception:  # an unreachable cache: look it up, as without one
        return Site.find_for_request(request)
    if found is None:
        found = (Site.find_for_request(request),)  # a tuple: "no site" is cached too
        with contextlib.suppress(Exception):
            cache.set(key, found, TIMEOUT)
    request._wagtail_site = found[0]
    return found[0]


def first_live_page(request, model, locale_id, public=False):
    """The first live page of `model` in a locale (the Agenda, the article index: one of each
    per language), remembered like the chrome. `public` leaves out private ones."""

    def build():
        pages = model.objects.live().filter(locale_id=locale_id)
        return (pages.public() if public else pages).order_by("path").first()

    name = f"first:{model._meta.label_lower}:{locale_id}:{int(public)}"
    return remember(request, name, build)
