"""The Praktik Baik listing: practice articles of one language across all communities,
newest first, with filters that live in the URL and never fail.

Unknown or malformed values are dropped with a message; the rest still apply.
"""

from django import forms
from django.db.models import Prefetch
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from home.pagination import paginate

from . import reference
from .models import (
    CommunityPage,
    PracticeArticlePage,
    Regency,
    SchoolLevel,
    Subject,
    Topic,
)
from .terms import prefetch_terms

PAGE_SIZE = 12
STEPLEN = PracticeArticlePage.steplen


def live_articles(locale):
    """Live, public practice articles in `locale` (a Locale or its id), newest first (by
    date, then the newer page: the order of the article_date_page_idx index)."""
    return (
        PracticeArticlePage.objects.live().public().filter(locale=locale).order_by("-date", "-pk")
    )


def with_parent_path(queryset):
    return queryset.annotate(parent_path=Substr("path", 1, Length("path") - STEPLEN))


def attach_communities(articles):
    """Set `community` on each article with one query for all their parent pages."""
    paths = {article.path[:-STEPLEN] for article in articles}
    communities = {
        community.path: community
        for community in CommunityPage.objects.filter(path__in=paths).select_related(
            "regency__province"
        )
    }
    for article in articles:
        article._community = communities.get(article.path[:-STEPLEN])
    return articles


# What templates/communities/includes/article_card.html's {% picture %} asks for, expanded as
# the tag expands it (tests/communities/test_article_listing.py reads the template to check).
CARD_IMAGE_SPECS = Filter.expand_spec(["format-{avif,webp,jpeg}", "fill-{800x450,640x360,400x225}"])


def prefetch_card_details(queryset):
    """What a card shows besides its community and terms (attach_card_details), in a fixed
    number of queries whatever the number of articles: authors, the cover image with its
    renditions."""
    # Every rendition of the card's specs, and only those (a cover has about 20, for the
    # article page and sharing too): Wagtail takes a prefetched set as complete for the specs
    # it is asked for, and makes again, on every request, any of them missing from it.
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_IMAGE_SPECS)
    )
    # The body (a StreamField, the article itself) is read only by the article's own page.
    return (
        queryset.select_related("cover_image")
        .prefetch_related("authors", Prefetch("cover_image__renditions", queryset=renditions))
        .defer("body", "search_description")
    )


def attach_card_details(articles):
    """Set each article's community and terms, a query each for all the articles."""
    return prefetch_terms(attach_communities(articles))


class ArticleFilterForm(forms.Form):
    level = forms.ChoiceField(label=_("School level"), required=False)
    subject = forms.ChoiceField(label=_("Subject"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    province = forms.ChoiceField(label=_("Province"), required=False)
    regency = forms.ChoiceField(label=_("Regency/city"), required=False)

    def __init__(self, *args, choices, **kwargs):
        """`choices`: (slug, name) pairs of each field."""
        super().__init__(*args, **kwargs)
        anything = [("", gettext("All"))]
        for name, pairs in choices.items():
            self.fields[name].choices = anything + pairs


def filter_articles(queryset, data):
    """Apply cleaned filter values to a PracticeArticlePage queryset."""
    if data.get("level"):
        queryset = queryset.filter(levels__slug=data["level"])
    if data.get("subject"):
        queryset = queryset.filter(subjects__slug=data["subject"])
    if data.get("topic"):
        queryset = queryset.filter(topics__slug=data["topic"])
    communities = CommunityPage.objects.all()
    if data.get("province"):
        communities = communities.filter(regency__province__slug=data["province"])
    if data.get("regency"):
        communities = communities.filter(regency__slug=data["regency"])
    if data.get("province") or data.get("regency"):
        queryset = with_parent_path(queryset).filter(parent_path__in=communities.values("path"))
    return queryset.distinct()


def article_listing(request, index_page):
    locale_id = index_page.locale_id
    base = live_articles(locale_id)
    # Only regencies that have articles: a usable list instead of 514 options.
    community_regencies = CommunityPage.objects.filter(
        path__in=with_parent_path(base).values("parent_path")
    ).values("regency_id")
    regencies = Regency.objects.filter(pk__in=community_regencies)
    choices = {
        "level": reference.term_choices(request, SchoolLevel, locale_id),
        "subject": reference.term_choices(request, Subject, locale_id),
        "topic": reference.term_choices(request, Topic, locale_id),
        "province": reference.province_choices(request),
        "regency": reference.regency_choices(request, f"articles:{locale_id}", regencies),
    }
    form = ArticleFilterForm(request.GET or None, choices=choices)
    messages = []
    applied = {}
    if form.is_bound:
        form.is_valid()
        applied = {k: v for k, v in form.cleaned_data.items() if v}
        for name in form.errors:
            label = form.fields[name].label if name in form.fields else name
            messages.append(
                gettext("The filter “%(filter)s” had a value we don't know; it was ignored.")
                % {"filter": label}
            )

    queryset = prefetch_card_details(filter_articles(base, applied)).order_by("-date", "-pk")
    page_obj = paginate(queryset, request.GET.get("page", "1"), PAGE_SIZE, messages)

    query = request.GET.copy()
    query.pop("page", None)
    for name in form.errors:
        query.pop(name, None)
    return {
        "filter_form": form,
        "articles": attach_card_details(list(page_obj.object_list)),
        "page_obj": page_obj,
        "result_count": page_obj.paginator.count,
        "filter_messages": messages,
        "filters_active": bool(applied),
        "query_string": query.urlencode(),
    }


def articles_for_community(community_page, limit=3, ids=None):
    """The newest live practice articles of a community, in its language, ready to
    render with templates/communities/includes/community_articles.html. The community
    page's own terms are read in the same query as the articles' (its page shows them).
    `ids`: the community's pages (meetings_listing.child_ids), when the caller has them."""
    from .meetings_listing import child_ids

    ids = child_ids(community_page) if ids is None else ids
    articles = PracticeArticlePage.objects.live().public().filter(pk__in=ids)
    articles = list(prefetch_card_details(articles).order_by("-date", "-pk")[:limit])
    for article in articles:
        article._community = community_page
    prefetch_terms([community_page, *articles])
    return articles


def community_articles_context(community_page, limit=3, request=None, ids=None):
    """Context for templates/communities/includes/community_articles.html: the
    community's newest articles and its RSS feed (when a Praktik Baik page exists)."""
    from home.chrome import first_live_page

    from .models import PracticeArticleIndexPage

    index_page = first_live_page(
        request, PracticeArticleIndexPage, community_page.locale_id, public=True
    )
    feed_url = None
    if index_page is not None:
        feed_url = index_page.url + index_page.reverse_subpage(
            "community_feed_rss", kwargs={"community_slug": community_page.slug}
        )
    return {
        "community_articles": articles_for_community(community_page, limit, ids),
        "community_articles_feed_url": feed_url,
        "article_index_page": index_page,
    }
