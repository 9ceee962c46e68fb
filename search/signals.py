"""Index pages as they are published, unpublished, moved or made private (search/tasks.py)."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from communities.models import CommunityPage

from . import bitmaps
from .tasks import index_pages_task, index_subtree_task, remove_pages_task


@receiver(page_published)
def page_published_handler(sender, instance, **kwargs):
    if isinstance(instance, CommunityPage):
        # Its meetings and articles show the community's name and region.
        index_subtree_task.enqueue(instance.pk)
    else:
        index_pages_task.enqueue([instance.pk])


@receiver(page_unpublished)
def page_unpublished_handler(sender, instance, **kwargs):
    remove_pages_task.enqueue([instance.pk])


@receiver(post_page_move)
def page_moved_handler(sender, instance, **kwargs):
    index_subtree_task.enqueue(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed_handler(sender, instance, raw=False, **kwargs):
    if not raw:
        index_subtree_task.enqueue(instance.page_id)


@receiver(pre_delete, sender=Page)  # once per page, whatever its type
def page_deleted_handler(sender, instance, **kwargs):
    # The document goes with the page (a cascade); its bits must go first.
    bitmaps.forget([instance.pk])
