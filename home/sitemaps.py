"""/sitemap.xml and /robots.txt, served at the root (outside the language prefixes).

Wagtail's own sitemap lists the descendants of the site's root page, which is the
Indonesian home page only: the English tree is its sibling. This one lists every live,
public page of the site in every language, each with its translations as
<xhtml:link rel="alternate" hreflang> (and x-default, the Indonesian page, as base.html).
/sitemap.xml is an index of numbered sitemap files, because a national dataset holds more
pages than the 50,000 URLs one sitemap file may carry.
"""

from django.conf import settings
from django.db.models import Max, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Page

# URLs per sitemap file: small enough that each file renders in about a second.
SITEMAP_LIMIT = 5000
# Search engines read sitemaps rarely; building one walks thousands of pages.
SITEMAP_CACHE_SECONDS = 30 * 60
X_DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


class PortalSitemap(Sitemap):
    """Every live, public page under the site's root page or one of its translations."""

    limit = SITEMAP_LIMIT

    def language_roots(self):
        root = self.get_wagtail_site().root_page
        return list(root.get_translations(inclusive=True))

    def items(self):
        in_site = Q()
        for root in self.language_roots():
            in_site |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_site)
            .order_by("path")
            .defer_streamfields()
            .specific(defer=True)
        )

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item; one aggregate is enough.
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        alternates = self.alternates_for(items)
        urls, last_mods = [], set()
        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                versions = alternates.get(item.translation_key, {})
                if len(versions) > 1:
                    url_info["alternates"] = [
                        {"lang_code": code, "location": location}
                        for code, location in sorted(versions.items())
                    ]
                    if X_DEFAULT_LANGUAGE in versions:
                        url_info["alternates"].append(
                            {"lang_code": "x-default", "location": versions[X_DEFAULT_LANGUAGE]}
                        )
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates_for(self, items):
        """{translation_key: {language code: absolute URL}} of the live, public versions
        of `items` (one query for the whole sitemap file)."""
        keys = {item.translation_key for item in items}
        versions = (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .only("translation_key", "url_path", "locale__language_code")
        )
        result = {}
        for version in versions:
            location = version.get_full_url(self.request)
            if location:
                code = version.locale.language_code
                result.setdefault(version.translation_key, {})[code] = location
        return result


SITEMAPS = {"pages": PortalSitemap}


@require_GET
@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_index(request):
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")


@require_GET
@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


@require_GET
def robots_txt(request):
    """Crawl everything public except the admin, the API and search results (each query
    would be a page of its own); the sitemap lists the rest."""
    disallowed = ["/admin/", "/api/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            disallowed.append(reverse("search"))
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in dict.fromkeys(disallowed)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
