"""Keep groups, permissions, denormalised regions and meeting dates in step with the page tree."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .access import (
    ensure_community_access,
    ensure_district_access,
    ensure_private_collection,
    remove_community_access,
)
from .models import CommunityAccess, CommunityPage, MeetingOccurrence, MeetingPage, RegionPage
from .models.occurrences import write_occurrences


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
        # The new district's editors may open the community's internal documents.
        access = CommunityAccess.objects.filter(translation_key=instance.translation_key).first()
        if access is not None:
            ensure_private_collection(access, regency_id)


@receiver(page_published, sender=MeetingPage)
def meeting_published(sender, instance, **kwargs):
    write_occurrences([instance])


@receiver(page_unpublished, sender=MeetingPage)
def meeting_unpublished(sender, instance, **kwargs):
    MeetingOccurrence.objects.filter(meeting=instance).delete()
