"""Index pages as they are published, unpublished, moved or made private."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from communities.models import CommunityPage

from . import indexer


@receiver(page_published)
def page_published_handler(sender, instance, **kwargs):
    if isinstance(instance, CommunityPage):
        # Its meetings and articles show the community's name and region.
        indexer.index_subtree(instance)
    else:
        indexer.index_pages([instance])


@receiver(page_unpublished)
def page_unpublished_handler(sender, instance, **kwargs):
    indexer.remove_pages([instance.pk])


@receiver(post_page_move)
def page_moved_handler(sender, instance, **kwargs):
    indexer.index_subtree(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed_handler(sender, instance, raw=False, **kwargs):
    if not raw:
        indexer.index_subtree(instance.page)
