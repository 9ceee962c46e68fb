"""`rebuild_search_index --workers N`: processes writing batches in parallel give the index
one process writes (PostgreSQL only).

A file of its own: its test commits data (the worker processes must see it), so pytest-django
runs it after the tests that roll back; under pytest-xdist a file stays on one worker, and
this one must not take the tests of test_fast.py along (tests/conftest.py checks)."""

import pytest
from django.db import connection

from search.models import SearchBitmapBuild

from .conftest import postgres_only

pytestmark = [postgres_only]


def snapshot():
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT page_id, locale_id, facet_keys, vector::text, rank_vector::text
            FROM search_searchdocument ORDER BY page_id"""
        )
        return cursor.fetchall()


# Committed data, so the worker processes see it; serialized rollback, so the transactional
# tests after this one (the browser tests) find the database as the migrations left it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebuild_by_two_processes_writes_the_same_index(corpus):
    from search import indexer

    indexer.rebuild(workers=1)
    serial = snapshot()
    with connection.cursor() as cursor:  # each vector as the weights say, in its language
        cursor.execute(
            """SELECT count(*) FROM search_searchdocument d JOIN wagtailcore_locale l
                 ON l.id = d.locale_id
            CROSS JOIN LATERAL (SELECT (CASE l.language_code WHEN 'id' THEN 'indonesian'
                                      ELSE 'english' END)::regconfig AS c) AS config
            WHERE d.vector = setweight(to_tsvector(c, d.title), 'A')
                || setweight(to_tsvector(c, d.summary), 'B')
                || setweight(to_tsvector(c, d.keywords), 'B')
                || setweight(to_tsvector(c, d.body), 'C')"""
        )
        assert cursor.fetchone()[0] == len(serial) >= 5
    indexer.rebuild(workers=2)
    assert snapshot() == serial
    assert SearchBitmapBuild.objects.get().documents == len(serial)
