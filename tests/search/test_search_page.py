"""The search page through the front door: languages, ranking, facets, promotions, stats."""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchQueryStat

from .conftest import make_article, result_count, result_titles

pytestmark = pytest.mark.django_db


def test_search_box_in_every_page_header(client, corpus):
    for url, action in [("/id/", "/id/cari/"), (corpus["pecahan"].url, "/id/cari/")]:
        html = client.get(url).content.decode()
        assert f'action="{action}"' in html
        assert 'class="site-search"' in html


def test_results_come_from_the_current_language(client, corpus):
    indonesian = client.get("/id/cari/", {"q": "pecahan"})
    assert result_titles(indonesian) == ["Modul Ajar Pecahan Senilai"]
    english = client.get("/en/search/", {"q": "fractions"})
    assert result_titles(english) == ["Teaching Module: Equivalent Fractions"]


def test_the_language_switch_adds_the_other_language(client, corpus):
    only_id = client.get("/id/cari/", {"q": "pecahan fractions"})
    assert result_count(only_id) == 0 or "Teaching Module" not in only_id.content.decode()
    html = client.get("/en/search/", {"q": "fractions"}).content.decode()
    assert re.search(r'data-lang-switch>[^<]*<span class="facet__count" data-count="0"', html)

    both = client.get("/id/cari/", {"q": "pecahan", "lang": "all"})
    assert "Modul Ajar Pecahan Senilai" in result_titles(both)
    english_hit = client.get("/en/search/", {"q": "pecahan", "lang": "all"}).content.decode()
    # A result in the other language says so, for readers and screen readers: its title,
    # snippet and language name are marked Indonesian, our labels around them are not.
    assert re.search(r'<li class="search-hit search-hit--resource">', english_hit)
    assert re.search(r'<h2 class="search-hit__title" lang="id"><a [^>]*hreflang="id"', english_hit)
    assert '<p class="search-hit__snippet" lang="id">' in english_hit
    assert re.search(
        r'search-hit__kind">[^<]+ · <span lang="id">Bahasa Indonesia</span>', english_hit
    )


def test_title_matches_rank_above_body_matches(client, corpus, community_a):
    make_article(
        community_a,
        "Catatan Rapat Guru",
        summary="Refleksi refleksi refleksi: refleksi mingguan, refleksi bulanan, refleksi.",
    )
    make_article(community_a, "Refleksi Aksi Nyata", summary="Catatan singkat.")
    titles = result_titles(client.get("/id/cari/", {"q": "refleksi"}))
    assert titles[:2] == ["Refleksi Aksi Nyata", "Catatan Rapat Guru"]


def test_matched_words_are_highlighted_and_the_rest_escaped(client, corpus, community_a):
    make_article(
        community_a, "Kelas <b>tenang</b> & rapi", slug="kelas-tenang", summary="Tips kelas tenang."
    )
    html = client.get("/id/cari/", {"q": "tenang"}).content.decode()
    assert "<mark>" in html
    assert "&lt;b&gt;" in html and "<b>tenang</b>" not in html


def test_each_result_shows_its_kind_and_key_facts(client, corpus):
    html = client.get("/id/cari/", {"q": "pecahan"}).content.decode()
    hit = html[html.index('class="search-hit ') :]
    hit = hit[: hit.index("</li>")]
    assert "search-hit--resource" in hit
    assert "<span>SD</span>" in hit and "<span>Matematika</span>" in hit
    meeting = client.get("/id/cari/", {"q": "gugus"}).content.decode()
    assert "<span>Bali</span>" in meeting and "<time datetime=" in meeting


def _facet_links(html):
    return re.findall(
        # Unselected values only: a selected value's link removes it.
        r'<a href="\?([^"]*)" data-value="[^"]*">[^<]*<span class="facet__count" '
        r'data-count="(\d+)"',
        html,
    )


@pytest.mark.parametrize("params", [{"q": "guru"}, {"q": ""}, {"q": "kelas", "lang": "all"}])
def test_facet_counts_equal_the_results_they_lead_to(client, corpus, params):
    html = client.get("/id/cari/", params).content.decode()
    links = _facet_links(html)
    assert links
    for query, count in links:
        response = client.get("/id/cari/?" + query.replace("&amp;", "&"))
        assert result_count(response) == int(count), query
        # Choosing a second facet keeps the count promise too.
        for deeper_query, deeper_count in _facet_links(response.content.decode())[:4]:
            deeper = client.get("/id/cari/?" + deeper_query.replace("&amp;", "&"))
            assert result_count(deeper) == int(deeper_count), deeper_query


def test_result_count_matches_the_listed_results(client, corpus):
    response = client.get("/id/cari/", {"q": "", "kind": "resource"})
    assert result_count(response) == len(result_titles(response)) == 2


def test_empty_query_browses_newest_first(client, corpus):
    response = client.get("/id/cari/")
    assert response.status_code == 200
    assert result_count(response) == 5  # 2 resources, community, article, meeting (Indonesian)
    assert 'data-facet="kind"' in response.content.decode()


def test_sort_by_date(client, corpus):
    titles = result_titles(client.get("/id/cari/", {"q": "", "kind": "resource", "sort": "newest"}))
    assert titles == ["Panduan Kelas Berdiferensiasi", "Modul Ajar Pecahan Senilai"]


def test_nothing_with_every_word_falls_back_to_any_word(client, corpus):
    response = client.get("/id/cari/", {"q": "pecahan zzzyx"})
    assert result_titles(response) == ["Modul Ajar Pecahan Senilai"]
    assert (
        "Nothing has all of your words"
        in client.get("/en/search/", {"q": "fractions zzzyx"}).content.decode()
    )


def test_editors_promote_a_page_for_a_query(client, corpus):
    query = Query.get("Kurikulum Merdeka")
    SearchPromotion.objects.create(query=query, page=corpus["pecahan"], description="Mulai di sini")
    html = client.get("/id/cari/", {"q": "kurikulum merdeka"}).content.decode()
    promoted = html[html.index('class="search-promotions"') :]
    assert corpus["pecahan"].url in promoted[: promoted.index("</section>")]
    assert "Mulai di sini" in promoted
    # English readers get the English translation of the promoted page.
    english = client.get("/en/search/", {"q": "Kurikulum Merdeka"}).content.decode()
    assert corpus["pecahan_en"].url in english


def test_unpublished_promotions_are_not_shown(client, corpus):
    SearchPromotion.objects.create(query=Query.get("pecahan"), page=corpus["diferensiasi"])
    corpus["diferensiasi"].unpublish()
    html = client.get("/id/cari/", {"q": "pecahan"}).content.decode()
    assert 'class="search-promotions"' not in html


def test_searches_are_counted_with_those_that_found_nothing(client, corpus, locale_id):
    client.get("/id/cari/", {"q": "Pecahan"})
    client.get("/id/cari/", {"q": "pecahan"})
    client.get("/id/cari/", {"q": "pecahan", "page": "1"})  # paging is not a new search
    client.get("/id/cari/", {"q": "qwertyuiop"})
    found = SearchQueryStat.objects.get(query_string="pecahan", locale=locale_id)
    assert (found.hits, found.misses) == (2, 0)
    missed = SearchQueryStat.objects.get(query_string="qwertyuiop")
    assert (missed.hits, missed.misses) == (1, 1)


def test_district_editors_see_the_search_terms_report(client, corpus, editor_x, maintainer_a):
    client.get("/id/cari/", {"q": "pecahan"})
    client.get("/id/cari/", {"q": "qwertyuiop"})
    client.force_login(maintainer_a)
    assert client.get("/admin/search-terms/").status_code == 302 or (
        client.get("/admin/search-terms/").status_code == 403
    )
    client.force_login(editor_x)
    html = client.get("/admin/search-terms/").content.decode()
    assert "pecahan" in html and "qwertyuiop" in html
    empty_only = client.get("/admin/search-terms/", {"no_results": "on"}).content.decode()
    assert "qwertyuiop" in empty_only and "pecahan" not in empty_only
    csv = client.get("/admin/search-terms/", {"export": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert "pecahan" in csv.content.decode()
    # and they may pin results
    assert client.get("/admin/searchpicks/add/").status_code == 200


def test_formula_like_search_terms_are_defused_in_the_csv(client, corpus, editor_x):
    client.get("/id/cari/", {"q": "=cmd()"})
    client.force_login(editor_x)
    content = client.get("/admin/search-terms/", {"export": "csv"}).content.decode()
    assert "'=cmd" in content


def test_suggestions_complete_the_last_word(client, corpus):
    response = client.get("/id/cari/saran/", {"q": "modul pec"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Modul Ajar Pecahan Senilai"]
    assert suggestions[0]["url"] == corpus["pecahan"].url
    assert (
        client.get("/en/search/suggestions/", {"q": "equiv"}).json()["suggestions"][0]["url"]
        == corpus["pecahan_en"].url
    )
    assert client.get("/id/cari/saran/", {"q": "p"}).json() == {"suggestions": []}


def test_the_language_switcher_repeats_the_search_in_the_other_language(client, corpus):
    html = client.get("/id/cari/", {"q": "pecahan", "level": "sd"}).content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    assert 'href="/en/search/?q=pecahan&amp;level=sd"' in switcher[: switcher.index("</nav>")]
