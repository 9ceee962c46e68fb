from django import template

from home import chrome
from home.i18n import (
    active_locale,
    fallback_notice,
    language_links,
    localized_home,
    page_alternates,
)
from home.models import FooterText
from home.privacy import privacy_page
from home.rich_text import sanitised_html

register = template.Library()


@register.simple_tag(takes_context=True)
def get_language_links(context):
    return language_links(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def get_fallback_notice(context):
    """{"code", "text"} when the visitor arrived through a fallback link of the switcher."""
    return fallback_notice(context.get("request"))


@register.simple_tag(takes_context=True)
def get_alternates(context):
    """[(language_code, absolute URL)] for <link rel="alternate" hreflang>."""
    request = context["request"]
    alternates = page_alternates(context.get("page"), request)
    return [(code, page.get_full_url(request)) for code, page in alternates.items()]


@register.simple_tag(takes_context=True)
def get_home(context):
    request = context.get("request")
    if request is None:
        return None
    return chrome.remember(request, "home", lambda: localized_home(request))


@register.simple_tag(takes_context=True)
def get_main_menu(context):
    """The live, in-menu children of the home page in the active language,
    each marked active when the current page is it or lies below it."""
    home = get_home(context)
    if home is None:
        return []
    current = context.get("page")
    current_path = getattr(current, "path", "") or ""
    request = context.get("request")

    def build():
        return [
            {"title": item.title, "url": item.get_url(request), "path": item.path}
            for item in home.get_children().live().in_menu()
        ]

    return [
        {**item, "active": current_path.startswith(item["path"])}
        for item in chrome.remember(request, "menu", build)
    ]


@register.simple_tag(takes_context=True)
def get_footer_html(context):
    """The footer text of the active language, rendered (links expanded), or ""."""

    def build():
        footer = FooterText.objects.filter(locale=active_locale()).first()
        return sanitised_html(footer.body) if footer and footer.body else ""

    # sanitised_html's SafeString stays one through the cache (pickle keeps the class).
    return chrome.remember(context.get("request"), "footer", build)


@register.simple_tag(takes_context=True)
def get_privacy_page(context):
    """The privacy notice in the active language, or None (see home/privacy.py)."""
    return chrome.remember(context.get("request"), "privacy", privacy_page)
