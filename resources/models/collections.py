"""Curated collections: ordered sets of resources with an introduction."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ResourceCollection(TranslatableMixin, ClusterableModel):
    """A set of resources a district editor put together, e.g. "Paket asesmen diagnostik SD"."""

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on the home page.")
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        FieldPanel("featured"),
        FieldPanel("sort_order"),
        InlinePanel("items", label=_("Resource")),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("introduction"),
        SynchronizedField("featured"),
        SynchronizedField("sort_order"),
        SynchronizedField("items"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("resource collection")
        verbose_name_plural = _("resource collections")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title


class ResourceCollectionItem(Orderable):
    collection = ParentalKey(ResourceCollection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(
        "resources.LearningResourcePage",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("resource")]
