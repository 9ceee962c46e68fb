"""Page views route with the cached site, locales, home page and private sections
(home/routing.py, home/locales.py, home/restrictions.py), and never serve stale answers."""

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home import chrome, locales, page_cache
from tests.conftest import add_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_id")]


@pytest.fixture(autouse=True)
def _no_page_cache():
    # Whole pages would hide the routing; this is about its parts.
    with override_settings(PAGE_CACHE_TIMEOUT=0):
        yield


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, " ".join(query["sql"] for query in queries.captured_queries)


@pytest.mark.parametrize("url", ["/id/", "/id/tentang/", "/en/", "/en/about/"])
def test_a_second_view_spends_no_query_on_site_locale_home_page_or_privacy(
    client, about_pages, url
):
    client.get(url)
    response, sql = queries_of(client, url)
    assert response.status_code == 200
    assert 'FROM "wagtailcore_site"' not in sql
    assert 'FROM "wagtailcore_locale"' not in sql  # (listings may join it)
    assert 'FROM "wagtailcore_pageviewrestriction"' not in sql
    assert '"alias_of_id" FROM' not in sql  # Wagtail's walk up the ancestors
    assert '"translation_key" =' not in sql  # the switcher and hreflang alternates
    if url in ("/id/", "/en/"):
        assert "home_homepage" not in sql


def test_routing_still_finds_every_page(client, about_pages):
    about, about_en = about_pages
    assert client.get("/id/tentang/").context["page"].pk == about.pk
    assert client.get("/en/about/").context["page"].pk == about_en.pk
    assert client.get("/id/tentang/").context["page"].locale.language_code == "id"
    assert client.get("/en/about/").context["page"].locale.language_code == "en"
    assert client.get("/id/about/").status_code == 404
    assert client.get("/en/tidak-ada/").status_code == 404


def test_a_home_page_edit_shows_at_once(client, home_id):
    client.get("/id/")
    home_id.hero_heading = "Selamat datang, Guru"
    home_id.save_revision().publish()
    assert "Selamat datang, Guru" in client.get("/id/").text


def test_a_page_made_private_is_private_at_once(client, home_id):
    section = add_page(home_id, title="Rahasia", slug="rahasia")
    add_page(section, title="Di bawahnya", slug="di-bawahnya")
    assert client.get("/id/rahasia/di-bawahnya/").status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=Page.objects.get(pk=section.pk), restriction_type="login"
    )
    assert client.get("/id/rahasia/di-bawahnya/").status_code == 302  # to the login
    assert client.get("/id/").status_code == 200
    restriction.delete()
    assert client.get("/id/rahasia/di-bawahnya/").status_code == 200


def test_an_alias_of_a_private_page_stays_private(client, home_id):
    section = add_page(home_id, title="Rahasia", slug="rahasia")
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=section.pk), restriction_type="login"
    )
    alias = Page.objects.get(pk=section.pk).create_alias(update_slug="salinan")
    assert alias.alias_of_id == section.pk
    assert client.get("/id/salinan/").status_code == 302


def test_a_new_site_host_is_routed_at_once(client, home_id, settings):
    settings.ALLOWED_HOSTS = ["guru.example.org", "daerah.example.org"]
    assert client.get("/id/", HTTP_HOST="guru.example.org").status_code == 200  # the default
    section = add_page(home_id, title="Daerah", slug="daerah")
    Site.objects.create(hostname="daerah.example.org", root_page=Page.objects.get(pk=section.pk))
    response = client.get("/id/", HTTP_HOST="daerah.example.org")
    assert response.context["page"].pk == section.pk


def test_the_active_locale_follows_the_locale_table():
    from django.utils import translation

    with translation.override("en"):
        english = Locale.get_active()
        assert english.language_code == "en"
        assert english.pk == Locale.objects.get(language_code="en").pk
        english.language_code = "fr"
        english.save()
        # No locale for English any more: Wagtail's fallback, the default language's.
        assert Locale.get_active().language_code == "id"


def test_without_a_cache_wagtail_queries_as_before(client, about_pages, monkeypatch):
    monkeypatch.setattr(page_cache, "generation", lambda: None)
    response, sql = queries_of(client, "/en/about/")
    assert response.status_code == 200
    assert "wagtailcore_site" in sql and "wagtailcore_pageviewrestriction" in sql
    assert locales.locale_ids() is None


def test_a_lost_database_while_routing_is_still_the_503_page(client, monkeypatch):
    def fail(request):
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(chrome, "find_site", fail)  # the middleware's routing
    monkeypatch.setattr(Site, "find_for_request", fail)  # the view's own, after it
    response = client.get("/id/")
    assert response.status_code == 503
