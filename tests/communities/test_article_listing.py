"""The Praktik Baik listing: newest first, filters in the URL, bad input, both
languages, constant query counts; and a community's own articles."""

import datetime
import re

import pytest
from django.conf import settings
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Filter, Image
from wagtail.images.tests.utils import get_test_image_file

from communities.article_listing import (
    CARD_IMAGE_SPECS,
    articles_for_community,
    community_articles_context,
    live_articles,
    prefetch_card_details,
)
from communities.models import PracticeArticleIndexPage
from tests.communities.conftest import make_community, make_region
from tests.communities.test_articles import make_article, set_terms
from tests.conftest import add_page, translate_page

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def article_index(home_id):
    return add_page(home_id, PracticeArticleIndexPage, title="Praktik Baik", slug="praktik-baik")


@pytest.fixture
def catalogue(article_index, community_index, community_a, community_b):
    """Articles in Jembrana (Bali), Kota Bandung and Kota Jayapura (Papua)."""
    jayapura = make_community(make_region(community_index, "91.71"), "Guru SMA Jayapura")
    specs = [
        ("Numerasi dengan benda konkret", community_a, 3, ["sd"], ["matematika"], ["numerasi"]),
        ("Asesmen diagnostik pecahan", community_b, 9, ["smp"], ["matematika"], ["asesmen"]),
        ("Berbicara bahasa Inggris", community_a, 6, ["smp"], ["bahasa-inggris"], []),
        ("Projek mangrove", jayapura, 1, ["sma"], ["biologi"], ["p5"]),
    ]
    pages = {}
    for title, community, month, levels, subjects, topics in specs:
        page = make_article(community, title, date=datetime.date(2025, month, 15))
        pages[title] = set_terms(page, levels, subjects, topics)
    return pages


def test_lists_all_articles_newest_first(client, catalogue):
    response = client.get("/id/praktik-baik/")

    assert response.status_code == 200
    assert titles(response) == [
        "Asesmen diagnostik pecahan",
        "Berbicara bahasa Inggris",
        "Numerasi dengan benda konkret",
        "Projek mangrove",
    ]
    html = response.content.decode()
    assert "Komunitas Guru SD Negara, Kabupaten Jembrana" in html  # community and region
    assert "Ratna Sari" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("level=smp", {"Asesmen diagnostik pecahan", "Berbicara bahasa Inggris"}),
        ("subject=matematika", {"Asesmen diagnostik pecahan", "Numerasi dengan benda konkret"}),
        ("topic=p5", {"Projek mangrove"}),
        ("province=bali", {"Numerasi dengan benda konkret", "Berbicara bahasa Inggris"}),
        ("regency=kota-bandung", {"Asesmen diagnostik pecahan"}),
        ("province=bali&level=smp", {"Berbicara bahasa Inggris"}),
        ("level=smp&subject=matematika&topic=asesmen", {"Asesmen diagnostik pecahan"}),
        ("province=papua&subject=matematika", set()),
    ],
)
def test_filters_and_combinations(client, catalogue, query, expected):
    response = client.get(f"/id/praktik-baik/?{query}")

    assert response.status_code == 200
    assert set(titles(response)) == expected
    if not expected:
        assert (
            "Tidak ada artikel praktik baik yang sesuai dengan saringan ini."
            in response.content.decode()
        )


def test_unknown_archived_and_unpublished_articles_are_not_listed(client, catalogue):
    catalogue["Projek mangrove"].unpublish()

    response = client.get("/id/praktik-baik/")

    assert "Projek mangrove" not in titles(response)
    assert len(titles(response)) == 3


@pytest.mark.parametrize(
    "query",
    [
        "level=tk-luar-angkasa",
        "subject=%00",
        "topic=<script>",
        "province=" + "x" * 500,
        "regency=kota-bandung&regency=bogus",
        "page=abc",
        "page=999",
        "page=-1",
    ],
)
def test_bad_input_gives_a_message_not_an_error(client, catalogue, query):
    response = client.get(f"/id/praktik-baik/?{query}")

    assert response.status_code == 200
    assert 'class="notice"' in response.content.decode()
    assert titles(response)  # the rest of the listing still shows


def test_a_bad_filter_is_ignored_and_the_good_ones_apply(client, catalogue):
    response = client.get("/id/praktik-baik/?level=smp&topic=tidak-ada")

    assert set(titles(response)) == {"Asesmen diagnostik pecahan", "Berbicara bahasa Inggris"}
    assert "“Topik”" in response.content.decode()  # the message names the filter


def test_pagination(client, article_index, community_a):
    for day in range(1, 15):
        make_article(community_a, f"Artikel {day:02d}", date=datetime.date(2025, 1, day))

    first = client.get("/id/praktik-baik/")
    second = client.get("/id/praktik-baik/?page=2")

    assert len(titles(first)) == 12 and titles(first)[0] == "Artikel 14"
    assert titles(second) == ["Artikel 02", "Artikel 01"]


def test_english_listing_shows_only_english_articles(client, catalogue, article_index, locale_en):
    from communities.models import CommunityIndexPage

    home_en = article_index.get_parent().specific.get_translation_or_none(locale_en)
    if home_en is None:
        home_en = translate_page(article_index.get_parent().specific, locale_en, slug="home")
    index_en = translate_page(article_index, locale_en, title="Good practice", slug="good-practice")
    community_index = CommunityIndexPage.objects.get(locale__language_code="id")
    translate_page(community_index, locale_en, slug="communities")
    article = catalogue["Asesmen diagnostik pecahan"]
    translate_page(article.get_parent().get_parent().specific, locale_en)
    translate_page(article.get_parent().specific, locale_en, title="SMP Harapan teachers")
    translate_page(article, locale_en, title="Diagnostic assessment of fractions", slug="diag")
    assert index_en

    english = client.get("/en/good-practice/")
    english_smp = client.get("/en/good-practice/?level=smp&subject=matematika")
    indonesian = client.get("/id/praktik-baik/")

    assert english.status_code == 200
    assert titles(english) == ["Diagnostic assessment of fractions"]
    assert titles(english_smp) == ["Diagnostic assessment of fractions"]
    html = english.content.decode()
    assert "SMP Harapan teachers" in html and "Mathematics" in html
    assert '<option value="matematika">Mathematics</option>' in html
    assert "Diagnostic assessment of fractions" not in titles(indonesian)
    assert len(titles(indonesian)) == 4


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_listing_query_count_does_not_grow_with_articles(client, article_index, community_a):
    communities = [community_a] + [
        make_community(community_a.get_parent(), f"Komunitas {n}") for n in range(3)
    ]

    def add(count, start):
        for n in range(start, start + count):
            page = make_article(
                communities[n % 4],
                f"Artikel {n}",
                authors=[("Ratna", "teacher", "SMP"), ("Dewi", "teacher", "")],
                cover_image=Image.objects.create(title=f"Foto {n}", file=get_test_image_file()),
                cover_image_alt="Guru dan murid",
                photo_consent=True,
            )
            set_terms(page, ["smp"], ["matematika"], ["asesmen"])

    add(3, 0)
    client.get("/id/praktik-baik/")  # the first view makes the card renditions
    few = count_queries(client, "/id/praktik-baik/")
    few_filtered = count_queries(client, "/id/praktik-baik/?province=bali&level=smp")
    add(9, 3)
    client.get("/id/praktik-baik/")
    many = count_queries(client, "/id/praktik-baik/")
    many_filtered = count_queries(client, "/id/praktik-baik/?province=bali&level=smp")

    assert few == many
    assert few_filtered == many_filtered
    assert (
        client.get("/id/praktik-baik/").content.decode().count('class="practice-card__image"') == 12
    )


def test_community_articles_newest_first_in_constant_queries(
    community_a, community_b, article_index
):
    make_article(community_b, "Artikel komunitas lain")
    for day in (1, 2):
        make_article(community_a, f"Artikel {day}", date=datetime.date(2025, 3, day))
    # Warm the site root paths cache that {% pageurl %} uses, as a real request would.
    render_to_string(
        "communities/includes/community_articles.html", community_articles_context(community_a)
    )

    with CaptureQueriesContext(connection) as few:
        context = community_articles_context(community_a, limit=3)
        html = render_to_string("communities/includes/community_articles.html", context)
    for day in (3, 4, 5):
        make_article(community_a, f"Artikel {day}", date=datetime.date(2025, 3, day))
    # Once more to create the new covers' renditions, as the first visitor's request does.
    render_to_string(
        "communities/includes/community_articles.html",
        community_articles_context(community_a, limit=3),
    )
    with CaptureQueriesContext(connection) as many:
        render_to_string(
            "communities/includes/community_articles.html",
            community_articles_context(community_a, limit=3),
        )

    assert len(few) == len(many)
    assert [a.title for a in articles_for_community(community_a, 3)] == [
        "Artikel 5",
        "Artikel 4",
        "Artikel 3",
    ]
    assert "Artikel 2" in html and "Artikel komunitas lain" not in html
    assert f'href="/id/praktik-baik/feed/{community_a.slug}/rss/"' in html


def test_community_without_articles_says_so(community_a):
    html = render_to_string(
        "communities/includes/community_articles.html", community_articles_context(community_a)
    )

    assert "Komunitas ini belum menerbitkan artikel praktik baik." in html


def test_cards_read_only_their_own_renditions_and_make_none_again(
    client, article_index, community_a
):
    cover = Image.objects.create(title="Foto", file=get_test_image_file())
    make_article(
        community_a,
        "Artikel bergambar",
        cover_image=cover,
        cover_image_alt="Guru",
        photo_consent=True,
    )
    cover.get_rendition("format-webp|width-480")  # the article page's, not a card's
    client.get("/id/praktik-baik/")  # the first view makes the card's renditions
    made = cover.renditions.count()
    assert made == len(CARD_IMAGE_SPECS) + 1

    html = client.get("/id/praktik-baik/").content.decode()

    assert cover.renditions.count() == made  # none made again
    assert html.count('class="practice-card__image"') == 1
    (article,) = prefetch_card_details(live_articles(community_a.locale_id))
    assert {r.filter_spec for r in article.cover_image.renditions.all()} == set(CARD_IMAGE_SPECS)


def test_card_image_specs_are_those_the_card_template_asks_for():
    template = settings.BASE_DIR / "templates/communities/includes/article_card.html"
    tokens = re.search(r"{% picture article\.cover_image (.*?) sizes=", template.read_text())
    assert Filter.expand_spec(tokens.group(1).split()) == CARD_IMAGE_SPECS
