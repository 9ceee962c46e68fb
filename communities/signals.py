"""Keep groups, permissions and denormalised regions in step with the page tree."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import post_page_move

from .access import ensure_community_access, ensure_district_access, remove_community_access
from .models import CommunityPage, RegionPage


@receiver(post_save, sender=RegionPage)
def region_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.regency_id:
        ensure_district_access(instance)


@receiver(post_save, sender=CommunityPage)
def community_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        ensure_community_access(instance)


@receiver(post_delete, sender=CommunityPage)
def community_deleted(sender, instance, **kwargs):
    remove_community_access(instance.translation_key)


@receiver(post_page_move)
def community_moved(sender, instance, parent_page_after, **kwargs):
    if isinstance(instance.specific_deferred, CommunityPage):
        regency_id = getattr(parent_page_after.specific, "regency_id", None)
        CommunityPage.objects.filter(pk=instance.pk).update(regency_id=regency_id)
