"""Indonesian and English word forms, on PostgreSQL's text search configurations."""

import pytest

from .conftest import make_article, postgres_only, result_titles

pytestmark = [pytest.mark.django_db, postgres_only]


def test_mengajar_finds_pengajaran_and_pembelajaran(client, corpus):
    titles = result_titles(client.get("/id/cari/", {"q": "mengajar"}))
    # "Pengajaran pecahan ..." and "Langkah pembelajaran berdiferensiasi ..."
    assert {"Modul Ajar Pecahan Senilai", "Panduan Kelas Berdiferensiasi"} <= set(titles)


def test_berbagi_finds_membagikan(client, corpus, community_a):
    make_article(community_a, "Cerita Kelas Tenang", summary="Kami membagikan lembar kerja.")
    titles = result_titles(client.get("/id/cari/", {"q": "berbagi"}))
    assert "Cerita Kelas Tenang" in titles


def test_teaching_finds_teachers_teach_in_english(client, corpus):
    titles = result_titles(client.get("/en/search/", {"q": "teaching"}))
    assert titles == ["Teaching Module: Equivalent Fractions"]
    # The English page's body says "Teachers teach": found without the title word too.
    assert result_titles(client.get("/en/search/", {"q": "teach"})) == titles


def test_each_language_uses_its_own_stemmer(client, corpus):
    # English stemming does not apply to Indonesian pages, and vice versa.
    assert result_titles(client.get("/id/cari/", {"q": "teaching"})) == []
    assert result_titles(client.get("/en/search/", {"q": "pembelajaran"})) == []
