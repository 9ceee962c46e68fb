"""Who may do what, kept next to what it is about.

A regency's district editors and review workflow, and a community's
maintainers and media collection, are created automatically (see
communities/access.py) and recorded here so renames and deletes can follow.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class DistrictAccess(models.Model):
    regency = models.OneToOneField(
        "communities.Regency", on_delete=models.CASCADE, related_name="access"
    )
    editors = models.OneToOneField(
        Group, verbose_name=_("district editors"), on_delete=models.CASCADE, related_name="+"
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("district access")
        verbose_name_plural = _("district access")

    def __str__(self):
        return str(self.regency)


class CommunityAccess(models.Model):
    # All language versions of a community share one translation_key, and one group.
    translation_key = models.UUIDField(unique=True)
    maintainers = models.OneToOneField(
        Group, verbose_name=_("maintainers"), on_delete=models.CASCADE, related_name="+"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("community access")
        verbose_name_plural = _("community access")

    def __str__(self):
        return self.maintainers.name
