from django.db.models.signals import post_save
from django.dispatch import receiver

from communities.models import DistrictAccess

from .access import grant_all_district_editors, grant_all_libraries
from .models import LearningResourceIndexPage


@receiver(post_save, sender=DistrictAccess)
def district_access_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata / restores bring their permissions with them
        return
    grant_all_libraries(instance.editors)


@receiver(post_save, sender=LearningResourceIndexPage)
def library_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    grant_all_district_editors([instance])
