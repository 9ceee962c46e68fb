"""{% page_meta %} and {% share_links %}: see home/sharing.py."""

from django import template

from home import sharing

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Canonical URL, Open Graph and Twitter card values for the page being shown, or None."""
    return sharing.page_meta(context.get("page"), context.get("request"), context.get("page_obj"))


@register.simple_tag(takes_context=True)
def share_links(context):
    """The WhatsApp link (and the URL the Web Share button shares) for the page being shown."""
    return sharing.share_links(context.get("page"), context.get("request"))
