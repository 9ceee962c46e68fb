"""Practice articles (artikel praktik baik): what a community tried in class,
what it measured and what it learned, and the listing of all of them."""

import datetime
import json

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from communities.blocks import PracticeStreamBlock
from home.renditions import ARTICLE_JSON_LD

from .pages import CommunityPage, MemberRole


def _has_photos(stream_value):
    """Whether a body shows photos: an image block, or a video with a preview image."""
    return any(
        block.block_type == "image" or (block.block_type == "video" and block.value.get("poster"))
        for block in stream_value
    )


class PracticeArticlePage(Page):
    """A good-practice article by members of a community: the problem they faced
    in class, the action they took, the result they measured and their reflection."""

    date = models.DateField(_("date"), default=datetime.date.today)
    summary = models.TextField(_("summary"), max_length=500, help_text=_("Shown in listings."))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image_alt = models.CharField(
        _("cover image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    photo_consent = models.BooleanField(
        _("people shown agreed to publication"),
        default=False,
        help_text=_(
            "Required when the article has photos: the people shown, and the parents or "
            "guardians of pupils shown, agreed to their publication."
        ),
    )
    levels = ParentalManyToManyField(
        "communities.SchoolLevel", verbose_name=_("school levels"), blank=True
    )
    subjects = ParentalManyToManyField(
        "communities.Subject", verbose_name=_("subjects"), blank=True
    )
    topics = ParentalManyToManyField("communities.Topic", verbose_name=_("topics"), blank=True)
    body = StreamField(PracticeStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("summary"),
                FieldPanel("cover_image"),
                FieldPanel("cover_image_alt"),
                FieldPanel("photo_consent"),
            ],
            heading=_("Article"),
        ),
        InlinePanel(
            "authors",
            heading=_("Authors"),
            label=_("Author"),
            min_num=1,
            help_text=_("Members of the community who wrote this article."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("levels", widget=CheckboxSelectMultiple),
                FieldPanel("subjects", widget=CheckboxSelectMultiple),
                FieldPanel("topics", widget=CheckboxSelectMultiple),
            ],
            heading=_("Domain"),
        ),
        FieldPanel("body", heading=_("Practice")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["communities.CommunityPage"]
    subpage_types = []

    # Authors, dates, images and consent are the same in every language; taxonomy
    # terms are shown by slug in the reader's language (see communities/templatetags).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("cover_image_alt"),
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("cover_image"),
        SynchronizedField("photo_consent"),
        SynchronizedField("authors"),
        SynchronizedField("levels"),
        SynchronizedField("subjects"),
        SynchronizedField("topics"),
    ]

    class Meta:
        verbose_name = _("practice article")
        verbose_name_plural = _("practice articles")
        # Newest first (listings, the home page, a community's articles) walks this
        # backwards and stops at a page's worth, instead of sorting every article.
        indexes = [models.Index(fields=["date", "page_ptr"], name="article_date_page_idx")]

    def clean(self):
        super().clean()
        errors = {}
        if self.cover_image_id and not self.cover_image_alt.strip():
            errors["cover_image_alt"] = _("Describe the cover image for people who cannot see it.")
        if (self.cover_image_id or _has_photos(self.body)) and not self.photo_consent:
            errors["photo_consent"] = _(
                "This article has photos. Confirm that the people shown, and the parents or "
                "guardians of pupils shown, agreed to their publication, or remove the photos."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def community(self):
        """The community this article belongs to (its parent page)."""
        if not hasattr(self, "_community"):
            self._community = (
                CommunityPage.objects.filter(path=self.path[: -self.steplen])
                .select_related("regency__province")
                .first()
            )
        return self._community

    def json_ld(self, request=None, authors=None, terms=None):
        """schema.org Article, for search engines and apps (`authors` and `terms`, the
        lists get_context already read, save their queries)."""
        from communities.templatetags.taxonomy_tags import names_in  # loads home.chrome

        community = self.community
        authors = self.authors.all() if authors is None else authors
        terms = self.term_lists() if terms is None else terms
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
            "author": [
                {"@type": "Person", "name": author.name, **author.json_ld_extra()}
                for author in authors
            ],
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if community is not None:
            organization = {
                "@type": "Organization",
                "name": community.title,
                "url": community.get_full_url(request),
            }
            data["publisher"] = organization
            data["sourceOrganization"] = organization
        if self.cover_image_id:
            # get_renditions(): no write back to the cache of a rendition read_cover_image()
            # found (get_rendition() writes every time).
            rendition = next(iter(self.cover_image.get_renditions(ARTICLE_JSON_LD).values()))
            data["image"] = request.build_absolute_uri(rendition.url) if request else rendition.url
        about = []
        for field in ("levels", "subjects", "topics"):
            about += names_in(terms[field], self.locale.language_code, request)
        if about:
            data["about"] = [{"@type": "Thing", "name": name} for name in about]
        return data

    def get_context(self, request, *args, **kwargs):
        from communities import reference

        context = super().get_context(request, *args, **kwargs)
        parent = getattr(self, "_cached_parent_obj", None)  # found by the routing
        if isinstance(parent, CommunityPage) and not hasattr(self, "_community"):
            if parent.regency_id:
                parent.regency = reference.regency(request, parent.regency_id)
            self._community = parent
        context["community"] = self.community
        self.read_cover_image()
        context["authors"] = list(self.authors.all())
        context["terms"] = self.term_lists()
        context["json_ld"] = json_for_script(
            self.json_ld(request, context["authors"], context["terms"])
        )
        return context

    def read_cover_image(self):
        """The cover image with all its renditions, in one query. The cover, the JSON-LD
        and the share image then find their renditions here, instead of a round trip to
        the cache for each (and Wagtail writing back every rendition it read there)."""
        field = type(self)._meta.get_field("cover_image")
        if not self.cover_image_id or field.is_cached(self):
            return
        from wagtail.images import get_image_model

        renditions = list(
            get_image_model()
            .get_rendition_model()
            .objects.filter(image_id=self.cover_image_id)
            .select_related("image")
        )
        if not renditions:  # none made yet: Wagtail reads the image and makes them
            return
        image = renditions[0].image
        for rendition in renditions:
            rendition.image = image
        # As prefetch_related("renditions") leaves it: Wagtail takes these as all there are.
        queryset = image.renditions.get_queryset()
        queryset._result_cache = renditions
        queryset._prefetch_done = True
        image._prefetched_objects_cache = {"renditions": queryset}
        self.cover_image = image

    def term_lists(self):
        from communities.terms import TERM_FIELDS, prefetch_terms

        prefetch_terms([self])
        return {field: list(getattr(self, field).all()) for field in TERM_FIELDS}


def json_for_script(data):
    """JSON that is safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class ArticleAuthor(Orderable):
    """A member of the community who wrote the article."""

    page = ParentalKey(PracticeArticlePage, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("As in the community's list of members, e.g. 'Ratna Sari'."),
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, blank=True)
    school = models.CharField(_("school"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("school")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def json_ld_extra(self):
        return (
            {"affiliation": {"@type": "Organization", "name": self.school}} if self.school else {}
        )


class PracticeArticleIndexPage(RoutablePageMixin, Page):
    """Praktik Baik: good-practice articles from every community, newest first,
    filterable by level, subject, topic and region, with RSS and Atom feeds."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice article index")

    def get_context(self, request, *args, **kwargs):
        from communities.article_listing import article_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(article_listing(request, self))
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from communities.feeds import ArticleRssFeed

        return ArticleRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from communities.feeds import ArticleAtomFeed

        return ArticleAtomFeed(self)(request)

    @path("feed/<slug:community_slug>/rss/", name="community_feed_rss")
    def community_feed_rss(self, request, community_slug):
        from communities.feeds import ArticleRssFeed

        return ArticleRssFeed(self, self._community_or_404(community_slug))(request)

    @path("feed/<slug:community_slug>/atom/", name="community_feed_atom")
    def community_feed_atom(self, request, community_slug):
        from communities.feeds import ArticleAtomFeed

        return ArticleAtomFeed(self, self._community_or_404(community_slug))(request)

    def _community_or_404(self, slug):
        community = (
            CommunityPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, slug=slug)
            .first()
        )
        if community is None:
            raise Http404
        return community
