"""The page cache (home/page_cache.py, home/cache_purge.py): what anonymous visitors get from
the cache, what is never cached, purging on every change a page shows, Cache-Control, and a
site that keeps serving when the cache is gone."""

import datetime
import logging

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from communities.article_listing import ArticleFilterForm
from communities.listing import CommunityFilterForm
from communities.models import AgendaPage, PracticeArticleIndexPage, Registration
from home import page_cache
from home.models import FooterText
from resources.facets import FACETS as LIBRARY_FACETS
from search.listing import FACETS as SEARCH_FACETS
from tests.communities import meeting_helpers
from tests.communities.conftest import make_community, make_region
from tests.communities.meeting_helpers import WITA, local, make_meeting
from tests.conftest import add_page, translate_page
from tests.test_health import caches_from_base_settings

pytestmark = pytest.mark.django_db
frozen_now = meeting_helpers.frozen_now  # a fixture


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """portal/settings/test.py turns the page cache off for the other tests."""
    settings.PAGE_CACHE_TIMEOUT = 300


@pytest.fixture(autouse=True)
def _cache_available():
    """A previous test (Redis down) may have left the cache marked unavailable."""
    page_cache.reset_availability()
    yield
    page_cache.reset_availability()


@pytest.fixture
def about(home_id):
    return add_page(home_id, title="Tentang", slug="tentang", introduction="Versi pertama")


def is_hit(client, url, django_assert_num_queries, **extra):
    """The answer came from the cache: not one query."""
    with django_assert_num_queries(0):
        return client.get(url, **extra)


def queries_of(client, url, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    return response, len(captured.captured_queries)


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


NEVER = {"private", "no-store", "no-cache", "max-age=0", "must-revalidate"}


# --- what is cached ---------------------------------------------------------------------------


def test_anonymous_page_comes_from_the_cache_the_second_time(
    client, about, django_assert_num_queries
):
    first, queries = queries_of(client, about.url)
    second = is_hit(client, about.url, django_assert_num_queries)

    assert queries > 0
    assert second.status_code == 200
    assert second.content == first.content
    assert "Versi pertama" in second.content.decode()
    assert (
        cache_control(first)
        == cache_control(second)
        == {
            "public",
            "max-age=60",
            "s-maxage=600",
        }
    )
    assert "Cookie" in second["Vary"]
    assert second["Content-Language"] == "id"
    assert second["Content-Type"].startswith("text/html")


def test_each_language_has_its_own_entry(client, about_pages, django_assert_num_queries):
    client.get("/id/tentang/")
    client.get("/en/about/")

    indonesian = is_hit(client, "/id/tentang/", django_assert_num_queries)
    english = is_hit(client, "/en/about/", django_assert_num_queries)

    assert '<html lang="id">' in indonesian.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert english["Content-Language"] == "en"


def test_head_is_answered_from_the_entry_get_stored(client, about, django_assert_num_queries):
    client.get(about.url)
    with django_assert_num_queries(0):
        response = client.head(about.url)
    assert response.status_code == 200


def test_tracking_parameters_and_parameter_order_share_one_entry(
    client, community_index, community_a, community_b, django_assert_num_queries
):
    url = community_index.url
    filtered = client.get(f"{url}?type=within_school&province=bali")

    again = is_hit(
        client, f"{url}?utm_source=wa&province=bali&fbclid=x&type=within_school",
        django_assert_num_queries,
    )  # fmt: skip

    assert again.content == filtered.content
    assert "Komunitas Guru SD Negara" in again.content.decode()
    assert "utm_source" not in again.content.decode()
    # With a query string, shared caches keep it no longer than browsers: no exact purge.
    assert cache_control(again) == {"public", "max-age=60"}


def test_unknown_parameters_are_served_but_never_stored(client, community_index):
    url = f"{community_index.url}?nocache=123"
    client.get(url)
    response, queries = queries_of(client, url)

    assert response.status_code == 200
    assert queries > 0


def test_the_listings_parameters_are_all_known():
    """A filter added to a listing without adding it to QUERY_PARAMETERS would still work,
    but its pages would never be cached."""
    read = (
        set(CommunityFilterForm.base_fields)
        | set(ArticleFilterForm.base_fields)
        | {facet.name for facet in LIBRARY_FACETS}
        | {facet.name for facet in SEARCH_FACETS}
        | {"q", "sort", "page", "lang", "only_in"}
        | {"province", "regency", "mode", "activity", "month"}  # AgendaPage.read_filters
    )
    assert read <= page_cache.QUERY_PARAMETERS


def test_not_found_is_cached_and_purged_when_the_page_is_published(
    client, home_id, django_assert_num_queries
):
    first, rendered = queries_of(client, "/id/baru/")
    again, redirect_lookup = queries_of(client, "/id/baru/")
    assert first.status_code == again.status_code == 404
    assert again.content == first.content
    # Only wagtail.contrib.redirects' lookup, which runs on every 404 (a redirect may appear).
    assert redirect_lookup <= 2 < rendered

    add_page(home_id, title="Baru", slug="baru")

    assert client.get("/id/baru/").status_code == 200


def test_feeds_and_calendars_are_cached(
    client, home_id, frozen_now, community_a, django_assert_num_queries
):
    agenda = add_page(home_id, AgendaPage, title="Agenda", slug="agenda")
    index = add_page(home_id, PracticeArticleIndexPage, title="Praktik Baik", slug="praktik-baik")
    for url in (f"{agenda.url}kalender/", f"{index.url}feed/rss/"):
        first = client.get(url)
        second = is_hit(client, url, django_assert_num_queries)
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]
        assert "public" in cache_control(second)


def test_page_cache_timeout_zero_turns_the_server_cache_off(client, about):
    with override_settings(PAGE_CACHE_TIMEOUT=0):
        client.get(about.url)
        response, queries = queries_of(client, about.url)

    assert queries > 0
    assert "public" in cache_control(response)


# --- purging ----------------------------------------------------------------------------------


@pytest.fixture
def meeting_pages(frozen_now, home_id, home_en, locale_en, english_tree, community_a):
    """The agenda and the article index in both languages, and community A's page."""
    agenda = add_page(home_id, AgendaPage, title="Agenda", slug="agenda")
    agenda_en = translate_page(agenda, locale_en, title="Agenda", slug="agenda")
    home_en, agenda_en, community_en = (
        Page.objects.get(pk=page.pk) for page in (home_en, agenda_en, english_tree[2])
    )
    return {
        "id": [home_id.url, agenda.url, f"{agenda.url}kalender/", community_a.url],
        "en": [home_en.url, agenda_en.url, f"{agenda_en.url}kalender/", community_en.url],
    }


def contents(client, urls):
    return [client.get(url).content.decode() for url in urls]


def test_publishing_a_meeting_purges_every_page_that_shows_it_in_both_languages(
    client, meeting_pages, community_a, locale_en
):
    urls = meeting_pages["id"] + meeting_pages["en"]
    assert not any("Lokakarya asesmen" in text for text in contents(client, urls))

    meeting = make_meeting(
        community_a,
        "Lokakarya asesmen",
        local(WITA, 2026, 12, 17, 14),
        local(WITA, 2026, 12, 17, 16),
    )
    translate_page(meeting, locale_en, title="Assessment workshop")

    indonesian = dict(zip(meeting_pages["id"], contents(client, meeting_pages["id"]), strict=True))
    english = dict(zip(meeting_pages["en"], contents(client, meeting_pages["en"]), strict=True))
    assert [url for url, text in indonesian.items() if "Lokakarya asesmen" not in text] == []
    assert [url for url, text in english.items() if "Assessment workshop" not in text] == []


def test_unpublishing_moving_and_deleting_purge_the_listings(
    client, community_index, region_x, community_a
):
    region_y = make_region(community_index, "32.73")
    community = make_community(region_x, "Komunitas Bahasa Jembrana")
    listings = [community_index.url, region_x.url, region_y.url]
    assert "Komunitas Bahasa Jembrana" in client.get(region_x.url).content.decode()
    contents(client, listings)  # all cached

    community.move(region_y, pos="last-child")
    assert "Komunitas Bahasa Jembrana" not in client.get(region_x.url).content.decode()
    assert "Komunitas Bahasa Jembrana" in client.get(region_y.url).content.decode()

    Page.objects.get(pk=community.pk).specific.unpublish()
    assert "Komunitas Bahasa Jembrana" not in client.get(community_index.url).content.decode()

    community_a_url = community_a.url
    assert client.get(community_a_url).status_code == 200
    Page.objects.get(pk=community_a.pk).delete()
    assert client.get(community_a_url).status_code == 404
    assert "Komunitas Guru SD Negara" not in client.get(community_index.url).content.decode()


def test_editing_a_snippet_purges_the_pages_that_show_it(client, about, locale_id):
    footer = FooterText.objects.create(body="<p>Alamat lama</p>", locale=locale_id)
    assert "Alamat lama" in client.get(about.url).content.decode()

    footer.body = "<p>Alamat baru</p>"
    footer.save()

    assert "Alamat baru" in client.get(about.url).content.decode()


def test_a_draft_does_not_empty_the_cache(client, about, django_assert_num_queries):
    client.get(about.url)
    generation = page_cache.generation()

    about.introduction = "Draf yang belum terbit"
    about.save_revision()

    assert page_cache.generation() == generation
    response = is_hit(client, about.url, django_assert_num_queries)
    assert "Versi pertama" in response.content.decode()


def test_a_purge_racing_a_transaction_is_repeated_on_commit(
    about, django_capture_on_commit_callbacks
):
    before = page_cache.generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page_cache.content_changed()
        during = page_cache.generation()

    assert len(callbacks) == 1
    assert before < during < page_cache.generation()


# --- never cached -----------------------------------------------------------------------------


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaksi", "redaksi@example.org", "pw")


def test_signed_in_users_are_never_served_nor_stored(client, about, editor):
    anonymous = Client()
    anonymous.get(about.url)  # the anonymous copy is in the cache
    client.force_login(editor)

    signed_in = client.get(about.url)
    later, queries = queries_of(Client(), about.url)

    assert "userbar" in signed_in.content.decode()
    assert cache_control(signed_in) >= NEVER
    assert "userbar" not in later.content.decode()
    assert queries == 0  # still the anonymous entry, not the editor's page


def test_previews_are_never_served_from_the_cache_nor_stored(
    client, about, django_assert_num_queries
):
    client.get(about.url)
    about.introduction = "Pratinjau yang belum terbit"

    preview = about.make_preview_request()

    assert "Pratinjau yang belum terbit" in preview.content.decode()
    assert "private" in cache_control(preview)
    published = is_hit(client, about.url, django_assert_num_queries)
    assert "Versi pertama" in published.content.decode()


@pytest.fixture
def private_section(home_id):
    section = add_page(home_id, title="Internal", slug="internal")
    child = add_page(section, title="Rapat", slug="rapat", introduction="Catatan rapat")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    return section, child


def test_password_protected_pages_and_their_children_are_never_cached(client, private_section):
    section, child = private_section
    for page in (section, child):
        form, _ = queries_of(client, page.url)
        again, queries = queries_of(client, page.url)
        assert "Catatan rapat" not in again.content.decode()
        assert cache_control(form) >= NEVER
        assert queries > 0

    restriction = PageViewRestriction.objects.get(page=section)
    client.post(
        f"/id/_util/authenticate_with_password/{restriction.pk}/{child.pk}/",
        {"password": "rahasia", "return_url": child.url},
    )
    unlocked = client.get(child.url)
    stranger, _ = queries_of(Client(), child.url)

    assert "Catatan rapat" in unlocked.content.decode()
    assert cache_control(unlocked) >= NEVER
    assert "Catatan rapat" not in stranger.content.decode()


def test_pages_for_signed_in_members_only_are_never_cached(client, home_id):
    page = add_page(home_id, title="Anggota", slug="anggota")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    client.get(page.url)
    response, queries = queries_of(client, page.url)

    assert response.status_code == 302
    assert cache_control(response) >= NEVER
    assert queries > 0


@pytest.fixture
def upcoming_meeting(frozen_now, community_a):
    return make_meeting(
        community_a,
        "Lokakarya asesmen",
        local(WITA, 2026, 12, 17, 14),
        local(WITA, 2026, 12, 17, 16),
    )


def test_pages_with_a_csrf_token_are_never_cached(upcoming_meeting):
    first, second = Client(), Client()
    one = first.get(upcoming_meeting.url)
    other, queries = queries_of(second, upcoming_meeting.url)

    assert 'name="csrfmiddlewaretoken"' in one.content.decode()
    assert cache_control(one) >= NEVER
    assert queries > 0
    assert one.cookies["csrftoken"].value != other.cookies["csrftoken"].value


def test_a_registration_confirmation_is_never_cached(client, upcoming_meeting):
    registration = Registration.objects.create(
        meeting=upcoming_meeting,
        occurrence_start=local(WITA, 2026, 12, 17, 14),
        name="Ibu Made",
        school="SDN 1 Negara",
        email="made@example.org",
        consent_given_at=meeting_helpers.NOW - datetime.timedelta(minutes=1),
    )
    url = upcoming_meeting.url + upcoming_meeting.reverse_subpage(
        "registered", args=[registration.token]
    )

    client.get(url)
    response, queries = queries_of(client, url)

    assert response.status_code == 200
    assert "Ibu Made" in response.content.decode()
    assert cache_control(response) >= NEVER
    assert queries > 0


def test_posts_are_never_cached(client, upcoming_meeting):
    url = upcoming_meeting.url + upcoming_meeting.reverse_subpage("register")
    response = client.post(url, {"name": ""})

    assert response.status_code in (200, 400, 429)
    assert "public" not in cache_control(response)


def test_the_search_page_is_not_stored_and_suggestions_keep_their_own_headers(
    client, home_id, about
):
    client.get("/id/cari/?q=tentang")
    search, queries = queries_of(client, "/id/cari/?q=tentang")
    suggestions = client.get("/id/cari/saran/?q=ten")

    assert search.status_code == 200
    assert queries > 0  # each search is counted for the search-terms report
    assert "public" not in cache_control(search)
    assert cache_control(suggestions) == {"public", "max-age=300"}


def test_the_root_redirect_is_never_shared(client, home_id):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert "Accept-Language" in response["Vary"]
    assert {"private", "max-age=0"} <= cache_control(response)


def test_healthz_and_the_admin_keep_their_own_headers(client, editor, home_id):
    assert "no-store" in client.get("/healthz")["Cache-Control"]
    client.force_login(editor)
    assert "private" in cache_control(client.get("/admin/"))


# --- the cache is down ------------------------------------------------------------------------


def test_pages_are_served_uncached_and_logged_once_when_redis_is_down(
    client, monkeypatch, about, caplog
):
    with (
        override_settings(CACHES=caches_from_base_settings(monkeypatch)),
        caplog.at_level(logging.WARNING, logger="home.page_cache"),
    ):
        first = client.get(about.url)
        second = client.get(about.url)

    warnings = [r for r in caplog.records if r.name == "home.page_cache"]
    assert first.status_code == second.status_code == 200
    assert "Versi pertama" in second.content.decode()
    assert len(warnings) == 1
    assert "serving pages uncached" in warnings[0].getMessage()
