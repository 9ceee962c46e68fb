"""The shared StreamField block library used by every page that has a body.

Each block renders with its own template under templates/blocks/. Rules that
span fields live in the block's clean() so editors see a message on the field.
"""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Video hosts we can embed without loading anything before the visitor clicks.
YOUTUBE_RE = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/|live/)"
    r"|youtu\.be/)(?P<id>[A-Za-z0-9_-]{11})"
)
VIMEO_RE = re.compile(r"^https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(?P<id>\d{6,12})")


def parse_video_url(url):
    """Return (provider, embed_url, watch_url) for a YouTube or Vimeo URL, or None."""
    url = (url or "").strip()
    if match := YOUTUBE_RE.match(url):
        video_id = match["id"]
        return (
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0",
            f"https://www.youtube.com/watch?v={video_id}",
        )
    if match := VIMEO_RE.match(url):
        video_id = match["id"]
        return (
            "vimeo",
            f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1",
            f"https://vimeo.com/{video_id}",
        )
    return None


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The level becomes a tag name: only a level the editor can choose, whatever is stored.
        level = value.get("level")
        context["tag"] = level if level in dict(self.child_blocks["level"].field.choices) else "h2"
        return context

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Paragraph")
        description = _("Formatted text")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative only"),
        required=False,
        help_text=_("Tick only if the image adds no information; it will have empty alt text."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList([_("Describe the image, or mark it as decorative.")])
                }
            )
        return value

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation, for example from a teacher or a reflection")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=250,
        help_text=_("Leave empty to use the document's own title."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Document")
        description = _("A downloadable document with its type and size")


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("Video URL"),
        help_text=_("A YouTube or Vimeo address, for example https://www.youtube.com/watch?v=..."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=250)
    poster = ImageChooserBlock(
        label=_("Preview image"),
        required=False,
        help_text=_("Shown until the visitor plays the video; nothing loads from YouTube before."),
    )
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if parse_video_url(value.get("url")) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ErrorList(
                        [ValidationError(_("Enter a YouTube or Vimeo video address."))]
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parsed = parse_video_url(value.get("url"))
        if parsed:
            provider, context["embed_url"], context["watch_url"] = parsed
            context["provider"] = {"youtube": "YouTube", "vimeo": "Vimeo"}[provider]
        return context

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        description = _("A YouTube or Vimeo video that loads only when the visitor plays it")


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every page body may use."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    video = VideoBlock()
