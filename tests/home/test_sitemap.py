"""/sitemap.xml lists every live, public page in both languages with its translations as
hreflang alternates; /robots.txt points to it and keeps crawlers out of the admin and
search results. Both are served at the root, outside the language prefixes."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home import sitemaps
from home.models import StandardPage
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_files(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (the portal's own output, in a test)
    return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]


def sitemap_entries(client, url="/sitemap-pages.xml"):
    """{path: {hreflang: path of the alternate}} for one sitemap file."""
    response = client.get(url)
    assert response.status_code == 200
    entries = {}
    root = ET.fromstring(response.content)  # noqa: S314 (the portal's own output, in a test)
    for node in root.findall("sm:url", NS):
        path = urlsplit(node.find("sm:loc", NS).text).path
        entries[path] = {
            link.get("hreflang"): urlsplit(link.get("href")).path
            for link in node.findall("xhtml:link", NS)
        }
    return entries


def test_index_points_to_the_page_sitemap(client, about_pages):
    assert sitemap_files(client) == ["http://testserver/sitemap-pages.xml"]


def test_both_languages_are_listed_with_their_alternates(client, about_pages):
    entries = sitemap_entries(client)

    alternates = {"id": "/id/tentang/", "en": "/en/about/", "x-default": "/id/tentang/"}
    assert entries["/id/tentang/"] == alternates
    assert entries["/en/about/"] == alternates
    assert entries["/id/"] == {"id": "/id/", "en": "/en/", "x-default": "/id/"}
    assert entries["/en/"] == entries["/id/"]


def test_untranslated_drafts_and_private_pages(client, about_pages, home_id):
    about, _ = about_pages
    only_id = add_page(home_id, title="Panduan", slug="panduan")
    private = add_page(home_id, title="Rapat internal", slug="rapat-internal")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    add_page(private, title="Notulen", slug="notulen")
    draft = StandardPage(title="Belum terbit", slug="belum-terbit", live=False)
    home_id.add_child(instance=draft)
    draft.save_revision()  # never published: not live

    entries = sitemap_entries(client)

    assert entries[only_id.url] == {}  # nothing to alternate with
    assert "/id/rapat-internal/" not in entries
    assert "/id/rapat-internal/notulen/" not in entries
    assert "/id/belum-terbit/" not in entries
    assert set(entries) == {"/id/", "/en/", "/id/tentang/", "/en/about/", "/id/panduan/"}


def test_large_sites_are_split_into_numbered_files(client, about_pages, monkeypatch):
    monkeypatch.setattr(sitemaps.PortalSitemap, "limit", 3)

    files = sitemap_files(client)
    assert files == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
    ]
    first, second = sitemap_entries(client), sitemap_entries(client, "/sitemap-pages.xml?p=2")

    assert len(first) == 3 and len(second) == 1
    # Alternates are found across files.
    assert {**first, **second}["/en/about/"]["id"] == "/id/tentang/"
    assert client.get("/sitemap-pages.xml?p=9").status_code == 404
    assert client.get("/sitemap-pages.xml?p=x").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404


def test_query_count_does_not_grow_with_the_pages(client, about_pages, home_id, monkeypatch):
    def queries():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap-pages.xml").status_code == 200
        return len(captured)

    few = queries()
    for number in range(6):
        add_page(home_id, title=f"Panduan {number}", slug=f"panduan-{number}")
    assert queries() == few


def test_robots_txt(client, about_pages):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/api/", "/id/cari/", "/en/search/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the public site stays crawlable
