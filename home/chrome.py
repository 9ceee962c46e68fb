"""What the header and footer of every page show, cached per site and language.

The home page link, the main menu, the footer text and the privacy link change only when
content does, and so does the site a host name stands for. They are kept in the cache
under the page cache's content generation (home/page_cache.py), which every publish,
move, delete, snippet, site and locale change bumps, so they are never stale; each page
view then spends no query on them. Each worker also keeps what it read in memory, for as
long as the generation stays the same (read once per request anyway): a page view reads a
dozen entries, and a round trip to Redis for each cost more than the rest of the chrome.
Without a cache (Redis down) they are built for each request, as before.
"""

import contextlib
import pickle
import threading

from django.core.cache import cache
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Site

from . import page_cache

TIMEOUT = 24 * 3600  # entries of an old generation are unreachable anyway
# What a worker keeps in memory of the current generation: the shared parts and the
# translations and language links of the pages it served (a few kB each).
LOCAL_ENTRIES = 2000
LOCAL_BYTES = 16 * 1024 * 1024

_local = {"generation": None, "entries": {}, "bytes": 0}
_local_lock = threading.Lock()


def _cached(key, generation, build, fresh=None):
    """`(build(),)` under `key` of `generation`: from this worker's memory, else from the
    cache (then remembered here), else built and stored in both. `fresh(value)` False:
    built again (a value that also depends on the time)."""
    local = _local
    data = local["entries"].get(key) if local["generation"] == generation else None
    if data is not None:
        # Pickled: each request gets its own copy, as from Redis (views set attributes
        # on the pages they read).
        found = pickle.loads(data)  # noqa: S301 - our own bytes, made below
        if fresh is None or fresh(found[0]):
            return found
    try:
        found = cache.get(key)
    except Exception:  # an unreachable cache: build it, as without one
        found = None
    if found is not None and fresh is not None and not fresh(found[0]):
        found = None
    if found is None:
        found = (build(),)  # a tuple, so a cached None is not a miss
        with contextlib.suppress(Exception):  # no cache: built again next time
            cache.set(key, found, TIMEOUT)
    _keep(key, generation, pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
    return found


def _keep(key, generation, data):
    global _local
    with _local_lock:
        local = _local
        if local["generation"] != generation:
            if generation < (local["generation"] or 0):
                return  # read before a bump another request has already seen
            local = _local = {"generation": generation, "entries": {}, "bytes": 0}
        entries = local["entries"]
        while entries and (
            len(entries) >= LOCAL_ENTRIES or local["bytes"] + len(data) > LOCAL_BYTES
        ):
            local["bytes"] -= len(entries.pop(next(iter(entries))))  # the oldest first
        if len(data) <= LOCAL_BYTES:
            local["bytes"] += len(data) - len(entries.get(key, b""))
            entries[key] = data


def remember(request, name, build, fresh=None):
    """`build()`'s value for this site and language, from the cache when it has it (and
    `fresh(value)`, when given, says it still holds)."""
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
    memo[name] = _cached(key, generation, build, fresh)[0]
    return memo[name]


def shared(name, build):
    """`(build(),)` kept under the content generation for every request, site and language
    (the private sections, the locale table); None without a cache, when the caller does
    what it would without one."""
    generation = page_cache.generation()
    if generation is None:
        return None
    return _cached(f"{name}:{generation}", generation, build)


def find_site(request):
    """Site.find_for_request(request), from the cache when it has it."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    generation = page_cache.generation()
    if generation is None:
        return Site.find_for_request(request)
    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail does
    key = f"site:{generation}:{hostname}:{request.get_port()}"
    found = _cached(key, generation, lambda: Site.find_for_request(request))
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
