"""RSS and Atom feeds of practice articles: valid XML, the right items, per language
and per community."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from communities.models import CommunityIndexPage
from tests.communities.test_article_listing import article_index  # noqa: F401 (fixture)
from tests.communities.test_articles import make_article
from tests.conftest import translate_page

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(content):
    """Parse our own feed; raises if it is not well-formed XML."""
    return ET.fromstring(content)  # noqa: S314 (the portal's own output, in a test)


@pytest.fixture
def articles(article_index, community_a, community_b):  # noqa: F811
    pages = {
        "a_old": make_article(community_a, "Numerasi kelas 1", date=datetime.date(2025, 2, 1)),
        "a_new": make_article(community_a, "Numerasi kelas 2", date=datetime.date(2025, 8, 1)),
        "b": make_article(community_b, "Asesmen diagnostik", date=datetime.date(2025, 5, 1)),
        "draft": make_article(community_b, "Belum terbit", date=datetime.date(2025, 9, 1)),
    }
    pages["draft"].unpublish()
    return pages


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse(response.content).find("channel")
    return channel, [
        {child.tag: (child.text or "") for child in item} for item in channel.findall("item")
    ]


def test_global_rss_feed_lists_live_articles_newest_first(client, articles):
    channel, items = rss_items(client.get("/id/praktik-baik/feed/rss/"))

    assert [item["title"] for item in items] == [
        "Numerasi kelas 2",
        "Asesmen diagnostik",
        "Numerasi kelas 1",
    ]
    assert channel.find("language").text == "id"
    assert channel.find("link").text == "http://localhost/id/praktik-baik/"
    first = items[0]
    assert first["link"] == "http://localhost" + articles["a_new"].url
    assert first["description"] == "Ringkasan Numerasi kelas 2"
    assert "01 Aug 2025" in first["pubDate"]


def test_atom_feed(client, articles):
    response = client.get("/id/praktik-baik/feed/atom/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Numerasi kelas 2",
        "Asesmen diagnostik",
        "Numerasi kelas 1",
    ]
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "Ratna Sari"
    assert entries[0].find(f"{ATOM}link").get("href").endswith(articles["a_new"].url)


def test_community_feed_has_only_that_communitys_articles(client, articles, community_a):
    channel, items = rss_items(client.get(f"/id/praktik-baik/feed/{community_a.slug}/rss/"))

    assert [item["title"] for item in items] == ["Numerasi kelas 2", "Numerasi kelas 1"]
    assert community_a.title in channel.find("title").text
    assert channel.find("link").text == "http://localhost" + community_a.url

    atom = parse(client.get(f"/id/praktik-baik/feed/{community_a.slug}/atom/").content)
    assert len(atom.findall(f"{ATOM}entry")) == 2


def test_unknown_community_feed_is_not_found(client, articles):
    assert client.get("/id/praktik-baik/feed/tidak-ada/rss/").status_code == 404
    assert client.get("/id/praktik-baik/feed/rss/lainnya/").status_code == 404


def test_english_feed_has_only_english_articles(client, articles, article_index, locale_en):  # noqa: F811
    home = article_index.get_parent().specific
    translate_page(home, locale_en, title="Home", slug="home")
    translate_page(article_index, locale_en, title="Good practice", slug="good-practice")
    translate_page(CommunityIndexPage.objects.get(), locale_en, slug="communities")
    article = articles["b"]
    translate_page(article.get_parent().get_parent().specific, locale_en)
    community_en = translate_page(article.get_parent().specific, locale_en, slug="smp-harapan")
    translate_page(article, locale_en, title="Diagnostic assessment", slug="diagnostic")

    channel, items = rss_items(client.get("/en/good-practice/feed/rss/"))
    _, community_items = rss_items(client.get(f"/en/good-practice/feed/{community_en.slug}/rss/"))

    assert channel.find("language").text == "en"
    assert [item["title"] for item in items] == ["Diagnostic assessment"]
    assert items[0]["link"].startswith("http://localhost/en/")
    assert [item["title"] for item in community_items] == ["Diagnostic assessment"]
    # The Indonesian slug of a community is not known in the English feed.
    assert client.get(f"/en/good-practice/feed/{article.get_parent().slug}/rss/").status_code == 404


def test_listing_page_advertises_its_feeds(client, articles):
    html = client.get("/id/praktik-baik/").content.decode()

    assert (
        '<link rel="alternate" type="application/rss+xml" title="Praktik Baik (RSS)" '
        'href="/id/praktik-baik/feed/rss/">' in html
    )
    assert 'type="application/atom+xml"' in html and 'href="/id/praktik-baik/feed/atom/"' in html
