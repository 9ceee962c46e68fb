from django import template

from resources.featured import featured_collections

register = template.Library()


@register.simple_tag
def featured_resource_collections(limit=3):
    """Featured collections in the active language, for the home page."""
    return featured_collections(limit=limit)
