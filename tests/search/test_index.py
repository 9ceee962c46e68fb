"""The index follows the site: publish, unpublish, privacy, moves, deletion, rebuild."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from search.documents import parse_facet_keys
from search.models import SearchDocument

from .conftest import make_community, make_meeting, result_titles

pytestmark = pytest.mark.django_db


def test_publishing_indexes_each_page_in_its_language(corpus, locale_id, locale_en):
    doc = SearchDocument.objects.get(pk=corpus["pecahan"].pk)
    assert (doc.kind, doc.locale_id) == ("resource", locale_id.pk)
    assert SearchDocument.objects.get(pk=corpus["pecahan_en"].pk).locale_id == locale_en.pk
    facets = {
        (name, value)
        for name, values in parse_facet_keys(doc.facet_keys).items()
        for value in values
    }
    assert {("kind", "resource"), ("level", "sd"), ("subject", "matematika"), ("phase", "B")} <= (
        facets
    )
    meeting = SearchDocument.objects.get(pk=corpus["meeting"].pk)
    assert (meeting.province, meeting.regency) == ("51", "51.01")


def test_unpublished_pages_leave_the_results(client, corpus):
    corpus["pecahan"].unpublish()
    assert result_titles(client.get("/id/cari/", {"q": "pecahan"})) == []


def test_private_pages_are_never_found(client, corpus, community_a):
    PageViewRestriction.objects.create(page=community_a, restriction_type="login")
    assert not SearchDocument.objects.filter(pk=corpus["meeting"].pk).exists()
    assert result_titles(client.get("/id/cari/", {"q": "gugus"})) == []
    PageViewRestriction.objects.filter(page=community_a).delete()
    assert result_titles(client.get("/id/cari/", {"q": "gugus"})) == ["Pertemuan Bulanan Gugus 3"]


def test_deleted_pages_leave_the_index(corpus):
    pk = corpus["article"].pk
    corpus["article"].delete()
    assert not SearchDocument.objects.filter(pk=pk).exists()


def test_renaming_a_community_updates_its_meetings(client, corpus, community_a):
    community_a.title = "Komunitas Cendekia Jembrana"
    community_a.save_revision().publish()
    titles = result_titles(client.get("/id/cari/", {"q": "cendekia", "kind": "meeting"}))
    assert titles == ["Pertemuan Bulanan Gugus 3"]


def test_moving_a_community_moves_its_region(corpus, community_a, community_index):
    from tests.communities.conftest import make_region

    bandung = make_region(community_index, "32.73")
    community_a.move(bandung, pos="last-child")
    assert SearchDocument.objects.get(pk=corpus["meeting"].pk).province in ("32", "51")


def test_rebuild_command_recreates_the_same_documents(corpus, region_x):
    make_meeting(make_community(region_x, "Komunitas Kedua"), "Rapat Kedua")
    before = set(SearchDocument.objects.values_list("pk", "title", "kind"))
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", stdout=__import__("io").StringIO())
    assert set(SearchDocument.objects.values_list("pk", "title", "kind")) == before


def test_cached_answers_follow_publishing(client, corpus, library):
    from tests.resources.conftest import make_resource

    assert result_titles(client.get("/id/cari/", {"q": "geometri"})) == []
    make_resource(library, "Modul Ajar Geometri Ruang", levels=["smp"])
    assert result_titles(client.get("/id/cari/", {"q": "geometri"})) == [
        "Modul Ajar Geometri Ruang"
    ]
    page = corpus["pecahan"]
    assert result_titles(client.get("/id/cari/", {"q": "pecahan"})) == [page.title]
    page.unpublish()
    assert result_titles(client.get("/id/cari/", {"q": "pecahan"})) == []
