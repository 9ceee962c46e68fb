"""Rich text as visitors see it: Wagtail's expansion of the stored HTML, then sanitised.

The editor (Draftail) stores only what a field's features allow, but rich text can reach the
database by other ways: a translation or import, a script, a restored backup, a direct write.
Wagtail renders stored HTML as it is, so a ``<script>`` or an ``onerror`` there would run.
Every rich text in our templates goes through ``safe_richtext`` (home/templatetags/safe_html.py),
which keeps Wagtail's own allow-list of elements (paragraphs, headings, lists, bold, italic,
links, ...) and attributes (``href`` with http, https, mailto, tel or a relative URL only).
"""

from functools import lru_cache

from django.utils.safestring import mark_safe
from wagtail.rich_text import RichText, expand_db_html
from wagtail.whitelist import DEFAULT_ELEMENT_RULES, Whitelister, check_url


class FrontendWhitelister(Whitelister):
    # Our rich text features have no images: an <img> in stored rich text was not put there
    # by the editor.
    element_rules = {tag: rule for tag, rule in DEFAULT_ELEMENT_RULES.items() if tag != "img"}


@lru_cache(maxsize=2048)
def _clean(html):
    # The same expanded HTML (links already resolved for the reader's site and language)
    # always cleans to the same result: cache it, parsing is the expensive part.
    return FrontendWhitelister().clean(html)


def sanitised_html(value):
    """Front-end HTML for a rich text value (a RichText or a stored string)."""
    if value is None:
        return ""
    source = value.source if isinstance(value, RichText) else str(value)
    return mark_safe(_clean(expand_db_html(source)))  # noqa: S308 - cleaned above


def safe_url(url):
    """`url` if a browser may follow it as a link (no javascript:, data:, ...), else ""."""
    url = (url or "").strip()
    return url if url and check_url(url) is not None else ""
