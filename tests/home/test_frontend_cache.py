"""CDN purging (home/cache_purge.py with wagtail.contrib.frontend_cache) and its settings."""

from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page

from communities.models import AgendaPage, PracticeArticleIndexPage
from home import cache_purge
from portal.settings.base import frontend_cache
from tests.communities import meeting_helpers
from tests.communities.meeting_helpers import WITA, local, make_meeting
from tests.conftest import add_page, translate_page

frozen_now = meeting_helpers.frozen_now  # a fixture


class RecordingBackend(BaseBackend):
    """A CDN that writes down what it is told to drop."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


RECORDING = {"default": {"BACKEND": f"{__name__}.RecordingBackend"}}


@pytest.fixture
def purged():
    RecordingBackend.purged = []
    return RecordingBackend.purged


def paths(urls):
    return {urlsplit(url).path for url in urls}


@pytest.fixture
def bilingual_site(frozen_now, home_id, home_en, locale_en, english_tree):
    """Agenda and article index in both languages, above community A (also in English)."""
    agenda = add_page(home_id, AgendaPage, title="Agenda", slug="agenda")
    translate_page(agenda, locale_en, title="Agenda", slug="agenda")
    index = add_page(home_id, PracticeArticleIndexPage, title="Praktik Baik", slug="praktik-baik")
    translate_page(index, locale_en, title="Good practice", slug="good-practice")
    return english_tree


@pytest.mark.django_db
def test_publishing_a_meeting_purges_its_pages_listings_and_feeds_in_both_languages(
    bilingual_site, community_a, locale_en, purged, django_capture_on_commit_callbacks
):
    index_en, region_en, community_en = (Page.objects.get(pk=p.pk) for p in bilingual_site)
    with override_settings(WAGTAILFRONTENDCACHE=RECORDING):
        meeting = make_meeting(
            community_a,
            "Lokakarya asesmen",
            local(WITA, 2026, 12, 17, 14),
            local(WITA, 2026, 12, 17, 16),
        )
        translate_page(meeting, locale_en, title="Assessment workshop")
        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            Page.objects.get(pk=meeting.pk).specific.save_revision().publish()

    meeting_id = Page.objects.get(pk=meeting.pk).url
    meeting_en = meeting.get_translation(locale_en).url
    community = community_a.slug
    expected = {
        # the meeting and its .ics, both languages
        meeting_id, f"{meeting_id}kalender/", meeting_en, f"{meeting_en}kalender/",
        # its community, region, the community index and the home page, both languages
        community_a.url, community_en.url, region_en.url, index_en.url, "/id/", "/en/",
        # the agenda, its calendar and the community's calendar, both languages
        "/id/agenda/", "/id/agenda/kalender/", f"/id/agenda/kalender/{community}/",
        "/en/agenda/", "/en/agenda/kalender/", f"/en/agenda/kalender/{community_en.slug}/",
        # the article index and its feeds, both languages
        "/id/praktik-baik/", "/id/praktik-baik/feed/rss/", "/id/praktik-baik/feed/atom/",
        f"/id/praktik-baik/feed/{community}/rss/", f"/id/praktik-baik/feed/{community}/atom/",
        "/en/good-practice/", "/en/good-practice/feed/rss/",
        f"/en/good-practice/feed/{community_en.slug}/atom/",
    }  # fmt: skip
    assert expected <= paths(purged)
    assert all(url.startswith("http://localhost/") for url in purged)


@pytest.mark.django_db
def test_unpublishing_and_deleting_purge_the_page(
    bilingual_site, community_a, purged, django_capture_on_commit_callbacks
):
    article_index_url = "/id/praktik-baik/"
    with override_settings(WAGTAILFRONTENDCACHE=RECORDING):
        with django_capture_on_commit_callbacks(execute=True):
            Page.objects.get(pk=community_a.pk).specific.unpublish()
        unpublished = paths(purged)
        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            Page.objects.get(pk=community_a.pk).delete()
        deleted = paths(purged)

    for found in (unpublished, deleted):
        assert {community_a.url, "/id/", article_index_url, "/id/agenda/kalender/"} <= found


@pytest.mark.django_db
def test_moving_a_community_purges_its_old_and_new_urls(
    community_index, region_x, region_y, community_a, purged, django_capture_on_commit_callbacks
):
    meeting = make_meeting(
        community_a, "Rapat", local(WITA, 2027, 1, 7, 14), local(WITA, 2027, 1, 7, 16)
    )
    old_community, old_meeting = community_a.url, meeting.url
    with (
        override_settings(WAGTAILFRONTENDCACHE=RECORDING),
        django_capture_on_commit_callbacks(execute=True),
    ):
        Page.objects.get(pk=community_a.pk).move(region_y, pos="last-child")

    new_community = Page.objects.get(pk=community_a.pk).url
    assert {old_community, old_meeting, new_community, region_x.url, region_y.url} <= paths(purged)


@pytest.mark.django_db
def test_nothing_is_computed_without_a_frontend_cache(
    home_id, purged, monkeypatch, django_capture_on_commit_callbacks
):
    computed = []
    monkeypatch.setattr(cache_purge, "page_urls", lambda page, *args: computed.append(page))
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(home_id, title="Tentang", slug="tentang")
        page.move(home_id, pos="first-child")

    assert computed == purged == []


# --- settings ---------------------------------------------------------------------------------


def test_frontend_cache_is_off_by_default(monkeypatch):
    monkeypatch.delenv("FRONTEND_CACHE", raising=False)
    assert frontend_cache() is None


def test_varnish_over_http(monkeypatch):
    monkeypatch.setenv("FRONTEND_CACHE", "http")
    monkeypatch.setenv("FRONTEND_CACHE_LOCATION", "http://127.0.0.1:6081")
    monkeypatch.setenv("FRONTEND_CACHE_HOSTNAMES", "portal.example.id, www.portal.example.id")

    assert frontend_cache() == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
            "HOSTNAMES": ["portal.example.id", "www.portal.example.id"],
        }
    }


def test_cloudflare_needs_its_token_and_zone(monkeypatch):
    monkeypatch.setenv("FRONTEND_CACHE", "Cloudflare")
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "token")
    monkeypatch.delenv("CLOUDFLARE_ZONE_ID", raising=False)
    with pytest.raises(ImproperlyConfigured, match="CLOUDFLARE_ZONE_ID"):
        frontend_cache()

    monkeypatch.setenv("CLOUDFLARE_ZONE_ID", "zone")
    backend = frontend_cache()["default"]
    assert backend["BEARER_TOKEN"] == "token"
    assert backend["ZONEID"] == "zone"


def test_unknown_frontend_cache_is_refused(monkeypatch):
    monkeypatch.setenv("FRONTEND_CACHE", "akamai")
    with pytest.raises(ImproperlyConfigured, match="cloudflare, cloudfront or http"):
        frontend_cache()
