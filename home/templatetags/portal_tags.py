from django import template

from home.i18n import (
    active_locale,
    fallback_notice,
    language_links,
    localized_home,
    page_alternates,
)
from home.models import FooterText

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
    return localized_home(request) if request else None


@register.simple_tag(takes_context=True)
def get_main_menu(context):
    """The live, in-menu children of the home page in the active language,
    each marked active when the current page is it or lies below it."""
    home = get_home(context)
    if home is None:
        return []
    current = context.get("page")
    current_path = getattr(current, "path", "") or ""
    return [
        {"page": item, "active": current_path.startswith(item.path)}
        for item in home.get_children().live().in_menu()
    ]


@register.simple_tag
def get_footer_text():
    return FooterText.objects.filter(locale=active_locale()).first()
