"""The page cache: whole pages for anonymous visitors, never stale, and headers a CDN follows.

Why our own and not wagtail-cache: wagtail-cache 3.0 (its newest release) requires
Wagtail < 8. What it does fits in this module, with two things it lacks: a content
*generation* in every key (any publish makes every older entry unreachable, so purging is
complete by construction), and the CSRF signal instead of a list of page types.

What is cached (`PageCacheMiddleware`): GET and HEAD answers of Wagtail's page view
(pages, their listings, feeds and .ics files) with status 200, 301 or 404, for visitors
without a session, in both languages. The key is the scheme, host, path (which carries the
language), the query string (sorted, known parameters only) and the generation.

Never cached, and sent with ``Cache-Control: private, no-store``: signed-in users (and any
request with a session or messages cookie), Wagtail previews, pages that render a CSRF
token (meeting registration forms), responses that set a cookie. Responses whose view sets
its own Cache-Control are left as they are and never stored: Wagtail marks private pages
(view restrictions) and its login redirects ``no-store``, the search suggestions say
``public, max-age=300``. The admin, documents, the API, /healthz and the search page are
not page views and are never stored.

If the cache is unreachable (Redis down), pages are served uncached: the failure is logged
as a warning once a minute and the cache is left alone for `RETRY_AFTER` seconds, so a
dead Redis costs one socket timeout per worker and half-minute instead of one per request.
"""

import contextvars
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.utils.cache import (
    add_never_cache_headers,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.translation import get_language_from_path
from wagtail import views as wagtail_views

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
CACHED_STATUSES = frozenset({200, 301, 404})
# Every parameter a page view reads (listing filters, facets, sort, page, the language
# switcher's fallback notice); tests/home/test_page_cache.py checks the listings' forms and
# facets against it. A request with any other parameter is served, but not stored: an
# unknown parameter can't fill the cache, nor make it answer with a page built without it.
QUERY_PARAMETERS = frozenset(
    {
        "q", "page", "sort", "lang", "only_in",
        "province", "regency", "level", "subject", "topic", "type", "mode",
        "activity", "month", "phase", "language", "licence", "kind", "region",
    }
)  # fmt: skip
# Campaign and click identifiers: no view reads them. They are dropped from the request
# before any view sees it, so `?utm_source=wa` is the same page (and cache entry).
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid",
     "mc_eid", "_ga", "_gl", "ref_src"}
)  # fmt: skip
TRACKING_PREFIXES = ("utm_",)
# Headers recomputed on every answer (or personal) are not stored.
UNSTORED_HEADERS = frozenset({"cache-control", "expires", "set-cookie", "vary"})
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage
RETRY_AFTER = 30  # seconds without cache calls after a failure
LOG_EVERY = 60  # seconds between two warnings about the same outage

_down_until = 0.0
_last_warning = 0.0


def timeout():
    """Seconds an entry lives in the server cache (PAGE_CACHE_TIMEOUT; 0 turns it off)."""
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 300)


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _available():
    return time.monotonic() >= _down_until


def _failed(operation, error):
    """Stop calling the cache for a while and say so (at most once a minute)."""
    global _down_until, _last_warning
    now = time.monotonic()
    _down_until = now + RETRY_AFTER
    if now - _last_warning >= LOG_EVERY:
        _last_warning = now
        logger.warning("Page cache unavailable (%s: %s); serving pages uncached.", operation, error)


def reset_availability():
    """Forget an outage (tests, or a worker that knows the cache is back)."""
    global _down_until, _last_warning
    _down_until = _last_warning = 0.0


def _call(operation, default, *args):
    if not _available():
        return default
    try:
        return getattr(_cache(), operation)(*args)
    except Exception as error:  # any cache backend error: serve without the cache
        _failed(operation, error)
        return default


# --- the generation ---------------------------------------------------------------------------


# Read once per request (PageCacheMiddleware sets the memo): a page asks for it a dozen
# times (the chrome, locales, restrictions), each a round trip to Redis.
_request_memo = contextvars.ContextVar("page_cache_generation", default=None)


def generation():
    memo = _request_memo.get()
    if memo and "generation" in memo:
        return memo["generation"]
    current = _call("get", None, GENERATION_KEY)
    if current is None:
        # time_ns: a generation lost with the cache restarts above every earlier one.
        _call("add", False, GENERATION_KEY, time.time_ns(), None)
        current = _call("get", None, GENERATION_KEY)
    if memo is not None:
        memo["generation"] = current
    return current


def _bump():
    memo = _request_memo.get()
    if memo:  # this request changed content: read the new generation from now on
        memo.pop("generation", None)
    try:
        _cache().incr(GENERATION_KEY)
    except ValueError:  # evicted, or never set
        _call("set", None, GENERATION_KEY, time.time_ns(), None)
    except Exception as error:
        _failed("incr", error)


def content_changed():
    """Every cached page is out of date: bump now and again when the transaction commits,
    so a request that read the old data during the transaction can't keep its answer."""
    _bump()
    transaction.on_commit(_bump)


# --- requests ---------------------------------------------------------------------------------


def _is_tracking(name):
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def drop_tracking_parameters(request):
    """Remove campaign parameters from the request, so no view (nor the key) sees them."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    params = QueryDict(query, mutable=True)
    tracking = [name for name in params if _is_tracking(name)]
    if not tracking:
        return
    for name in tracking:
        del params[name]
    request.META["QUERY_STRING"] = params.urlencode()
    request.GET = QueryDict(request.META["QUERY_STRING"])


def is_language_path(request):
    return bool(get_language_from_path(request.path_info))


def is_personal_request(request):
    """A request whose answer may differ from the anonymous page, or must not be shared."""
    if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def is_personal_response(request, response):
    # The csrf_token tag (any form that posts) marks the request through get_token(); a
    # page holding one visitor's token must not be served to another.
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies)


def cache_key(request):
    """The entry's key, or None when the query string has a parameter we don't know."""
    params = QueryDict(request.META.get("QUERY_STRING", ""))
    if any(name not in QUERY_PARAMETERS for name in params):
        return None
    query = sorted((name, value) for name in params for value in params.getlist(name))
    parts = "\n".join(
        [
            request.scheme,
            request.get_host(),
            request.path,
            get_language_from_path(request.path_info) or "",
            repr(query),
        ]
    )
    return f"page:{generation()}:{hashlib.sha256(parts.encode()).hexdigest()}"


# --- responses --------------------------------------------------------------------------------


def fetch(key):
    stored = _call("get", None, key)
    if stored is None:
        return None
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response.from_page_cache = True
    return response


def store(key, response):
    headers = [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS]
    _call("set", None, key, (response.status_code, headers, response.content), timeout())


def add_public_headers(request, response):
    """Browsers keep a page PAGE_CACHE_MAX_AGE seconds; shared caches (CDN, Varnish) keep
    one without a query string CDN_MAX_AGE seconds, because a publish purges that exact
    URL. Filtered listings (`?province=…`) can't be purged one by one: shared caches keep
    them no longer than browsers do."""
    max_age = getattr(settings, "PAGE_CACHE_MAX_AGE", 60)
    if request.META.get("QUERY_STRING"):
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        s_maxage = getattr(settings, "CDN_MAX_AGE", 600)
        patch_cache_control(response, public=True, max_age=max_age, s_maxage=s_maxage)
    # Signed-in visitors get another page (the editor's userbar) at the same URL.
    patch_vary_headers(response, ["Cookie"])


class PageCacheMiddleware:
    """Serve and store anonymous page views, and say who may cache them (Cache-Control).

    Place after AuthenticationMiddleware and MessageMiddleware (it reads the user, and sees
    the cookies those set) and after CsrfViewMiddleware (which clears the CSRF mark on its
    way out). It looks the page up in process_view, where it knows the request is for
    Wagtail's page view; Wagtail's previews never get there."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and is_language_path(request):
            drop_tracking_parameters(request)
        token = _request_memo.set({})
        try:
            response = self.get_response(request)
        finally:
            _request_memo.reset(token)
        return self.process_response(request, response)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or request.method not in ("GET", "HEAD"):
            return None
        request.page_cache = {"key": None}
        if is_personal_request(request) or not timeout():
            return None
        key = cache_key(request)
        request.page_cache["key"] = key
        return fetch(key) if key else None

    def process_response(self, request, response):
        if not is_language_path(request):
            return response
        if response.has_header("Cache-Control"):
            return response  # the view decided (private pages, suggestions)
        if is_personal_request(request) or is_personal_response(request, response):
            add_never_cache_headers(response)
            return response
        state = getattr(request, "page_cache", None)
        if state is None or response.status_code not in CACHED_STATUSES or response.streaming:
            return response
        add_public_headers(request, response)
        if (
            state["key"]
            and request.method == "GET"
            and not getattr(response, "from_page_cache", False)
        ):
            store(state["key"], response)
        return response


class LanguageRedirectCacheMiddleware:
    """ "/" (or any path without a language) is redirected by LocaleMiddleware to the
    visitor's language, chosen by Accept-Language. Mark that redirect private, so a CDN told
    to cache everything can't send every visitor to the first one's language.
    Place right before LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not is_language_path(request)
            and has_vary_header(response, "Accept-Language")
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, private=True, max_age=0)
        return response
