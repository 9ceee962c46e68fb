"""Which page stands for "this page" in another language.

Used by the language switcher and the hreflang alternates in base.html.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

# ?only_in=<code> on a fallback link: the page the visitor came from exists only in <code>.
FALLBACK_PARAMETER = "only_in"
FALLBACK_NOTICES = {
    "id": _("The page you were on is available only in Indonesian."),
    "en": _("The page you were on is available only in English."),
}


def localized_home(request, language_code=None):
    """The site's home page in the given (or active) language, if it is live."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language_code = language_code or translation.get_language()
    root = site.root_page
    if root.locale.language_code == language_code:
        return root
    return root.get_translations().live().filter(locale__language_code=language_code).first()


def page_alternates(page, request=None):
    """Live translations of a page, including itself, keyed by language code.

    The hreflang links, the switcher and the share tags all need it: remembered like the
    chrome (home/chrome.py), since any publish, unpublish, move or delete of a translation
    bumps the content generation."""
    from . import chrome  # imports Wagtail's views, not importable while models load

    if page is None or not getattr(page, "pk", None):
        return {}

    return chrome.remember(request, f"alternates:{page.pk}", lambda: _alternates(page))


def _alternates(page):
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p for p in translations}


def nearest_translated_ancestor(page, language_code):
    """The deepest live ancestor of `page` that exists in `language_code` (two queries)."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    keys = list(ancestors.values_list("translation_key", flat=True))
    candidates = (
        Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language_code)
        .order_by("-depth")
    )
    return candidates.first()


def language_links(request, page=None):
    """One link per content language: the translation of the current page when it
    exists, else its nearest translated ancestor, else that language's home page.
    For a page, remembered like the chrome (its translations and ancestors change only
    with a publish, move or delete); other views link to their own path."""
    from . import chrome

    if page is not None and getattr(page, "pk", None):
        # Built from a fresh read of the translations: the remembered ones may be of an
        # older generation than this entry.
        build = lambda: _links(request, page, _alternates(page))  # noqa: E731
        return chrome.remember(request, f"languages:{page.pk}", build)
    return _links(request, page, {})


def _links(request, page, alternates):
    current = translation.get_language()
    links = []
    is_page = page is not None and bool(getattr(page, "pk", None))
    for code, name in settings.LANGUAGES:
        target = alternates.get(code)
        exact = target is not None
        url = target.get_url(request) if exact else None
        if url is None and is_page:
            ancestor = nearest_translated_ancestor(page, code)
            url = ancestor.get_url(request) if ancestor else None
        if url is None and page is None:
            # A non-page view (404, search, ...): the same path in the other language, with
            # its query string, so a search is repeated in the other language.
            full_path = request.get_full_path()
            translated = translate_url(full_path, code)
            url = translated if translated != full_path or code == current else None
        if url is None:
            home = localized_home(request, code)
            url = home.get_url(request) if home else f"/{code}/"
        if is_page and not exact and code != current:
            # Tell the landing page why the visitor is not on "this page" in `code`.
            url = f"{url}?{urlencode({FALLBACK_PARAMETER: current})}"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "exact": exact,
            }
        )
    return links


def fallback_notice(request):
    """The notice for a visitor who followed a fallback link of the language switcher
    (``?only_in=id`` on an English page), or None. Unknown values and the page's own
    language are ignored; the message is ours, never the parameter."""
    code = request.GET.get(FALLBACK_PARAMETER, "") if request is not None else ""
    if code == translation.get_language():
        return None
    notice = FALLBACK_NOTICES.get(code)
    return {"code": code, "text": notice} if notice else None


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()
