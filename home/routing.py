"""Which site and page a request is for, without Wagtail's queries on every page view.

Wagtail's `Page.route_for_request()` reads the site (by host name), the active locale,
the localized home page and its specific row before it looks for the requested page.
All of them change only when an editor changes a site, a locale or the home page, which
bumps the content generation (home/cache_purge.py): the site is cached under it per host
name and port, the home page per site and language (both in home/chrome.py). The page
found is stored where Wagtail's serve view looks first (`request._wagtail_route_for_request`),
so the view routes no further. The route itself (HomePage.route) still reads the database:
pages are published and moved all the time. Without a cache, every step runs its query.
"""

from django.http import Http404
from wagtail.models import Site

from . import chrome, locales


def localized_root(request):
    """The site's home page in the active language (Wagtail's `root_page.localized`)."""
    site = chrome.find_site(request)
    if site is None:
        return None

    def build():
        # The site read again: the cached one may be of an older generation than this entry.
        fresh = Site.objects.select_related("root_page").filter(pk=site.pk).first()
        return fresh.root_page.localized.specific if fresh else None

    return chrome.remember(request, "root", build)


def route(request, path):
    """What Page.route_for_request(request, path) returns, found with the cached site and
    home page, and remembered on the request where Wagtail's serve view reads it."""
    if not hasattr(request, "_wagtail_route_for_request"):
        root = localized_root(request)
        result = None
        if root is not None:
            try:
                result = root.route(request, [part for part in path.split("/") if part])
            except Http404:
                result = None
        if result is not None:
            locales.prime(result[0])
        request._wagtail_route_for_request = result
    return request._wagtail_route_for_request
