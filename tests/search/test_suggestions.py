"""Suggestions: the eight newest titles with every word typed, the last one as a prefix,
whichever of the two steps finds them (search/suggest.py), kept current by publishing."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.cache import cache
from django.utils import timezone

from search import suggest
from search.models import SearchTitle

from .conftest import make_article, make_meeting, postgres_only

pytestmark = pytest.mark.django_db


@pytest.fixture
def titles(community_a):
    """Twelve meetings on coming dates and twelve articles of past ones, about modules."""
    now = timezone.now()
    for n in range(12):
        start = now + datetime.timedelta(days=n + 1)
        end = start + datetime.timedelta(hours=2)
        make_meeting(community_a, f"Berbagi Modul Ajar {n:02}", start=start, end=end)
        make_article(community_a, f"Refleksi Modul Ajar {n:02}", date=datetime.date(2025, 1, n + 1))
    make_article(community_a, "Modul Projek Lama", date=datetime.date(2024, 1, 1))


def suggested(client, q):
    response = client.get("/id/cari/saran/", {"q": q})
    assert response.status_code == 200
    return [s["title"] for s in response.json()["suggestions"]]


def newest(q_words, locale_id):
    """What the suggestions must be: straight from the table, newest first."""
    titles = SearchTitle.objects.filter(locale_id=locale_id)
    *complete, prefix = q_words
    found = [
        row
        for row in titles.order_by("-date", "-pk").values_list("title", flat=True)
        if all(word in row.lower().split() for word in complete)
        and any(word.startswith(prefix) for word in row.lower().split())
    ]
    return found[: suggest.LIMIT]


def test_the_newest_eight_titles_with_the_words(client, titles, locale_id):
    assert suggested(client, "modul aj") == [f"Berbagi Modul Ajar {n:02}" for n in range(11, 3, -1)]
    assert suggested(client, "refleksi mod") == [
        f"Refleksi Modul Ajar {n:02}" for n in range(11, 3, -1)
    ]
    assert suggested(client, "modul proj") == ["Modul Projek Lama"]
    assert suggested(client, "zzzy mod") == []


@postgres_only
@pytest.mark.parametrize("walk", [0, 5, 100])  # where the first step stops
def test_both_steps_give_the_newest(client, titles, locale_id, monkeypatch, walk):
    monkeypatch.setattr(suggest, "WALK", walk)
    for q in ("mod", "modul aj", "refleksi mod", "modul proj", "berbagi modul ajar 01", "zzzy mo"):
        cache.clear()  # the boundary between the steps is remembered
        assert suggested(client, q) == newest(q.split(), locale_id), (walk, q)


def test_titles_follow_publishing(client, titles, community_a):
    article = make_article(community_a, "Modul Ajar Terbaru", date=datetime.date(2026, 11, 1))
    assert "Modul Ajar Terbaru" in suggested(client, "modul ajar terb")
    article.title = "Modul Ajar Diperbarui"
    article.save_revision().publish()
    assert suggested(client, "modul ajar terb") == []
    assert suggested(client, "modul ajar diper") == ["Modul Ajar Diperbarui"]
    article.unpublish()
    assert suggested(client, "modul ajar diper") == []
    assert not SearchTitle.objects.filter(pk=article.pk).exists()


def test_the_migration_copies_the_titles_of_existing_documents(titles):
    from django.db import connection

    before = list(SearchTitle.objects.order_by("pk").values_list("pk", "title", "kind", "date"))
    SearchTitle.objects.all().delete()
    migration = importlib.import_module("search.migrations.0007_suggestion_titles")

    class Editor:  # what fill() uses of a schema editor (SQLite's can't open in a test)
        def __init__(self):
            self.connection = connection

        def execute(self, sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)

    if connection.vendor == "postgresql":  # as in a migration's own transaction
        Editor().execute("SET CONSTRAINTS ALL IMMEDIATE")
    migration.fill(apps, Editor())
    after = list(SearchTitle.objects.order_by("pk").values_list("pk", "title", "kind", "date"))
    assert after == before and len(after) > 20
