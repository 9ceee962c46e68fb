from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.health import healthz
from home.sitemaps import robots_txt, sitemap_index, sitemap_section
from resources.api import api_router

# Outside the language prefix: the admin, document serving, the API and the health check.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("healthz", healthz, name="healthz"),
    # One sitemap and one robots.txt for both languages.
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under /id/ and /en/. A request for "/" gets a 404 from the
# resolver, which LocaleMiddleware turns into a redirect to the visitor's
# language (Accept-Language, then LANGUAGE_CODE).
urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL path", "search/"), include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
