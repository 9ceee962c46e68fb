from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .blocks import BaseStreamBlock


class HomePage(Page):
    """The front door of the portal in one language: what the portal is for,
    where to start, and (as the content areas grow) the latest practice,
    upcoming meetings and featured resources."""

    hero_heading = models.CharField(_("hero heading"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_cta_text = models.CharField(_("button text"), max_length=80, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("button links to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_cta_text"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "communities.CommunityIndexPage",
        "communities.PracticeArticleIndexPage",
        "communities.AgendaPage",
        "resources.LearningResourceIndexPage",
    ]

    def route(self, request, path_components):
        """The requested page and its parent found by url_path in one query (and one per
        page type), instead of two queries per level of the tree. A path that names no page
        (a routable page's own sub-routes, such as the Agenda's calendars) is routed as
        Wagtail does."""
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            parent_path = self.url_path + "".join(part + "/" for part in path_components[:-1])
            found = {
                page.url_path: page
                for page in Page.objects.filter(
                    url_path__in={url_path, parent_path} - {self.url_path},
                    path__startswith=self.path,
                ).specific()
            }
            page = found.get(url_path)
            if page is not None:
                parent = self if parent_path == self.url_path else found.get(parent_path)
                if parent is not None and parent.depth == page.depth - 1:
                    page._cached_parent_obj = parent  # as Wagtail's route() does
                return page.route(request, [])
        return super().route(request, path_components)

    def links(self):
        """The hero button's page in this language and the sections the home page links
        to: they change only with a publish, move or delete (remembered in home/chrome.py)."""
        from communities.models import AgendaPage, PracticeArticleIndexPage
        from resources.models import LearningResourceIndexPage

        sections = {
            "agenda_page": AgendaPage,
            "articles_page": PracticeArticleIndexPage,
            "library_page": LearningResourceIndexPage,
        }
        children = list(self.get_children().live().type(*sections.values()))  # one query
        # The button's target read again: this page may be older than the entry it fills.
        hero_id = HomePage.objects.filter(pk=self.pk).values_list("hero_cta_page", flat=True)
        hero = Page.objects.filter(pk__in=hero_id).first()
        links = {"hero_page": hero.localized if hero else None}
        for name, model in sections.items():
            type_id = ContentType.objects.get_for_model(model).pk
            links[name] = next((c for c in children if c.content_type_id == type_id), None)
        return links

    def get_context(self, request, *args, **kwargs):
        from communities import article_listing, meetings_listing

        from . import chrome

        context = super().get_context(request, *args, **kwargs)
        articles = article_listing.live_articles(self.locale_id)
        # Read when the template shows them: not when it has them from the cache.
        context["latest_articles"] = SimpleLazyObject(
            lambda: article_listing.attach_card_details(
                list(article_listing.prefetch_card_details(articles)[:3])
            )
        )
        meetings = SimpleLazyObject(
            lambda: meetings_listing.attach_communities(
                meetings_listing.items(self.upcoming_dates(request))
            )
        )
        context["upcoming_meetings"] = meetings
        # The list holds until the first of them ends: the next one then takes its place.
        context["meetings_until"] = lambda: min((item.end for item in meetings), default=None)
        if getattr(request, "is_preview", False):  # a draft may link elsewhere
            context.update(self.links())
            hero = self.hero_cta_page
            context["hero_page"] = hero.localized if hero else None
        else:
            context.update(chrome.remember(request, f"home-links:{self.pk}", self.links))
        return context

    def upcoming_dates(self, request, limit=4):
        """The next `limit` meeting dates in this language. Their regencies (with the
        provinces, for the time zone) are read apart and the locale comes from the cache:
        joined in one query, they took PostgreSQL longer to plan (about 3 ms) than the two
        queries take to run. Without a cache they are joined, as before."""
        from communities import meetings_listing
        from communities.models import Regency

        from . import locales

        dates = meetings_listing.upcoming_dates().filter(meeting__locale_id=self.locale_id)
        if locales.locale_ids() is None:  # no cache: joined, as before
            return list(dates[:limit])
        dates = list(dates.select_related(None).select_related("meeting")[:limit])
        ids = {row.meeting.regency_id for row in dates} - {None}
        regencies = Regency.objects.select_related("province").in_bulk(ids) if ids else {}
        for row in dates:
            meeting = row.meeting
            if meeting.regency_id:
                meeting.regency = regencies.get(meeting.regency_id)
            locales.prime(meeting)
        return dates

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(Page):
    """A plain content page such as "Tentang" (about), a guide or the privacy notice."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "communities.CommunityIndexPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class FooterText(TranslatableMixin, models.Model):
    """The text at the foot of every page, one per language."""

    body = RichTextField(_("body"), features=["bold", "italic", "link"])

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return str(_("Footer text (%(locale)s)") % {"locale": self.locale})
