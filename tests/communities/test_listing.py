"""The Komunitas listing and community pages: filters, bad input, query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from communities.models import CommunityMember, CommunityNorm, SchoolLevel, Subject
from tests.communities.conftest import make_community, make_region, term
from tests.conftest import translate_page

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def count_line(response):
    return re.search(r'class="result-count"[^>]*>\s*(.*?)\s*</p>', response.content.decode(), re.S)[
        1
    ]


@pytest.fixture
def catalogue(community_index, region_x, region_y):
    """Four communities with different levels, subjects, types and modes."""
    jayapura = make_region(community_index, "91.71")
    pages = {
        "sd_math": make_community(
            region_x, "Gugus SD Negara", community_type="between_schools", meeting_mode="blended"
        ),
        "smp_math": make_community(region_y, "Guru SMP Harapan", schools="SMP Harapan"),
        "smp_english": make_community(
            region_x, "Guru Bahasa Inggris Jembrana", community_type="online", meeting_mode="online"
        ),
        "sma_science": make_community(jayapura, "Guru SMA Jayapura"),
    }
    for key, level, subject in [
        ("sd_math", "sd", "matematika"),
        ("smp_math", "smp", "matematika"),
        ("smp_english", "smp", "bahasa-inggris"),
        ("sma_science", "sma", "fisika"),
    ]:
        page = pages[key]
        page.levels.set([term(SchoolLevel, level)])
        page.subjects.set([term(Subject, subject)])
        page.save_revision().publish()
    return pages


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            {
                "Gugus SD Negara",
                "Guru SMP Harapan",
                "Guru Bahasa Inggris Jembrana",
                "Guru SMA Jayapura",
            },
        ),
        ("province=bali", {"Gugus SD Negara", "Guru Bahasa Inggris Jembrana"}),
        ("regency=kota-bandung", {"Guru SMP Harapan"}),
        ("level=smp", {"Guru SMP Harapan", "Guru Bahasa Inggris Jembrana"}),
        ("subject=matematika", {"Gugus SD Negara", "Guru SMP Harapan"}),
        ("type=online", {"Guru Bahasa Inggris Jembrana"}),
        ("mode=blended", {"Gugus SD Negara"}),
        ("q=harapan", {"Guru SMP Harapan"}),
        ("province=bali&level=smp", {"Guru Bahasa Inggris Jembrana"}),
        ("level=smp&subject=matematika&mode=face_to_face", {"Guru SMP Harapan"}),
        ("province=papua&subject=matematika", set()),
    ],
)
def test_each_filter_and_combinations(client, catalogue, query, expected):
    response = client.get(f"/id/komunitas/?{query}")

    assert response.status_code == 200
    assert set(titles(response)) == expected
    assert count_line(response).startswith(str(len(expected)))


def test_filters_work_in_english_with_english_names(client, catalogue, english_tree, locale_en):
    # english_tree translated community A ("sd_math" lives in region X too).
    translate_page(catalogue["sd_math"], locale_en, title="Negara Primary Cluster")

    response = client.get("/en/communities/?subject=matematika&province=bali")

    assert response.status_code == 200
    assert titles(response) == ["Negara Primary Cluster"]
    html = response.content.decode()
    assert "Mathematics" in html  # the term is shown in the reader's language
    assert '<option value="matematika" selected>Mathematics</option>' in html
    assert "1 community found" in html


def test_empty_result_says_so_and_offers_to_clear_filters(client, catalogue):
    html = client.get("/id/komunitas/?province=papua&subject=matematika").content.decode()

    assert "Tidak ada komunitas yang cocok" in html
    assert 'href="/id/komunitas/"' in html and "Hapus semua filter" in html


@pytest.mark.parametrize(
    "query",
    [
        "level=tidak-ada",
        "province=atlantis&regency=%3Cscript%3E",
        "page=abc",
        "page=999",
        "page=-1",
        "page=0",
        "type=x&mode=y",
        "q=" + "a" * 500,
    ],
)
def test_invalid_filter_values_give_a_normal_page_with_a_message(client, catalogue, query):
    response = client.get(f"/id/komunitas/?{query}")

    assert response.status_code == 200
    assert 'class="notice"' in response.content.decode()


def test_sql_looking_text_is_just_text(client, catalogue):
    response = client.get("/id/komunitas/?q=%27%3B+DROP+TABLE+wagtailcore_page%3B--")

    assert response.status_code == 200
    assert titles(response) == []
    assert client.get("/id/komunitas/").status_code == 200


def test_valid_filters_still_apply_beside_an_invalid_one(client, catalogue):
    response = client.get("/id/komunitas/?province=bali&level=tidak-ada")

    assert set(titles(response)) == {"Gugus SD Negara", "Guru Bahasa Inggris Jembrana"}


def test_pagination_keeps_the_filters(client, community_index, region_x):
    for number in range(14):
        make_community(region_x, f"Komunitas {number:02d}", meeting_mode="online")

    first = client.get("/id/komunitas/?mode=online").content.decode()
    second = client.get("/id/komunitas/?mode=online&page=2")

    assert 'href="?mode=online&amp;page=2"' in first
    assert len(titles(second)) == 2


def add_communities(region, count, start=0):
    level = term(SchoolLevel, "smp")
    subjects = [term(Subject, "matematika"), term(Subject, "ipa")]
    for number in range(start, start + count):
        page = make_community(region, f"Komunitas Uji {number:03d}")
        page.levels.set([level])
        page.subjects.set(subjects)
        page.members.add(CommunityMember(name=f"Guru {number}", role="teacher"))
        page.save_revision().publish()


def queries_for(client, url):
    client.get(url)  # warm: the site's root paths are cached after the first request
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_listing_query_count_does_not_grow_with_communities(client, community_index, region_x):
    add_communities(region_x, 3)
    small = queries_for(client, "/id/komunitas/?level=smp")
    add_communities(region_x, 9, start=3)
    large = queries_for(client, "/id/komunitas/?level=smp")

    assert large == small
    assert large <= 28


def test_region_page_query_count_does_not_grow_with_communities(client, region_x):
    add_communities(region_x, 1)
    small = queries_for(client, region_x.url)
    add_communities(region_x, 5, start=1)
    large = queries_for(client, region_x.url)

    assert large == small


def test_community_page_query_count_does_not_grow_with_members(client, community_a):
    url = community_a.url
    for number in range(2):
        community_a.members.add(CommunityMember(name=f"Guru {number}", role="teacher"))
        community_a.norms.add(CommunityNorm(text=f"Norma {number}"))
    community_a.save_revision().publish()
    small = queries_for(client, url)
    for number in range(2, 20):
        community_a.members.add(CommunityMember(name=f"Guru {number}", role="principal"))
        community_a.norms.add(CommunityNorm(text=f"Norma {number}"))
    community_a.save_revision().publish()
    large = queries_for(client, url)

    assert large == small
    assert large <= 36  # the budget of 15 is issue 9 (caching the page chrome)


def test_community_page_shows_domain_community_and_practice(client, community_a):
    community_a.members.add(CommunityMember(name="Ni Wayan", role="supervisor", school="Dinas"))
    community_a.norms.add(CommunityNorm(text="Saling menghargai"))
    community_a.save_revision().publish()

    html = client.get(community_a.url).content.decode()

    for heading in ("Domain:", "Komunitas:", "Praktik:"):
        assert heading in html
    assert "Mewujudkan merdeka belajar" in html
    assert "Saling menghargai" in html
    assert "Pengawas" in html and "Ni Wayan · Dinas" in html
    assert "(WITA)" in html  # Jembrana is in Bali
