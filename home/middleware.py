"""Site-wide middleware: the admin's default language, page routing from the cache, and a
database outage page."""

import contextlib
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from wagtail import views as wagtail_views

from . import chrome, routing
from .page_cache import is_language_path

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class AdminLanguageMiddleware:
    """The Wagtail admin speaks Indonesian unless the editor chose otherwise.

    Wagtail uses the language picked in *Account → Preferred language* when there is one;
    otherwise ("Use server language") it keeps whatever LocaleMiddleware activated, which
    outside the /id/ and /en/ prefixes is the browser's Accept-Language. Editors here work
    in Indonesian first, so admin requests start from ``LANGUAGE_CODE`` instead; an explicit
    preference still wins (Wagtail applies it inside each admin view).
    Place right after LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class PageRoutingMiddleware:
    """Finds the site of a public view, and the page a request to Wagtail's page view is
    for, with the cached site and home page (home/routing.py), before the view asks for
    them. Place after PageCacheMiddleware, so that a page served from the page cache is not
    routed at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_language_path(request):  # the admin, documents, the API: not ours
            return None
        # A lost database is left to the view: its error becomes the 503 page below.
        with contextlib.suppress(OperationalError, InterfaceError):
            chrome.find_site(request)  # for page URLs in any view (search results)
            if view_func is wagtail_views.serve:
                routing.route(request, view_args[0] if view_args else view_kwargs.get("path", ""))
        return None


class DatabaseUnavailableMiddleware:
    """When the database is unreachable, visitors get a translated "try again soon" page.

    Turns a lost database connection during a view into a 503 with Retry-After. The page
    (templates/503.html) is rendered without the request, so no context processor, menu or
    session touches the database again; it is standalone, like 500.html."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=True)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
