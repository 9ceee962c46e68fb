"""The cached header and footer, and the cached private sections, never go stale."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction

from home import page_cache
from home.models import FooterText, StandardPage
from tests.conftest import add_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_id")]


@pytest.fixture(autouse=True)
def _no_page_cache():
    # Whole pages would hide what the header and footer do; this is about their parts.
    with override_settings(PAGE_CACHE_TIMEOUT=0):
        yield


def test_menu_follows_publishing(client, home_id):
    about = add_page(home_id, title="Tentang", slug="tentang", show_in_menus=True)
    assert ">Tentang</a>" in client.get("/id/").text
    add_page(home_id, title="Panduan", slug="panduan", show_in_menus=True)
    assert ">Panduan</a>" in client.get("/id/").text
    about.unpublish()
    assert ">Tentang</a>" not in client.get("/id/").text


def test_footer_follows_edits(client, locale_id):
    footer = FooterText.objects.create(locale=locale_id, body="<p>Dinas Pendidikan</p>")
    assert "Dinas Pendidikan" in client.get("/id/").text
    footer.body = "<p>Balai Guru Penggerak</p>"
    footer.save()
    text = client.get("/id/").text
    assert "Balai Guru Penggerak" in text and "Dinas Pendidikan" not in text


def test_header_and_footer_cost_no_query_once_cached(client, home_id, locale_id):
    add_page(home_id, title="Tentang", slug="tentang", show_in_menus=True)
    FooterText.objects.create(locale=locale_id, body="<p>Dinas Pendidikan</p>")
    client.get("/id/tentang/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/id/tentang/")
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "home_footertext" not in tables
    assert '"show_in_menus")' not in tables  # the menu query's condition
    # The list of every private section (for .public(), joined with the pages, and for
    # Wagtail's check of the page's own restrictions) comes from the cache.
    assert 'FROM "wagtailcore_pageviewrestriction"' not in tables


def test_a_section_made_private_leaves_public_listings_at_once(home_id):
    page = add_page(home_id, title="Rahasia", slug="rahasia")
    assert StandardPage.objects.live().public().filter(pk=page.pk).exists()  # now cached
    restriction = PageViewRestriction.objects.create(
        page=Page.objects.get(pk=page.pk), restriction_type="login"
    )
    assert not StandardPage.objects.live().public().filter(pk=page.pk).exists()
    child = add_page(page, title="Di bawahnya", slug="di-bawahnya")
    assert not StandardPage.objects.public().filter(pk=child.pk).exists()
    restriction.delete()
    assert StandardPage.objects.live().public().filter(pk=child.pk).exists()


def test_measuring_a_document_is_not_a_content_change():
    # Wagtail saves a document's size the first time a page shows it: a page view must not
    # empty the caches.
    document = Document.objects.create(
        title="LKPD", file=ContentFile(b"%PDF-1.4 lembar kerja", name="lkpd.pdf")
    )
    before = page_cache.generation()
    document.file_size = 21
    document.save(update_fields=["file_size"])
    assert page_cache.generation() == before
    document.title = "LKPD pecahan"
    document.save()
    assert page_cache.generation() != before


def test_without_a_cache_each_vocabulary_is_read_once_per_request(rf, monkeypatch):
    # Redis down: every card of a listing asks for term names; one query per request.
    from communities.models import SchoolLevel
    from communities.templatetags.taxonomy_tags import term_names

    monkeypatch.setattr(page_cache, "generation", lambda: None)
    levels = list(SchoolLevel.objects.filter(locale__language_code="id")[:2])
    context = {"request": rf.get("/id/")}
    with CaptureQueriesContext(connection) as queries:
        first = term_names(context, levels)
        assert term_names(context, levels) == first
    assert len(queries) == 1
