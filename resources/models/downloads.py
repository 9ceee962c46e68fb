from django.db import models
from django.utils.translation import gettext_lazy as _


class DownloadCount(models.Model):
    """How often a document of a resource was downloaded through the serve view."""

    resource = models.ForeignKey(
        "resources.LearningResourcePage", on_delete=models.CASCADE, related_name="download_counts"
    )
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "document"], name="resources_unique_download_count"
            )
        ]

    def __str__(self):
        return f"{self.resource_id}/{self.document_id}: {self.count}"
