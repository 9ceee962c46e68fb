"""The search index as bitmaps, for answers whose cost doesn't grow with the matches.

A common word like *pembelajaran* is in most Indonesian documents. Counting facets
and ranking over 180,000 matching rows costs PostgreSQL most of a second, however
it is indexed. Bitmaps make it an AND and a bit count per 1 KB slice.

`search.SearchBitmap` keeps, per key, slices of CHUNK bits; bit n of slice c is
the document of page id c * CHUNK + n:
- `u:<locale id>`: every document of a language (the universe: every answer is
  ANDed with it, so a stray bit elsewhere never counts);
- `f:<facet key>`: a facet value, e.g. `f:level:sd`;
- `l:`, `r:`, `t:<locale id>:<lexeme>`: documents with the word anywhere, in the
  title or summary, in the title, for the words in at least `SEARCH_BITMAP_MIN_DOCUMENTS`
  documents of their language when the bitmaps were built ("tracked" words).
  A search with a rarer word has few matches and stays in SQL (search/fast.py).

`build()` writes them all (after a rebuild of the index, or from
`manage.py build_search_bitmaps`); `forget()` and `remember()` keep them current as
documents are written, in the same transaction. Until a build has finished
(`SearchBitmapBuild`), nothing is kept and searches use SQL. PostgreSQL only.
"""

import io
import time

from django.conf import settings
from django.db import connection, transaction

from .models import SearchBitmap, SearchBitmapBuild, SearchDocument

CHUNK = 8192  # bits per slice: 1 KB rows, stored in line
MAX_LEXEME = 200  # longer words are never tracked (the key must fit its column)
DOCUMENTS = SearchDocument._meta.db_table
BITMAPS = SearchBitmap._meta.db_table
BUILDS = SearchBitmapBuild._meta.db_table

# (key, page id) for the documents in `d`: every key a document sets.
_POSTINGS = f"""
    SELECT page_id, 'u:' || locale_id AS key FROM d
    UNION ALL
    SELECT page_id, 'f:' || k FROM d, unnest(string_to_array(btrim(d.facet_keys), ' ')) k
    WHERE k <> ''
    UNION ALL
    SELECT page_id, 'l:' || locale_id || ':' || w FROM d, unnest(tsvector_to_array(d.vector)) w
    WHERE length(w) <= {MAX_LEXEME}
    UNION ALL
    SELECT page_id, 'r:' || locale_id || ':' || v.lexeme FROM d, unnest(d.rank_vector) v
    WHERE length(v.lexeme) <= {MAX_LEXEME}
    UNION ALL
    SELECT page_id, 't:' || locale_id || ':' || v.lexeme FROM d, unnest(d.rank_vector) v
    WHERE 'A' = ANY(v.weights) AND length(v.lexeme) <= {MAX_LEXEME}
"""  # noqa: S608 - our tables and constants


def min_documents():
    return getattr(settings, "SEARCH_BITMAP_MIN_DOCUMENTS", 1000)


def enabled():
    return connection.vendor == "postgresql"


def ready():
    """Whether the bitmaps are complete, so writes must keep them so."""
    return enabled() and SearchBitmapBuild.objects.exists()


def _slice_bytes(positions):
    data = bytearray(CHUNK // 8)
    for position in positions:
        data[position >> 3] |= 0x80 >> (position & 7)
    return data


def _grouped_postings(cursor, page_ids):
    """[(key, chunk, [bit positions])] for these documents, as they are now."""
    cursor.execute(
        f"""WITH d AS (SELECT * FROM {DOCUMENTS} WHERE page_id = ANY(%s))
        SELECT key, page_id / {CHUNK}, array_agg(mod(page_id, {CHUNK}))
        FROM ({_POSTINGS}) p GROUP BY 1, 2 ORDER BY 1, 2""",  # noqa: S608 - constants
        [list(page_ids)],
    )
    return cursor.fetchall()


def _apply(cursor, postings, value):
    """Set (1) or clear (0) bits. Only the universe, facets and tracked words are kept;
    rows are locked in key order so that two publishes can't deadlock."""
    if not postings:
        return
    keys = [key for key, _chunk, _positions in postings]
    chunks = [chunk for _key, chunk, _positions in postings]
    positions = [",".join(map(str, bits)) for _key, _chunk, bits in postings]
    if value:
        cursor.execute(
            f"""INSERT INTO {BITMAPS} (key, chunk, bits)
            SELECT p.key, p.chunk, repeat('0', {CHUNK})::varbit
            FROM unnest(%s::text[], %s::int[]) AS p (key, chunk)
            WHERE p.key LIKE 'u:%%' OR p.key LIKE 'f:%%'
               OR EXISTS (SELECT 1 FROM {BITMAPS} b WHERE b.key = p.key)
            ORDER BY 1, 2
            ON CONFLICT DO NOTHING""",  # noqa: S608 - constants
            [keys, chunks],
        )
    cursor.execute(
        f"""SELECT 1 FROM {BITMAPS} b
        JOIN unnest(%s::text[], %s::int[]) AS p (key, chunk) USING (key, chunk)
        ORDER BY b.key, b.chunk FOR UPDATE OF b""",  # noqa: S608 - constants
        [keys, chunks],
    )
    cursor.execute(
        f"""UPDATE {BITMAPS} b SET bits = search_set_bits(b.bits, p.positions, %s)
        FROM (SELECT key, chunk, string_to_array(positions, ',')::int[] AS positions
              FROM unnest(%s::text[], %s::int[], %s::text[]) AS u (key, chunk, positions)) p
        WHERE b.key = p.key AND b.chunk = p.chunk""",  # noqa: S608 - constants
        [value, keys, chunks, positions],
    )


def forget(page_ids):
    """Clear these documents' bits, before their rows are replaced or deleted."""
    if page_ids and ready():
        with connection.cursor() as cursor:
            _apply(cursor, _grouped_postings(cursor, page_ids), 0)


def remember(page_ids):
    """Set these documents' bits, after their rows (and vectors) are written."""
    if page_ids and ready():
        with connection.cursor() as cursor:
            _apply(cursor, _grouped_postings(cursor, page_ids), 1)


def clear():
    """Drop the bitmaps: searches use SQL and writes skip them until the next build."""
    if enabled():
        with transaction.atomic():
            SearchBitmapBuild.objects.all().delete()
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {BITMAPS}")


def _tracked_words(cursor, threshold):
    """`l:<locale>:<word>` keys of the words in at least `threshold` documents."""
    cursor.execute(f"SELECT DISTINCT locale_id FROM {DOCUMENTS}")  # noqa: S608
    keys = []
    for (locale_id,) in cursor.fetchall():
        cursor.execute(
            "SELECT word FROM ts_stat(%s) WHERE ndoc >= %s AND length(word) <= %s",
            [
                f"SELECT vector FROM {DOCUMENTS} WHERE locale_id = {int(locale_id)}",  # noqa: S608
                threshold,
                MAX_LEXEME,
            ],
        )
        keys += [f"l:{locale_id}:{word}" for (word,) in cursor.fetchall()]
    return keys


def build(threshold=None, stdout=None):
    """Write every bitmap from the documents, in one transaction that holds off index
    writes meanwhile (they wait, then keep the new bitmaps current)."""
    if not enabled():
        return None
    threshold = min_documents() if threshold is None else threshold
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {DOCUMENTS} IN SHARE MODE")
        cursor.execute(f"DELETE FROM {BUILDS}")  # noqa: S608
        cursor.execute(f"TRUNCATE {BITMAPS}")
        tracked = _tracked_words(cursor, threshold)
        words = [key[2:] for key in tracked]  # "<locale>:<word>"
        cursor.execute(
            f"""WITH d AS (SELECT * FROM {DOCUMENTS}),
                 tracked AS (SELECT unnest(%s::text[]) AS word)
            SELECT key, page_id / {CHUNK}, array_agg(mod(page_id, {CHUNK}))
            FROM ({_POSTINGS}) p
            WHERE key LIKE 'u:%%' OR key LIKE 'f:%%'
               OR substr(key, 3) IN (SELECT word FROM tracked)
            GROUP BY 1, 2""",  # noqa: S608 - constants
            [words],
        )
        rows = io.StringIO()
        written = set()
        for key, chunk, positions in cursor.fetchall():
            rows.write(f"{key}\t{chunk}\tX{_slice_bytes(positions).hex()}\n")
            written.add(key)
        # A tracked word without title (or summary) matches still needs its t: (r:) key,
        # or a later document with the word there would not be kept.
        for word in words:
            for family in ("l", "r", "t"):
                if f"{family}:{word}" not in written:
                    rows.write(f"{family}:{word}\t0\tX{_slice_bytes(()).hex()}\n")
        rows.seek(0)
        cursor.copy_expert(f"COPY {BITMAPS} (key, chunk, bits) FROM STDIN", rows)
        cursor.execute(f"SELECT count(*) FROM {DOCUMENTS}")  # noqa: S608
        (documents,) = cursor.fetchone()
        SearchBitmapBuild.objects.create(
            documents=documents, words=len(words), min_documents=threshold
        )
    if stdout:
        took = time.monotonic() - started
        stdout.write(f"Search bitmaps: {len(words)} words in their own bitmaps ({took:.1f} s)")
    return len(words)
