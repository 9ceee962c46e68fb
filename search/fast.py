"""Answering a search from the bitmaps (search/bitmaps.py) instead of the matching rows.

Used when every word of the query is tracked (common enough to have bitmaps) and
the query has no phrase: then the matches, the facet counts, the other language's
count and the ranking tiers are bit operations on Python integers and one
`bit_count` query, and a page of results is a walk down the date index. Otherwise
`prepare()` returns None and the search runs in SQL (search/query.py), which is fast
precisely when a word is rare. Both give the same answers (tests/search/test_fast.py).

Bit p of a bitmap here is bit (length - 1 - p) of the integer, as PostgreSQL writes
a `bit varying`: the leftmost bit is bit 0.
"""

from functools import lru_cache

from django.db import connection
from django.utils.translation import gettext_lazy as _

from . import tsquery
from .bitmaps import BITMAPS, BUILDS, CHUNK, DOCUMENTS, enabled
from .indexer import config_for
from .query import query_text

# Below this many results, fetch them by id; above, walk the date index.
WALK_FROM = 2000
# A phrase is checked (in SQL, word positions) when at most this many documents have all its
# words; above, its words are searched anywhere and the page says so (prepare_bounded).
PHRASE_CHECK_LIMIT = 10_000
LOOSENED_MESSAGE = _(
    "So many pages have all the words of your phrase that we could not check their order:"
    " showing every page that has them."
)


@lru_cache(maxsize=2048)
def _parsed(config, text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [config, text])
        return cursor.fetchone()[0]


def _tree(locale, text, loose_phrases=False):
    """The query tree PostgreSQL would use for this language, or Unsupported."""
    return tsquery.parse(_parsed(config_for(locale.language_code), text), loose_phrases)


class _Bitmaps:
    """Loaded bitmaps as integers of one common length, from (key, chunk, bytes) rows."""

    def __init__(self, rows):
        slices = {}
        for key, chunk, bits in rows:
            slices.setdefault(key, {})[chunk] = bytes(bits)
        self.chunks = 1 + max((max(by_chunk) for by_chunk in slices.values()), default=0)
        self.length = self.chunks * CHUNK
        empty = bytes(CHUNK // 8)
        self.values = {
            key: int.from_bytes(b"".join(by_chunk.get(c, empty) for c in range(self.chunks)), "big")
            for key, by_chunk in slices.items()
        }

    def has(self, key):
        return key in self.values

    def add(self, key, page_ids):
        data = bytearray(self.length // 8)
        for page_id in page_ids:
            data[page_id >> 3] |= 0x80 >> (page_id & 7)
        self.values[key] = int.from_bytes(data, "big")

    def __getitem__(self, key):
        return self.values.get(key, 0)

    def as_varbit(self, value):
        return "X" + format(value, f"0{self.length // 4}x")

    def as_slices(self, value):
        """[(chunk, varbit text)] for the slices that have a bit set."""
        text = format(value, f"0{self.length // 4}x")
        step = CHUNK // 4
        return [
            (c, "X" + text[c * step : (c + 1) * step])
            for c in range(self.chunks)
            if text[c * step : (c + 1) * step].strip("0")
        ]

    def positions(self, value):
        """The page ids of a (small) bitmap."""
        text = format(value, f"0{self.length}b")
        found, at = [], text.find("1")
        while at != -1:
            found.append(at)
            at = text.find("1", at + 1)
        return found


class BitmapSearch:
    """One search (query, languages, chosen facets) over the bitmaps."""

    def __init__(self, bitmaps, match, tiers, other, facet_bits):
        self.bitmaps = bitmaps
        self.match = match  # the matches, before facets
        self.tiers = tiers  # [title matches, title-or-summary matches] (all when browsing)
        self.other = other  # the other languages' matches, or None
        self.facet_bits = facet_bits  # {facet name: bitmap of its chosen value}

    def filtered(self, except_facet=None):
        value = self.match
        for name, bits in self.facet_bits.items():
            if name != except_facet:
                value &= bits
        return value

    def counts(self, names):
        """({facet: {value: count}}, total) as _Search.count() gives them: `names` are
        every facet; a chosen one is counted without its own choice. Only the slices of
        these facets are read (the library's facets are in the same table)."""
        variants = [(None, self.filtered())]
        variants += [(name, self.filtered(except_facet=name)) for name in self.facet_bits]
        numbers, chunks, slices = [], [], []
        for n, (_name, bits) in enumerate(variants):
            for chunk, text in self.bitmaps.as_slices(bits):
                numbers.append(n)
                chunks.append(chunk)
                slices.append(text)
        ranges = " OR ".join(["(key >= %s AND key < %s)"] * len(names))
        bounds = [bound for name in names for bound in (f"f:{name}:", f"f:{name};")]
        rows = []
        if slices and names:  # else nothing to count
            with connection.cursor() as cursor:
                cursor.execute(
                    # The facets' slices where the query has matches are read once (a
                    # range of the primary key per facet), then joined with the query's
                    # slices by hash.
                    f"""WITH f AS MATERIALIZED (
                        SELECT key, chunk, bits FROM {BITMAPS}
                        WHERE ({ranges}) AND chunk BETWEEN %s AND %s)
                    SELECT v.n, f.key, sum(bit_count(f.bits & v.bits))
                    FROM unnest(%s::int[], %s::int[], %s::varbit[]) AS v (n, chunk, bits)
                    JOIN f ON f.chunk = v.chunk
                    GROUP BY 1, 2""",  # noqa: S608 - constants
                    [*bounds, min(chunks), max(chunks), numbers, chunks, slices],
                )
                rows = cursor.fetchall()
        counts = {name: {} for name in names}
        for variant, key, n in rows:
            facet, _sep, value = key[2:].partition(":")
            chosen = variants[variant][0]
            wanted = facet == chosen if chosen else facet not in self.facet_bits
            if wanted and n and facet in counts:
                counts[facet][value] = int(n)
        return counts, self.filtered().bit_count()

    def other_count(self):
        """How many results the other languages add (None when they are searched too)."""
        if self.other is None:
            return None
        value = self.other
        for bits in self.facet_bits.values():
            value &= bits
        return value.bit_count()

    def page_ids(self, order, start, size, locale_ids):
        """The page ids of results start .. start+size. `order`: "relevance" by tier
        (title, summary, the rest), newest first within each; "newest"; or "title"."""
        matches = self.filtered()
        groups = [matches]
        if order == "relevance":
            title = matches & self.tiers[0]
            summary = matches & self.tiers[1] & ~title
            groups = [title, summary, matches & ~(title | summary)]
        ids = []
        for group in groups:
            n = group.bit_count()
            if start >= n:
                start -= n
                continue
            ids += self._ordered(group, n, start, size - len(ids), locale_ids, order == "title")
            start = 0
            if len(ids) >= size:
                break
        return ids

    def _ordered(self, bits, n, start, size, locale_ids, by_title):
        order = "title, page_id" if by_title else "date DESC, page_id DESC"
        with connection.cursor() as cursor:
            if n <= WALK_FROM:
                cursor.execute(
                    f"""SELECT page_id FROM {DOCUMENTS} WHERE page_id = ANY(%s)
                    ORDER BY {order} LIMIT %s OFFSET %s""",  # noqa: S608
                    [self.bitmaps.positions(bits), size, start],
                )
            else:
                # An index-only walk down the (locale, date) or (locale, title) index; the
                # bitmap holds only searched languages, so with several there is no need
                # to filter by language.
                one = "locale_id = %s AND" if len(locale_ids) == 1 else ""
                cursor.execute(
                    f"""SELECT page_id FROM {DOCUMENTS}
                    WHERE {one} page_id < %s AND get_bit(%s::varbit, page_id) = 1
                    ORDER BY {order} LIMIT %s OFFSET %s""",  # noqa: S608
                    [
                        *locale_ids[: len(locale_ids) == 1],
                        self.bitmaps.length,
                        self.bitmaps.as_varbit(bits),
                        size,
                        start,
                    ],
                )
            return [pk for (pk,) in cursor.fetchall()]


def _literal(lexeme):
    """A one-lexeme tsquery, taken as is (not parsed or stemmed again)."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _rare_words(bitmaps, missing, searched):
    """Bitmaps of words too rare to be tracked, from the GIN index: such a word is in
    fewer than SEARCH_BITMAP_MIN_DOCUMENTS documents, so this stays cheap. The other
    languages are only counted: they need no title or summary tiers."""
    with connection.cursor() as cursor:
        for locale_id, lexeme in sorted(missing):
            tiers = locale_id in searched
            columns = (
                "page_id, rank_vector @@ %(q)s::tsquery,"
                " ts_filter(rank_vector, '{a}') @@ %(q)s::tsquery"
                if tiers
                else "page_id"
            )
            cursor.execute(
                f"""SELECT {columns} FROM {DOCUMENTS}
                WHERE locale_id = %(locale)s AND vector @@ %(q)s::tsquery
                  AND page_id < %(length)s""",  # noqa: S608 - constants
                {"q": _literal(lexeme), "locale": locale_id, "length": bitmaps.length},
            )
            rows = cursor.fetchall()
            bitmaps.add(f"l:{locale_id}:{lexeme}", [row[0] for row in rows])
            if tiers:
                bitmaps.add(f"r:{locale_id}:{lexeme}", [row[0] for row in rows if row[1]])
                bitmaps.add(f"t:{locale_id}:{lexeme}", [row[0] for row in rows if row[2]])


def prepare_bounded(q, locales, other_locales, selected, **options):
    """(prepare(), False); or, for a phrase whose words more than PHRASE_CHECK_LIMIT
    documents have, (the phrase's words anywhere, True): checking where the words stand
    would read each of those documents' text (about a second at 100,000), so the search
    takes the words in any order and place, and the page says so."""
    exact = prepare(q, locales, other_locales, selected, **options)
    if exact is not None or '"' not in q:
        return exact, False
    loose = prepare(q, locales, other_locales, selected, loose_phrases=True, **options)
    if loose is not None and loose.match.bit_count() > PHRASE_CHECK_LIMIT:
        return loose, True
    return None, False


def prepare(
    q,
    locales,
    other_locales,
    selected,
    any_word=False,
    loaded=None,
    within=None,
    loose_phrases=False,
):
    """A BitmapSearch for this search, or None when the bitmaps can't answer it: they
    are not built (SQLite, or during a rebuild), or the query has a phrase. `loaded`: the
    bitmaps an earlier prepare() of the same search read (the any-word fallback reuses them).
    `within`: a facet key every result must have, not counted (e.g. "library:12").
    `loose_phrases`: a phrase as the AND of its words (prepare_bounded)."""
    if not enabled():
        return None
    text = query_text(q, any_word)
    trees = {}
    try:
        for locale in [*locales, *other_locales]:
            trees[locale.pk] = _tree(locale, text, loose_phrases) if q else None
    except tsquery.Unsupported:
        return None
    keys = {f"u:{locale.pk}" for locale in [*locales, *other_locales]}
    keys |= {f"f:{name}:{value}" for name, value in selected.items()}
    keys |= {f"f:{within}"} if within else set()
    searched = {locale.pk for locale in locales}
    words = {
        (locale_id, word) for locale_id, tree in trees.items() for word in tsquery.lexemes(tree)
    }
    keys |= {
        f"{family}:{locale_id}:{word}"
        for locale_id, word in words
        for family in ("lrt" if locale_id in searched else "l")
    }
    if loaded and all(loaded.has(key) for key in keys if not key.startswith("f:")):
        bitmaps = loaded
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                # The slice's bytes (varbit_send: a 4-byte length, then the bits):
                # an eighth of what its text would be, and no parsing.
                f"""SELECT key, chunk, substring(varbit_send(bits) FROM 5) FROM {BITMAPS}
                WHERE key = ANY(%s) AND EXISTS (SELECT 1 FROM {BUILDS})""",  # noqa: S608
                [sorted(keys)],
            )
            bitmaps = _Bitmaps(cursor.fetchall())
    if not all(bitmaps.has(f"u:{locale.pk}") for locale in [*locales, *other_locales]):
        return None  # not built yet (or being rebuilt)
    rare = {
        (locale_id, word) for locale_id, word in words if not bitmaps.has(f"l:{locale_id}:{word}")
    }
    _rare_words(bitmaps, rare, searched)

    def matches(locale_ids, family):
        value = 0
        for locale_id in locale_ids:
            universe = bitmaps[f"u:{locale_id}"]
            if not q:
                value |= universe
                continue
            tree = trees[locale_id]

            def word(lexeme, locale_id=locale_id):
                return bitmaps[f"{family}:{locale_id}:{lexeme}"]

            value |= universe & tsquery.evaluate(tree, word, universe)
        return value

    scope = bitmaps[f"f:{within}"] if within else -1  # -1: every bit set
    match = matches(searched, "l") & scope
    tiers = [match & matches(searched, "t"), match & matches(searched, "r")]
    other_ids = [o.pk for o in other_locales]
    other = matches(other_ids, "l") & scope if other_ids else None  # None: all searched
    facet_bits = {name: bitmaps[f"f:{name}:{value}"] for name, value in selected.items()}
    return BitmapSearch(bitmaps, match, tiers, other, facet_bits)
