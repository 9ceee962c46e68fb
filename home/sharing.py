"""What a page says about itself to search engines and to the apps it is shared to:
its canonical URL, Open Graph and Twitter card tags, and a WhatsApp share link.

Rendered by templates/includes/meta_tags.html and share_links.html (home/templatetags/
sharing_tags.py). Everything is computed here so tests can see it.
"""

import html
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from home.i18n import page_alternates

# Open Graph wants a territory with the language.
OG_LOCALES = {"id": "id_ID", "en": "en_US"}
# Open Graph types by page model; everything else is a "website". Meetings stay "website":
# "event" is not an Open Graph type (Facebook rejects it); their JSON-LD says Event.
OG_TYPES = {"communities.practicearticlepage": "article"}
# The size Facebook, WhatsApp and X crop shared links to, as JPEG: not every app reads WebP.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
# Page fields that can describe a page, best first (rich text is reduced to plain text).
DESCRIPTION_FIELDS = ("search_description", "summary", "introduction", "hero_text", "agenda")
DESCRIPTION_LENGTH = 200
# Stream fields whose first image stands for a page without a cover image.
IMAGE_STREAMS = ("body", "documentation")


def is_page(page):
    return isinstance(page, Page) and bool(page.pk)


def canonical_url(page, request, page_obj=None):
    """The absolute URL of `page` in its own language, without the query string: filtered
    listings and fallback links (?only_in=) point to the plain page. Only the page number
    of an unfiltered listing is kept, so every page of a long listing can be found."""
    url = page.get_full_url(request)
    if url is None:
        return None
    number = getattr(page_obj, "number", 1)
    if number > 1 and request is not None and set(request.GET) <= {"page"}:
        url = f"{url}?{urlencode({'page': number})}"
    return url


def page_description(page):
    """Plain text for og:description: the search description, else the summary,
    introduction or agenda, shortened to about two lines."""
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, None)
        text = " ".join(html.unescape(strip_tags(str(value or ""))).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def page_image(page):
    """(image, alt text) that stands for the page: its cover image, else the first image
    block of its body or documentation (a decorative one has no alt text); or (None, "")."""
    cover = getattr(page, "cover_image", None)
    if cover is not None:
        return cover, getattr(page, "cover_image_alt", "")
    for name in IMAGE_STREAMS:
        for block in getattr(page, name, None) or ():
            if block.block_type == "image" and block.value.get("image"):
                value = block.value
                return value["image"], "" if value.get("decorative") else value.get("alt_text", "")
    return None, ""


def absolute(url, base):
    """`url` made absolute against the scheme and host of `base` (media may live elsewhere)."""
    if urlsplit(url).scheme:
        return url
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}{url}"


def share_image(page, base):
    image, alt = page_image(page)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except SourceImageIOError:
        return None  # the original file is missing: share without a picture
    return {
        "url": absolute(rendition.url, base),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


def page_meta(page, request, page_obj=None):
    """Everything meta_tags.html prints for `page`, or None for a page without a URL
    (an unsaved preview) and for views that are not pages."""
    if not is_page(page):
        return None
    canonical = canonical_url(page, request, page_obj)
    if canonical is None:
        return None
    specific = page.specific_deferred if type(page) is Page else page
    language = page.locale.language_code
    alternates = page_alternates(page, request)
    image = share_image(specific, canonical)
    meta = {
        "canonical": canonical,
        "title": specific.seo_title or specific.title,
        "description": page_description(specific),
        "type": OG_TYPES.get(specific._meta.label_lower, "website"),
        "locale": OG_LOCALES.get(language, language),
        "locale_alternates": [
            OG_LOCALES.get(code, code) for code in alternates if code != language
        ],
        "site_name": str(settings.WAGTAIL_SITE_NAME),
        "image": image,
        "twitter_card": "summary_large_image" if image else "summary",
    }
    if meta["type"] == "article":
        meta["published_time"] = getattr(specific, "date", None)
        meta["modified_time"] = specific.last_published_at
    return meta


def share_links(page, request):
    """The page's share URL and a WhatsApp link that carries its title and URL.
    A plain link: nothing is requested from WhatsApp until the visitor follows it."""
    if not is_page(page):
        return None
    url = page.get_full_url(request)
    if url is None:
        return None
    title = page.title
    return {
        "url": url,
        "title": title,
        "whatsapp_url": "https://wa.me/?text=" + quote(f"{title} {url}", safe=""),
    }
