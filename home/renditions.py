"""The image renditions a page shows, made when it is published rather than by its first
visitor (an AVIF rendition takes about 0.35 s to encode).

The specs below are the ones the templates' {% picture %} tags and the Python renderers
(JSON-LD, og:image) ask for, word for word: tests/home/test_renditions_on_publish.py parses
every template and fails when a {% picture %} tag and PICTURES differ. The work runs after
the publish commits, as a task (home/tasks.py): inline with the default immediate backend,
in `manage.py db_worker` with TASKS_BACKEND=database (docs/scaling.md). Existing content is
warmed with `manage.py generate_renditions`.
"""

import logging
from functools import partial

from django.db import transaction
from django.dispatch import receiver
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.models import Filter
from wagtail.signals import page_published

from home.blocks import ImageBlock, VideoBlock
from home.sharing import SHARE_IMAGE_SPEC, page_image

logger = logging.getLogger(__name__)

ARTICLE_COVER = "format-{avif,webp,jpeg} fill-{1280x720,960x540,640x360}"
# Listings (article index, community page, home page) show other pages' covers as cards.
ARTICLE_CARD = "format-{avif,webp,jpeg} fill-{800x450,640x360,400x225}"
IMAGE_BLOCK = "format-{avif,webp,jpeg} width-{1200,800,480}"
VIDEO_POSTER = "format-{avif,webp,jpeg} fill-{1200x675,800x450,480x270}"
# Each template's {% picture %} specs.
PICTURES = {
    "communities/practice_article_page.html": {ARTICLE_COVER},
    "communities/includes/article_card.html": {ARTICLE_CARD},
    "blocks/image_block.html": {IMAGE_BLOCK},
    "blocks/video_block.html": {VIDEO_POSTER},
}
# PracticeArticlePage.json_ld()'s image.
ARTICLE_JSON_LD = "fill-1200x675"

# Image fields of a page (by model label) and the specs that show them, on the page itself
# and in other pages' listings. "relation.field" is an image of an inline panel's items.
IMAGE_FIELDS = {
    "communities.practicearticlepage": {
        "cover_image": (ARTICLE_COVER, ARTICLE_CARD, ARTICLE_JSON_LD),
    },
}
# StreamField blocks that show an image: (block class, its image child, spec).
IMAGE_BLOCKS = ((ImageBlock, "image", IMAGE_BLOCK), (VideoBlock, "poster", VIDEO_POSTER))


def _field_images(page):
    for path, specs in IMAGE_FIELDS.get(page._meta.label_lower, {}).items():
        relation, _, field = path.rpartition(".")
        items = getattr(page, relation).all() if relation else [page]
        for item in items:
            for spec in specs:
                yield getattr(item, field), spec


def _block_images(block, value):
    """(image, spec) of every image block inside a StreamField value, at any depth."""
    if value is None:
        return
    for block_class, child, spec in IMAGE_BLOCKS:
        if isinstance(block, block_class):
            yield value.get(child), spec
            return
    if isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _block_images(child_block, value.get(name))
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _block_images(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _block_images(block.child_block, item)


def page_renditions(page):
    """{image: [filter specs]}: every rendition `page` (a specific page) shows, its share
    image, and the cards that listings show of it."""
    wanted = list(_field_images(page))
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            stream = getattr(page, field.name)
            wanted += _block_images(stream.stream_block, stream)
    wanted.append((page_image(page)[0], SHARE_IMAGE_SPEC))

    images, specs = {}, {}
    for image, spec in wanted:
        if image is None:
            continue
        images.setdefault(image.pk, image)
        specs.setdefault(image.pk, {}).update(dict.fromkeys(Filter.expand_spec(spec)))
    return {images[pk]: list(specs[pk]) for pk in images}


def generate_for_page(page):
    """Make the renditions `page` shows that do not exist yet, several per image at once
    (Wagtail reads the original once). A broken image is logged and skipped: it must not
    stop the others, nor the publish that asked for them. Returns the number of images."""
    done = 0
    for image, specs in page_renditions(page).items():
        try:
            image.get_renditions(*specs)
        except Exception:
            logger.exception(
                "Could not make the renditions of image %s for page %s", image.pk, page.pk
            )
        else:
            done += 1
    return done


@receiver(page_published)
def generate_on_publish(sender, instance, **kwargs):
    from home.tasks import generate_renditions_task  # home.tasks imports this module

    # After the commit: a worker must see the published content; robust: a failure to
    # enqueue is logged, the publish has already succeeded.
    transaction.on_commit(partial(generate_renditions_task.enqueue, instance.pk), robust=True)
