"""The library answered from the search bitmaps (resources/fast.py) shows exactly what
the SQL shows: results, order, counts and pages, before and after editors' changes
(PostgreSQL only: the bitmaps are)."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from search import bitmaps, fast
from search.models import SearchDocument
from tests.resources.conftest import make_resource
from tests.resources.test_library import catalogue  # noqa: F401 - a fixture
from tests.search.conftest import postgres_only

pytestmark = [pytest.mark.django_db, postgres_only]

URLS = [
    "",
    "?type=worksheet",
    "?level=sd",
    "?phase=A",
    "?subject=matematika",
    "?topic=literasi",
    "?language=jv",
    "?licence=cc-by",
    "?level=sd&subject=matematika&type=teaching_module",
    "?level=sd&phase=A&topic=literasi",
    "?q=pecahan",
    "?q=modul+ajar&level=sd",
    "?q=modul&sort=newest",
    "?q=modul&sort=title",
    "?q=yang",  # a stop word: nothing to search
    "?q=zzzy",
    "?sort=title",
    "?sort=title&page=2",
    "?page=2",
    "?level=zz&type=nothing",  # unknown values: dropped with a message
    "?subject=matematika&page=9",  # past the end: the last page
]


@pytest.fixture
def shelves(catalogue, library, library_en):  # noqa: F811
    """The catalogue, a second page of numeracy modules, and the English library."""
    for n in range(8):
        make_resource(
            library,
            f"Modul Numerasi {n:02}",
            levels=["sd"],
            subjects=["matematika"],
            topics=["numerasi"],
            phases="C",
            resource_type="worksheet" if n % 3 else "teaching_module",
        )
    make_resource(library_en, "Fractions Module", levels=["sd"], subjects=["matematika"])
    return catalogue


def pages(client):
    found = {}
    for params in URLS:
        response = client.get(f"/id/sumber-belajar/{params}")
        assert response.status_code == 200, params
        found[params] = response.content.decode()
    response = client.get("/en/resources/?level=sd")
    found["en"] = response.content.decode()
    return found


def used_bitmaps(client):
    """Whether the library's last request was answered from the bitmaps."""
    calls = []
    original = fast.prepare

    def spy(*args, **kwargs):
        found = original(*args, **kwargs)
        calls.append(found is not None and kwargs.get("within", "").startswith("library:"))
        return found

    fast.prepare = spy
    try:
        client.get("/id/sumber-belajar/?level=sd")
    finally:
        fast.prepare = original
    return calls == [True]


@pytest.mark.parametrize("walk_from", [2000, 0])  # 0: every page walks the index
def test_library_pages_equal_sql(client, shelves, settings, monkeypatch, walk_from):
    settings.SEARCH_CACHE_TIMEOUT = 0
    monkeypatch.setattr(fast, "WALK_FROM", walk_from)
    sql = pages(client)
    assert not used_bitmaps(client)
    bitmaps.build(threshold=1)
    assert used_bitmaps(client)
    quick = pages(client)
    for params in sql:
        assert quick[params] == sql[params], params
    assert "Modul Numerasi 07" in quick["?level=sd"]
    assert "Fractions Module" in quick["en"] and "Fractions Module" not in quick[""]


def test_editors_changes_keep_the_library_exact(client, shelves, library, settings):
    settings.SEARCH_CACHE_TIMEOUT = 0
    bitmaps.build(threshold=1)
    make_resource(library, "LKPD Pecahan Campuran", resource_type="worksheet", levels=["smp"])
    shelves["r1"].unpublish()
    changed = shelves["r2"]
    changed.resource_type = "assessment"
    changed.licence = "cc0"
    changed.save_revision().publish()
    shelves["r3"].delete()
    quick = pages(client)
    bitmaps.clear()  # SQL from here
    sql = pages(client)
    for params in sql:
        assert quick[params] == sql[params], params
    assert "LKPD Pecahan Campuran" in quick["?type=worksheet"]


def test_the_migration_adds_the_library_facets_to_existing_documents(shelves, library):
    resource = shelves["r4"]
    document = SearchDocument.objects.get(pk=resource.pk)
    expected = set(document.facet_keys.split())
    assert {"type:assessment", "topic:asesmen", "topic:literasi", "language:id"} <= expected
    assert f"library:{library.pk}" in expected
    # A document as written before the library's facets were in it:
    document.facet_keys = " kind:resource level:sd subject:bahasa-indonesia phase:A "
    document.save(update_fields=["facet_keys"])
    migration = importlib.import_module("search.migrations.0006_library_facets")
    migration.add_library_facets(apps, connection.schema_editor())
    assert set(SearchDocument.objects.get(pk=resource.pk).facet_keys.split()) == expected


def test_a_common_phrase_in_the_library_is_searched_as_its_words(
    client, shelves, settings, monkeypatch
):
    settings.SEARCH_CACHE_TIMEOUT = 0
    bitmaps.build(threshold=1)
    monkeypatch.setattr(fast, "PHRASE_CHECK_LIMIT", 1)  # fewer than have both words
    loose = client.get("/id/sumber-belajar/", {"q": '"numerasi modul"'})
    words = client.get("/id/sumber-belajar/", {"q": "numerasi modul"})
    assert loose.context["result_count"] == words.context["result_count"] > 1
    assert str(fast.LOOSENED_MESSAGE) in loose.content.decode()
    monkeypatch.setattr(fast, "PHRASE_CHECK_LIMIT", 10_000)
    exact = client.get("/id/sumber-belajar/", {"q": '"numerasi modul"'})
    # "Modul Numerasi 00" has the words the other way round; the exact phrase finds fewer.
    assert exact.context["result_count"] < words.context["result_count"]
    assert str(fast.LOOSENED_MESSAGE) not in exact.content.decode()
