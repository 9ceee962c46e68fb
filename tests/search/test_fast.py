"""The bitmap fast path gives exactly the answers of SQL, and stays exact as pages are
published, changed, unpublished, moved and deleted (PostgreSQL only)."""

import pytest
from django.db import connection
from django.test.utils import override_settings

from search import bitmaps, fast, tsquery
from search.models import SearchBitmap, SearchBitmapBuild

from .conftest import make_article, make_meeting, postgres_only, result_count, result_titles

pytestmark = [pytest.mark.django_db, postgres_only, pytest.mark.usefixtures("no_answer_cache")]

URLS = [
    ("/id/cari/", {"q": "pecahan"}),
    ("/id/cari/", {"q": "mengajar"}),
    ("/id/cari/", {"q": "pembelajaran"}),
    ("/id/cari/", {"q": "refleksi", "kind": "article"}),
    ("/id/cari/", {"q": "guru -tenang"}),
    ("/id/cari/", {"q": "guru or pecahan", "level": "sd"}),
    ("/id/cari/", {"q": "catatan refleksi", "sort": "newest"}),
    ("/id/cari/", {"q": "berbagi", "lang": "all"}),
    ("/id/cari/", {"q": "zzzy pecahan"}),  # no page has both: the any-word fallback
    ("/id/cari/", {"q": ""}),
    ("/id/cari/", {"q": "", "kind": "resource", "level": "smp"}),
    ("/id/cari/", {"q": "yang"}),  # a stop word: nothing to search
    ("/id/cari/", {"q": "refleksi", "page": "2"}),
    ("/en/search/", {"q": "teaching"}),
    ("/en/search/", {"q": "fractions", "lang": "all"}),
]


@pytest.fixture
def no_answer_cache(settings):
    settings.SEARCH_CACHE_TIMEOUT = 0


@pytest.fixture
def richer_corpus(corpus, community_a):
    """The corpus plus enough articles and meetings for two pages of `refleksi`."""
    for n in range(25):
        title = f"Refleksi Pertemuan {n}" if n % 3 else f"Catatan Guru {n}"
        make_article(community_a, title, summary=f"Refleksi bersama guru ke-{n}.")
    make_meeting(community_a, "Refleksi Aksi Nyata Bulan Ini")
    return corpus


def answer(client, path, params):
    """The whole page: results, snippets, counts, facets, the other-language link."""
    response = client.get(path, params)
    assert response.status_code == 200
    return {"count": result_count(response), "html": response.content.decode()}


def stored_bitmaps():
    """{key: {chunk: bits}} with the empty slices left out."""
    result = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, chunk, bits::text FROM search_searchbitmap")
        for key, chunk, bits in cursor.fetchall():
            if "1" in bits:
                result.setdefault(key, {})[chunk] = bits
    return result


@pytest.mark.parametrize("threshold", [1, 3])
def test_answers_equal_sql_for_every_kind_of_query(client, richer_corpus, threshold):
    sql = {str(url): answer(client, *url) for url in URLS}
    # 1: every word tracked; 3: rare words read from the GIN index, common ones tracked.
    bitmaps.build(threshold=threshold)
    used = []
    original = fast.prepare

    def spy(*args, **kwargs):
        found = original(*args, **kwargs)
        used.append(found is not None)
        return found

    fast.prepare = spy
    try:
        quick = {str(url): answer(client, *url) for url in URLS}
    finally:
        fast.prepare = original
    assert any(used), "the bitmaps were never used"
    for url in sql:
        assert quick[url]["count"] == sql[url]["count"], url
        assert quick[url]["html"] == sql[url]["html"], url
    assert sql[str(URLS[12])]["count"] > 20, "refleksi has a second page"


def test_title_matches_come_first_then_summaries_newest_first(client, richer_corpus):
    bitmaps.build(threshold=1)
    titles = result_titles(client.get("/id/cari/", {"q": "refleksi"}))
    in_title = [t for t in titles if "Refleksi" in t]
    assert titles[: len(in_title)] == in_title
    assert "Catatan Guru" in titles[len(in_title)]


def test_phrases_and_a_missing_build_use_sql(corpus, locale_id):
    bitmaps.build(threshold=1)
    assert fast.prepare("pecahan", [locale_id], [], {}) is not None  # tracked
    bitmaps.build(threshold=50)
    assert fast.prepare("pecahan", [locale_id], [], {}) is not None  # rare: from the index
    assert fast.prepare('"aksi nyata"', [locale_id], [], {}) is None  # a phrase
    bitmaps.clear()
    assert fast.prepare("pecahan", [locale_id], [], {}) is None  # not built


def test_writes_keep_the_bitmaps_equal_to_a_fresh_build(client, corpus, community_a):
    bitmaps.build(threshold=1)
    make_article(community_a, "Refleksi Baru Guru", summary="Refleksi pecahan di kelas.")
    corpus["pecahan"].unpublish()
    corpus["article"].delete()
    community_a.title = "Komunitas Refleksi Jembrana"
    community_a.save_revision().publish()  # its meetings and articles are indexed again
    kept = stored_bitmaps()
    bitmaps.build(threshold=1)
    fresh = stored_bitmaps()
    # A word first seen after the build has no bitmap until the next one: compare the rest.
    assert {key: kept[key] for key in kept if key in fresh} == {
        key: fresh[key] for key in fresh if key in kept
    }
    assert all(key.startswith(("l:", "r:", "t:")) for key in set(fresh) ^ set(kept))


def test_a_rebuild_of_the_index_builds_the_bitmaps(corpus):
    from search import indexer

    indexer.rebuild()
    build = SearchBitmapBuild.objects.get()
    assert build.documents >= 5
    assert SearchBitmap.objects.filter(key__startswith="u:").exists()


@override_settings(SEARCH_BITMAP_MIN_DOCUMENTS=1)
def test_the_command_builds_them(corpus):
    from django.core.management import call_command

    call_command("build_search_bitmaps")
    assert SearchBitmapBuild.objects.get().min_documents == 1


def test_tsquery_trees():
    tree = tsquery.parse("'asesmen' & !'formatif' | ( 'it''s' & 'b' )")
    assert tsquery.lexemes(tree) == {"asesmen", "formatif", "it's", "b"}
    bits = {"asesmen": 0b0110, "formatif": 0b0100, "it's": 0b1001, "b": 0b0001}
    assert tsquery.evaluate(tree, bits.get, 0b1111) == 0b0011
    assert tsquery.parse("") is None
    for unsupported in ("'a' <-> 'b'", "'a':*", "'a' <2> 'b'", "( 'a'", "'a' 'b'"):
        with pytest.raises(tsquery.Unsupported):
            tsquery.parse(unsupported)


def test_a_phrase_whose_words_too_many_pages_have_is_searched_as_its_words(
    client, richer_corpus, monkeypatch
):
    bitmaps.build(threshold=1)
    phrase = result_titles(client.get("/id/cari/", {"q": '"refleksi bersama"'}))
    words = result_titles(client.get("/id/cari/", {"q": "refleksi bersama"}))
    assert set(phrase) <= set(words)
    monkeypatch.setattr(fast, "PHRASE_CHECK_LIMIT", 2)  # fewer than have both words
    response = client.get("/id/cari/", {"q": '"refleksi bersama"'})
    assert result_titles(response) == words
    assert str(fast.LOOSENED_MESSAGE) in response.content.decode()
    monkeypatch.setattr(fast, "PHRASE_CHECK_LIMIT", 10_000)
    response = client.get("/id/cari/", {"q": '"refleksi bersama"'})
    assert result_titles(response) == phrase
    assert str(fast.LOOSENED_MESSAGE) not in response.content.decode()
