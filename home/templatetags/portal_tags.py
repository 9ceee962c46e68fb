from django import template
from django.utils import timezone

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


@register.tag("remembered")
def remembered(parser, token):
    """{% remembered "name" value... [until=time] %}…{% endremembered %}: the enclosed part
    rendered once per content generation, site and language (home/chrome.py), for the name
    and values given (e.g. the page's id). Only for what changes with content, and with
    the time only at `until` (a datetime or None, read after the part is rendered): not
    with the visitor nor the query string. A preview renders it afresh."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    until = None
    if bits[-1].startswith("until="):
        until = parser.compile_filter(bits.pop()[len("until=") :])
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]], until)


class RememberedNode(template.Node):
    def __init__(self, nodelist, key, until):
        self.nodelist = nodelist
        self.key = key
        self.until = until

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        name = ":".join(str(part.resolve(context)) for part in self.key)

        def build():
            html = self.nodelist.render(context)
            return html, self.until.resolve(context) if self.until else None

        def fresh(value):
            return value[1] is None or value[1] > timezone.now()

        # A SafeString stays one through the cache (pickle keeps the class).
        return chrome.remember(request, f"fragment:{name}", build, fresh)[0]
