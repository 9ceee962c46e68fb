"""What a page tells search engines and chat apps about itself: canonical URL, Open Graph
and Twitter card tags in both languages, and the WhatsApp share link."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.models import StandardPage
from tests.communities.meeting_helpers import WITA, frozen_now, second_thursday  # noqa: F401
from tests.communities.test_articles import make_article
from tests.conftest import add_page, translate_page
from tests.home.markup import elements, meta_tags
from tests.resources.conftest import library, make_resource  # noqa: F401

pytestmark = pytest.mark.django_db


def meta(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return meta_tags(response.content.decode())


def one(tags, key):
    assert len(tags.get(key, [])) == 1, f"{key}: {tags.get(key)}"
    return tags[key][0]


def whatsapp_link(html):
    links = [a for a in elements(html, "a") if a.get("href", "").startswith("https://wa.me/")]
    assert len(links) == 1
    return links[0]


@pytest.fixture
def photo(db):
    return Image.objects.create(
        title="Guru berdiskusi", file=get_test_image_file("diskusi.png", size=(1400, 900))
    )


@pytest.fixture
def article(community_b, photo):
    return make_article(
        community_b,
        "Asesmen diagnostik & umpan balik",
        slug="asesmen-diagnostik",
        summary="Guru SMP menguji asesmen diagnostik di awal bab pecahan.",
        cover_image=photo,
        cover_image_alt="Guru membahas hasil asesmen",
        photo_consent=True,
    )


def test_article_has_canonical_open_graph_and_large_twitter_card(client, article):
    tags = meta(client, article.url)

    canonical = one(tags, "canonical")
    assert canonical.startswith("http") and canonical.endswith(article.url)
    assert one(tags, "og:url") == canonical
    assert one(tags, "og:type") == "article"
    assert one(tags, "og:title") == "Asesmen diagnostik & umpan balik"
    assert one(tags, "og:description") == "Guru SMP menguji asesmen diagnostik di awal bab pecahan."
    assert one(tags, "og:site_name") == "Komunitas Praktisi"
    assert one(tags, "og:locale") == "id_ID"
    assert "og:locale:alternate" not in tags  # no English version yet
    assert one(tags, "article:published_time") == "2025-10-09"

    image = one(tags, "og:image")
    assert urlsplit(image).scheme == "http" and image.endswith(".jpg")
    assert (one(tags, "og:image:width"), one(tags, "og:image:height")) == ("1200", "630")
    assert one(tags, "og:image:alt") == "Guru membahas hasil asesmen"
    assert one(tags, "twitter:card") == "summary_large_image"
    assert one(tags, "twitter:image") == image


def test_both_languages_point_to_each_other(client, article, english_tree, home_en, locale_en):
    community_b = article.get_parent()
    translate_page(community_b.get_parent().specific, locale_en)
    translate_page(community_b.specific, locale_en)
    article_en = translate_page(
        article,
        locale_en,
        title="Diagnostic assessment and feedback",
        slug="diagnostic-assessment",
        summary="Lower secondary teachers try diagnostic assessment on fractions.",
    )
    article_en = article_en.__class__.objects.get(pk=article_en.pk)  # its new URL path

    english = meta(client, article_en.url)
    indonesian = meta(client, article.url)

    assert urlsplit(one(english, "canonical")).path == article_en.url
    assert urlsplit(one(indonesian, "canonical")).path == article.url
    assert one(english, "og:locale") == "en_US"
    assert one(english, "og:locale:alternate") == "id_ID"
    assert one(indonesian, "og:locale") == "id_ID"
    assert one(indonesian, "og:locale:alternate") == "en_US"
    assert one(english, "og:title") == "Diagnostic assessment and feedback"
    assert one(english, "og:description").startswith("Lower secondary teachers")


def test_search_description_wins_and_query_strings_leave_the_canonical(client, about_pages):
    about, about_en = about_pages
    about.search_description = "Apa itu komunitas praktisi dan siapa yang menulis di sini."
    about.save_revision().publish()

    tags = meta(client, about.url, only_in="en", utm_source="wa")

    assert one(tags, "og:description") == about.search_description
    assert one(tags, "canonical").endswith("/id/tentang/")
    assert one(tags, "og:type") == "website"
    assert one(tags, "twitter:card") == "summary"  # no image to show
    assert "og:image" not in tags


def test_listings_are_canonical_to_the_plain_page_except_for_the_page_number(
    client, community_b, monkeypatch, home_id
):
    from communities import article_listing
    from communities.models import PracticeArticleIndexPage

    monkeypatch.setattr(article_listing, "PAGE_SIZE", 1)
    index = add_page(home_id, PracticeArticleIndexPage, title="Praktik Baik", slug="praktik-baik")
    make_article(community_b, "Artikel pertama")
    make_article(community_b, "Artikel kedua")

    plain = one(meta(client, index.url), "canonical")
    assert plain.endswith("/id/praktik-baik/")
    assert one(meta(client, index.url, page=2), "canonical") == f"{plain}?page=2"
    assert one(meta(client, index.url, page=2, level="smp"), "canonical") == plain
    assert one(meta(client, index.url, page="x"), "canonical") == plain


def test_whatsapp_link_on_an_article_carries_the_title_and_encoded_url(client, article):
    html = client.get(article.url).content.decode()
    link = whatsapp_link(html)
    canonical = one(meta_tags(html), "canonical")

    text = parse_qs(urlsplit(link["href"]).query)["text"]
    assert text == [f"Asesmen diagnostik & umpan balik {canonical}"]
    # Encoded, so "&" in the title cannot end the parameter and the URL stays whole.
    assert " " not in link["href"] and "%26" in link["href"] and "%3A%2F%2F" in link["href"]
    assert link["target"] == "_blank" and "noopener" in link["rel"].split()
    with translation.override("id"):  # the article is Indonesian
        assert gettext("Share on WhatsApp") in html and gettext("(opens in a new tab)") in html


def test_meeting_shares_its_agenda_and_has_a_whatsapp_link(client, frozen_now, community_a):  # noqa: F811
    meeting = second_thursday(
        community_a, WITA, agenda="<p>Berbagi praktik <b>asesmen</b> &amp; refleksi.</p>"
    )

    html = client.get(meeting.url).content.decode()
    tags = meta_tags(html)

    assert one(tags, "og:type") == "website"
    assert one(tags, "og:description") == "Berbagi praktik asesmen & refleksi."
    assert meeting.title in parse_qs(urlsplit(whatsapp_link(html)["href"]).query)["text"][0]


def test_resource_shares_its_summary_and_has_a_whatsapp_link(client, library):  # noqa: F811
    resource = make_resource(library, "Modul Ajar Pecahan", summary="Modul untuk fase C.")

    html = client.get(resource.url).content.decode()

    assert one(meta_tags(html), "og:description") == "Modul untuk fase C."
    text = parse_qs(urlsplit(whatsapp_link(html)["href"]).query)["text"][0]
    assert text.startswith("Modul Ajar Pecahan http") and text.endswith(resource.url)


def test_first_body_image_stands_for_a_page_without_cover(client, home_id, photo):
    page = add_page(
        home_id,
        StandardPage,
        title="Galeri",
        body=[
            ("paragraph", "<p>Kegiatan kami.</p>"),
            ("image", {"image": photo, "alt_text": "Guru di kelas", "decorative": False}),
        ],
    )

    tags = meta(client, page.url)

    assert one(tags, "og:image").endswith(".jpg")
    assert one(tags, "og:image:alt") == "Guru di kelas"


def test_pages_without_share_links_and_views_without_page_meta(client, about_pages):
    about, _ = about_pages
    html = client.get(about.url).content.decode()
    assert "https://wa.me/" not in html  # only articles, meetings and resources

    search = client.get("/id/cari/").content.decode()
    assert "canonical" not in meta_tags(search) and "og:type" not in meta_tags(search)
