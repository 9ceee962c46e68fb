"""Vocabularies that editors may extend: school levels, subjects and topics.

Translatable snippets: the name is translated, the slug stays the same in
both languages so filter URLs work in either.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonomyTerm(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, help_text=_("Used in filter addresses."))
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="%(app_label)s_%(class)s_unique_slug_locale"
            )
        ]

    def __str__(self):
        return self.name


class SchoolLevel(TaxonomyTerm):
    """Jenjang: PAUD, SD, SMP, SMA, SMK, SLB."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("school level")
        verbose_name_plural = _("school levels")


class Subject(TaxonomyTerm):
    """Mata pelajaran of Kurikulum Merdeka."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")


class Topic(TaxonomyTerm):
    """A theme a community or resource is about, e.g. differentiated learning."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
