"""When content changes: the page cache forgets every page, and a CDN is told what to drop.

Server cache (home/page_cache.py): one site-wide generation, bumped by every change a page
can show. Keys carry it, so after a publish, unpublish, move or delete every listing, feed,
calendar and home section in both languages is rebuilt on its next request: complete by
construction, nothing to enumerate. The price: a publish anywhere empties the page cache.
With a few publishes a minute nationally, popular pages are still served from the cache
between publishes, and each rebuilt page costs one render.

What bumps it:
- pages: published, unpublished, moved, deleted, or a live page saved with anything but
  Wagtail's draft bookkeeping (imports, scripts);
- any model of the portal's apps (snippets such as the footer and the categories, regions,
  collections, the pages' authors and members) except those no page shows;
- Wagtail's sites, locales, privacy settings, images, documents and redirects.

CDN (wagtail.contrib.frontend_cache, configured by FRONTEND_CACHE): it can only drop exact
URLs, so a page change sends that page, its translations, their ancestors (community,
region, index, home page), the portal-wide listings (agenda, articles, library,
communities) with their feeds and calendars, and the community's own feeds, in every
language. Other pages that mention it (related resources, filtered listings with a query
string) are dropped by the CDN when their CDN_MAX_AGE or PAGE_CACHE_MAX_AGE runs out.
We don't install the app: its own handlers purge the page alone, and rewrite /id/ to /en/
in the path, which our translated slugs don't follow.
"""

from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import page_cache

CONTENT_APPS = frozenset({"home", "communities", "resources"})
# In those apps, but on no page (or only on pages that are never cached).
UNSHOWN_MODELS = frozenset(
    {
        "communities.registration",  # only on the meeting page, which has a form: uncached
        "communities.districtaccess",
        "communities.communityaccess",
        "resources.downloadcount",
    }
)
WAGTAIL_CONTENT_MODELS = frozenset(
    {
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtailcore.pageviewrestriction",
        "wagtailimages.image",
        "wagtaildocs.document",
        "wagtailredirects.redirect",
    }
)
# What Wagtail measures on a document or image the first time it is asked (a page view
# showing a document's size saves it): not a change, or viewing a page would empty the cache.
FILE_FACTS = frozenset({"file_size", "file_hash"})
# What Wagtail writes on a page when an editor saves a draft, locks it or adds a child.
DRAFT_FIELDS = frozenset(
    {
        "comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
        "numchild",
    }
)


def is_content(model):
    label = model._meta.label_lower
    if label in WAGTAIL_CONTENT_MODELS:
        return True
    return model._meta.app_label in CONTENT_APPS and label not in UNSHOWN_MODELS


# --- the server cache -------------------------------------------------------------------------


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    page_cache.content_changed()


@receiver(post_save)
def saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if isinstance(instance, Page):
        # Draft saves don't change what visitors see; publishing sends page_published.
        if instance.live and (update_fields is None or set(update_fields) - DRAFT_FIELDS):
            page_cache.content_changed()
    elif is_content(sender) and not (update_fields and set(update_fields) <= FILE_FACTS):
        page_cache.content_changed()


@receiver(post_delete)
def deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or is_content(sender):
        page_cache.content_changed()


@receiver(m2m_changed)
def relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_content(type(instance)):
        page_cache.content_changed()


# --- the CDN ----------------------------------------------------------------------------------

# Routes of routable pages that a CDN may hold, next to the page itself.
SUB_PATHS = {
    "communities.meetingpage": ["kalender/"],
    "communities.agendapage": ["kalender/"],
    "communities.practicearticleindexpage": ["feed/rss/", "feed/atom/"],
}
LISTING_MODELS = [
    "communities.AgendaPage",
    "communities.PracticeArticleIndexPage",
    "communities.CommunityIndexPage",
    "resources.LearningResourceIndexPage",
]


def frontend_cache_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _add_page(urls, page, cache_object):
    url = page.get_full_url(cache_object)
    if url:
        urls.add(url)
        urls.update(url + sub for sub in SUB_PATHS.get(page.specific_class._meta.label_lower, []))
    return url


def _community_of(page):
    from communities.models import CommunityPage

    for candidate in [page, page.get_parent()]:
        if candidate is not None and candidate.specific_class is CommunityPage:
            return candidate
    return None


def page_urls(page, cache_object=None):
    """Every URL that shows this page, in every language: itself, its ancestors, the
    portal-wide listings and their feeds, and its community's own feeds."""
    cache_object = cache_object or SimpleNamespace()  # Wagtail keeps site roots on it
    urls = set()
    translations = list(Page.objects.filter(translation_key=page.translation_key))
    for translation in translations:
        _add_page(urls, translation, cache_object)
        for ancestor in translation.get_ancestors().filter(depth__gt=1):
            _add_page(urls, ancestor, cache_object)
        community = _community_of(translation)
        if community is None:
            continue
        listings = Page.objects.filter(locale_id=translation.locale_id).live()
        for agenda in listings.type(apps.get_model("communities.AgendaPage")):
            url = agenda.get_full_url(cache_object)
            if url:
                urls.add(f"{url}kalender/{community.slug}/")
        for index in listings.type(apps.get_model("communities.PracticeArticleIndexPage")):
            url = index.get_full_url(cache_object)
            if url:
                urls.update(f"{url}feed/{community.slug}/{kind}/" for kind in ("rss", "atom"))
    models = [apps.get_model(label) for label in LISTING_MODELS]
    for listing in Page.objects.live().type(*models):
        _add_page(urls, listing, cache_object)
    return urls


def purge_later(urls):
    """Tell the CDN once the transaction has committed (it refetches committed data)."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    if urls:
        transaction.on_commit(lambda: purge_urls_from_cache(sorted(urls)))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_page(sender, instance, **kwargs):
    if frontend_cache_enabled():
        purge_later(page_urls(instance))


@receiver(pre_page_move)
def purge_old_location(sender, instance, **kwargs):
    """The page and everything below it stop answering at their old URLs."""
    if frontend_cache_enabled():
        cache_object = SimpleNamespace()
        urls = page_urls(instance, cache_object)
        for page in instance.get_descendants().live():
            _add_page(urls, page, cache_object)
        purge_later(urls)


@receiver(pre_delete)
def purge_deleted(sender, instance, **kwargs):
    # Before the delete: its URL and its ancestors are still in the tree.
    if isinstance(instance, Page) and sender is Page and frontend_cache_enabled():
        purge_later(page_urls(instance))
