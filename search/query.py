"""Matching, ranking, facets and snippets over the search index.

PostgreSQL: each language is matched with its own configuration, as a constant
`websearch_to_tsquery('indonesian', ...)` per locale, so the GIN index serves
both. Other databases (SQLite for `make run`): every word must appear somewhere,
without stemming, and title matches rank first.
"""

import re
from collections import Counter

from django.contrib.postgres.search import SearchQuery
from django.db.models import BooleanField, Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .indexer import config_for, uses_postgres
from .models import SearchDocument

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
START, STOP = "\x02", "\x03"  # highlight markers; escaped text can't contain them
WORD_RE = re.compile(r"\w+", re.UNICODE)


def clean_query(raw):
    """The query as we search it: no NUL or control characters, bounded length."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_words(q):
    return [word.lower() for word in WORD_RE.findall(q)][:MAX_WORDS]


def _pg_query(q, locale, any_word=False):
    config = config_for(locale.language_code)
    return SearchQuery(query_text(q, any_word), config=config, search_type="websearch")


def query_text(q, any_word):
    """The text searched: the query, or its words joined by `or` (the any-word fallback)."""
    return " or ".join(query_words(q)) if any_word else q


def _tier(locale, q, any_word):
    """2 when the title matches the query, 1 when the title or summary does, else 0.
    The bitmaps rank by the same tiers (search/fast.py)."""
    config, text = config_for(locale.language_code), query_text(q, any_word)
    query = "websearch_to_tsquery(%s::regconfig, %s)"
    return RawSQL(  # noqa: S611 - constant SQL; the query and configuration are parameters
        f"""CASE WHEN ts_filter(rank_vector, '{{a}}') @@ {query} THEN 2
                 WHEN rank_vector @@ {query} THEN 1 ELSE 0 END""",
        [config, text, config, text],
        output_field=IntegerField(),
    )


def match(documents, q, locales, any_word=False):
    """Documents matching `q` in any of `locales`, annotated with `rank`: a tier (title,
    then title or summary, then anywhere); results are newest first within a tier."""
    if uses_postgres():
        condition, ranks = Q(), []
        for locale in locales:
            condition |= Q(locale=locale, vector=_pg_query(q, locale, any_word))
            ranks.append(When(locale=locale, then=_tier(locale, q, any_word)))
        rank = ranks[0].result if len(ranks) == 1 else Case(*ranks, output_field=IntegerField())
        return documents.filter(condition).annotate(rank=rank)

    words = query_words(q)
    if not words:
        return documents.none().annotate(rank=Value(0, output_field=IntegerField()))
    found = [
        Q(title__icontains=w)
        | Q(summary__icontains=w)
        | Q(keywords__icontains=w)
        | Q(body__icontains=w)
        for w in words
    ]
    condition = found[0]
    for other in found[1:]:
        condition = (condition | other) if any_word else (condition & other)
    score = Value(0)
    for word in words:
        score = score + Case(
            When(title__icontains=word, then=Value(10)),
            When(summary__icontains=word, then=Value(3)),
            When(keywords__icontains=word, then=Value(3)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return documents.filter(condition, locale__in=locales).annotate(rank=score)


def facet_counts(documents, names):
    """{facet name: {value: count}} over `documents`, in one query."""
    counts = {name: {} for name in names}
    wanted = tuple(f"{name}:" for name in names)
    if uses_postgres():
        from django.db import connections

        # The database the documents are read from (the read replica when one is set up).
        connection = connections[documents.db]
        inner, params = documents.order_by().values("facet_keys").query.sql_with_params()
        sql = f"""SELECT key, count(*) FROM ({inner}) AS matched,
                  unnest(string_to_array(btrim(matched.facet_keys), ' ')) AS key
                  GROUP BY key"""  # noqa: S608 - Django compiled the inner query; values are params
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
    else:
        tally = Counter()
        for keys in documents.order_by().values_list("facet_keys", flat=True).iterator():
            tally.update(keys.split())
        rows = tally.items()
    for key, n in rows:
        if key.startswith(wanted):
            name, _sep, value = key.partition(":")
            counts[name][value] = n
    return counts


def has_facet(documents, name, value):
    """Documents that have this facet value (a GIN index serves it on PostgreSQL)."""
    key = f"{name}:{value}"
    if uses_postgres():
        contains = RawSQL(
            "string_to_array(btrim(facet_keys), ' ') @> %s", ([key],), output_field=BooleanField()
        )
        return documents.alias(**{f"has_{name}": contains}).filter(**{f"has_{name}": True})
    return documents.filter(facet_keys__contains=f" {key} ")


def _mark(text):
    """Escape `text`, then turn the highlight markers into <mark> elements."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own tags added


def _python_highlight(text, words, length=220):
    """A window of `text` around the first matched word, with the words marked."""
    if not text:
        return ""
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - 60) if found else 0
    window = text[start : start + length]
    if pattern:
        window = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", window)
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    return f"{prefix}{window}{suffix}"


def snippets(documents, q, locales_by_id):
    """{page id: (title_html, snippet_html)} with the matched words highlighted."""
    documents = list(documents)
    if not q:  # browsing: the summary, nothing to highlight
        return {doc.pk: (_mark(doc.title), _mark(doc.summary)) for doc in documents}
    result = {}
    if uses_postgres():
        return _pg_snippets(documents, q, locales_by_id)
    words = query_words(q)
    for doc in documents:
        text = doc.summary or doc.body
        result[doc.pk] = (
            _mark(_python_highlight(doc.title, words, length=1000)),
            _mark(_python_highlight(text, words)),
        )
    return result


def _pg_snippets(documents, q, locales_by_id):
    """ts_headline for the shown page of results only: one query, each row in its config."""
    from django.db import connections

    if not documents:
        return {}
    connection = connections[documents[0]._state.db]  # where they were read from
    locale_ids = sorted({doc.locale_id for doc in documents})
    configs = " UNION ALL ".join(
        "SELECT %s::bigint, %s::regconfig, websearch_to_tsquery(%s::regconfig, %s)"
        for _ in locale_ids
    )
    params = []
    for locale_id in locale_ids:
        config = config_for(locales_by_id[locale_id].language_code)
        params += [locale_id, config, config, q]
    title_options = f"StartSel={START}, StopSel={STOP}, HighlightAll=true"
    text_options = f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, MaxFragments=2"
    sql = f"""
        SELECT d.page_id,
               ts_headline(c.config, d.title, c.query, %s),
               ts_headline(c.config, CASE WHEN d.summary = '' THEN d.body
                                          ELSE d.summary || ' … ' || d.body END, c.query, %s)
        FROM {SearchDocument._meta.db_table} d
        JOIN ({configs}) AS c (locale_id, config, query) ON c.locale_id = d.locale_id
        WHERE d.page_id = ANY(%s)
    """  # noqa: S608 - our table; every value is a parameter
    with connection.cursor() as cursor:
        cursor.execute(sql, [title_options, text_options, *params, [doc.pk for doc in documents]])
        return {pk: (_mark(title), _mark(text)) for pk, title, text in cursor.fetchall()}
