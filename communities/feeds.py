"""RSS and Atom feeds of practice articles: all communities in one language, or one
community. Served by PracticeArticleIndexPage (feed/rss/, feed/<community>/rss/, ...)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from .article_listing import live_articles

FEED_SIZE = 20


class ArticleRssFeed(Feed):
    def __init__(self, index_page, community=None):
        super().__init__()
        self.index_page = index_page
        self.community = community
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.community is not None:
            return gettext("Good practice from %(community)s") % {"community": self.community.title}
        return self.index_page.title

    def link(self):
        source = self.community or self.index_page
        return source.get_full_url(self.request)

    def description(self):
        return self.index_page.introduction or gettext(
            "Good-practice articles from teacher communities of practice."
        )

    def items(self):
        articles = live_articles(self.index_page.locale)
        if self.community is not None:
            articles = articles.child_of(self.community)
        return list(articles.prefetch_related("authors")[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors.all()) or None

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(0, 0)))

    def item_updateddate(self, item):
        return item.last_published_at


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
