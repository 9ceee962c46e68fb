"""Sumber Belajar: the library index and the learning resources district editors curate."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import parse_video_url


class ResourceType(models.TextChoices):
    TEACHING_MODULE = "teaching_module", _("Teaching module (modul ajar)")
    WORKSHEET = "worksheet", _("Student worksheet (LKPD)")
    VIDEO = "video", _("Video")
    PRESENTATION = "presentation", _("Presentation")
    ASSESSMENT = "assessment", _("Assessment")
    ARTICLE = "article", _("Article")
    GUIDE = "guide", _("Guide")
    BOOK = "book", _("Book")


class Phase(models.TextChoices):
    """Fase of Kurikulum Merdeka."""

    A = "A", _("Phase A (grades 1–2)")
    B = "B", _("Phase B (grades 3–4)")
    C = "C", _("Phase C (grades 5–6)")
    D = "D", _("Phase D (grades 7–9)")
    E = "E", _("Phase E (grade 10)")
    F = "F", _("Phase F (grades 11–12)")


class Language(models.TextChoices):
    INDONESIAN = "id", _("Indonesian")
    ENGLISH = "en", _("English")
    JAVANESE = "jv", _("Javanese")
    SUNDANESE = "su", _("Sundanese")
    BALINESE = "ban", _("Balinese")
    OTHER = "other", _("Another regional language")


class Licence(models.TextChoices):
    CC_BY = "cc-by", _("Creative Commons Attribution 4.0 (CC BY 4.0)")
    CC_BY_SA = "cc-by-sa", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)")
    CC_BY_NC = "cc-by-nc", _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC 4.0)")
    CC_BY_NC_SA = (
        "cc-by-nc-sa",
        _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 (CC BY-NC-SA 4.0)"),
    )
    CC0 = "cc0", _("CC0 1.0 Public Domain Dedication")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class PhaseFormField(forms.MultipleChoiceField):
    """Checkboxes in the admin for phases stored as letters, e.g. "AB"."""

    widget = CheckboxSelectMultiple

    def prepare_value(self, value):
        if isinstance(value, str):
            return list(value)
        return value

    def clean(self, value):
        return "".join(sorted(set(super().clean(value))))


class PhasesField(models.CharField):
    """Several Kurikulum Merdeka phases as sorted letters ("ABC"): one letter per phase, so
    `phases__contains="B"` filters exactly, on SQLite and PostgreSQL alike."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", len(Phase.choices))
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return PhaseFormField(
            choices=Phase.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class LearningResourceIndexPage(Page):
    """Sumber Belajar: the library where teachers find teaching modules, worksheets,
    videos and assessments by type, level, phase, subject, topic, language and licence."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.LearningResourcePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("learning resource library")
        verbose_name_plural = _("learning resource libraries")

    def get_context(self, request, *args, **kwargs):
        from resources.facets import resource_listing
        from resources.featured import collections_for

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_listing(request, self))
        context["resource_collections"] = collections_for(self.locale)
        return context


class LearningResourcePageForm(WagtailAdminPageForm):
    """At least one way to use the resource: a document, a video or an external link."""

    def clean(self):
        cleaned = super().clean()
        documents = self.formsets.get("documents")
        if documents is not None:
            documents.is_valid()  # formsets are validated after the form; we need them now
        has_documents = documents is not None and any(
            form.cleaned_data.get("document") and not form.cleaned_data.get("DELETE")
            for form in documents.forms
            if hasattr(form, "cleaned_data")
        )
        if not (has_documents or cleaned.get("video_url") or cleaned.get("external_url")):
            message = _("Add at least one document, a video or an external link.")
            self.add_error("video_url", message)
            self.add_error("external_url", message)
        return cleaned


class LearningResourcePage(Page):
    """A learning resource a district editor has checked: what it is, for whom, what
    students learn with it, who made it and under which licence, and the files,
    video or link to use it."""

    # Resource
    summary = models.TextField(_("summary"), max_length=500, help_text=_("Shown in listings."))
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    resource_type = models.CharField(
        _("type of resource"), max_length=20, choices=ResourceType.choices
    )
    language = models.CharField(
        _("language of the material"),
        max_length=10,
        choices=Language.choices,
        default=Language.INDONESIAN,
    )

    # Learners
    levels = ParentalManyToManyField(
        "communities.SchoolLevel", verbose_name=_("school levels"), blank=True
    )
    phases = PhasesField(_("phases"), blank=True, help_text=_("Fase of Kurikulum Merdeka."))
    subjects = ParentalManyToManyField(
        "communities.Subject", verbose_name=_("subjects"), blank=True
    )
    topics = ParentalManyToManyField("communities.Topic", verbose_name=_("topics"), blank=True)
    learning_objectives = models.TextField(
        _("learning objectives"), blank=True, help_text=_("One objective per line.")
    )

    # Content
    video_url = models.URLField(_("video"), blank=True, help_text=_("A YouTube or Vimeo address."))
    external_url = models.URLField(
        _("external link"), blank=True, help_text=_("Where the resource lives on another site.")
    )

    # Origin
    licence = models.CharField(_("licence"), max_length=30, choices=Licence.choices)
    author = models.CharField(_("original author"), max_length=200)
    source_url = models.URLField(_("source"), blank=True)
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("curated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    external_id = models.CharField(
        _("external id"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("A stable identifier from a bulk import; re-importing updates this page."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                FieldPanel("description"),
                FieldPanel("resource_type"),
                FieldPanel("language"),
            ],
            heading=_("Resource"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("levels", widget=CheckboxSelectMultiple),
                FieldPanel("phases"),
                FieldPanel("subjects", widget=CheckboxSelectMultiple),
                FieldPanel("topics", widget=CheckboxSelectMultiple),
                FieldPanel("learning_objectives"),
            ],
            heading=_("Learners"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("documents", label=_("Document")),
                FieldPanel("video_url"),
                FieldPanel("external_url"),
            ],
            heading=_("Content"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("licence"),
                FieldPanel("author"),
                FieldPanel("source_url"),
                FieldPanel("curator"),
                FieldPanel("last_reviewed"),
                FieldPanel("external_id"),
            ],
            heading=_("Origin"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("learning_objectives"),
        index.SearchField("author"),
        index.FilterField("resource_type"),
        index.FilterField("language"),
        index.FilterField("licence"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("resource_type"),
        APIField("language"),
        APIField("licence"),
        APIField("licence_url"),
        APIField("author"),
        APIField("source_url"),
        APIField("video_url"),
        APIField("external_url"),
        APIField("last_reviewed"),
        APIField("schema_org"),
    ]

    parent_page_types = ["resources.LearningResourceIndexPage"]
    subpage_types = []
    base_form_class = LearningResourcePageForm

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("learning_objectives"),
        SynchronizedField("resource_type"),
        SynchronizedField("language"),
        SynchronizedField("levels"),
        SynchronizedField("phases"),
        SynchronizedField("subjects"),
        SynchronizedField("topics"),
        SynchronizedField("documents"),  # the same files in every language
        SynchronizedField("video_url"),
        SynchronizedField("external_url"),
        SynchronizedField("licence"),
        SynchronizedField("author"),
        SynchronizedField("source_url"),
        SynchronizedField("curator"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("external_id"),
    ]

    class Meta:
        verbose_name = _("learning resource")
        verbose_name_plural = _("learning resources")
        permissions = [("import_resources", _("Can import learning resources"))]
        # external_id is unique per locale; locale lives on wagtailcore_page, so a database
        # constraint cannot span both tables: clean() and the importer enforce it.

    def clean(self):
        super().clean()
        errors = {}
        if self.external_id:
            clash = (
                LearningResourcePage.objects.filter(
                    external_id=self.external_id, locale_id=self.locale_id
                )
                .exclude(pk=self.pk)
                .exists()
            )
            if clash:
                errors["external_id"] = _("Another resource in this language has this id.")
        if self.video_url and parse_video_url(self.video_url) is None:
            errors["video_url"] = _("Enter a YouTube or Vimeo video address.")
        if errors:
            raise ValidationError(errors)

    @property
    def phase_list(self):
        labels = dict(Phase.choices)
        return [(letter, labels[letter]) for letter in self.phases if letter in labels]

    @property
    def objective_list(self):
        return [line.strip() for line in self.learning_objectives.splitlines() if line.strip()]

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def video(self):
        """(provider, embed_url, watch_url) or None."""
        return parse_video_url(self.video_url) if self.video_url else None

    @property
    def schema_org(self):
        from resources.structured_data import learning_resource

        return learning_resource(self)

    def get_context(self, request, *args, **kwargs):
        from resources.related import resource_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_page_context(request, self))
        return context


class ResourceDocument(Orderable):
    page = ParentalKey(LearningResourcePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty to use the document's own title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
