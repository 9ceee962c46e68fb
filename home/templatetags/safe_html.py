"""Filters for what editors (or anyone who can write to the database) control.

``{{ page.body_field|safe_richtext }}`` instead of Wagtail's ``richtext``, and
``{{ page.some_url|safe_url }}`` for a URL put in an ``href`` (see home/rich_text.py).
"""

from django import template

from home.rich_text import safe_url as _safe_url
from home.rich_text import sanitised_html

register = template.Library()


@register.filter
def safe_richtext(value):
    return sanitised_html(value)


@register.filter
def safe_url(value):
    return _safe_url(value)
