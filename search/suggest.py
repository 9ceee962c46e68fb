"""Suggestions as the teacher types: page titles that have every word, the last one as a prefix."""

import datetime

from django.core.cache import cache
from django.db import connections
from django.db.models import Q
from wagtail.models import Page

from .indexer import uses_postgres
from .models import Kind, SearchTitle
from .query import clean_query, query_words

LIMIT = 8
MIN_PREFIX = 2
WALK = 50_000  # newest titles walked before asking the GIN index for every match
BOUNDARY_TIMEOUT = 3600


def suggestions(request, raw, locale):
    words = query_words(clean_query(raw))
    if not words or len(words[-1]) < MIN_PREFIX:
        return []
    rows = _newest_postgres(words, locale) if uses_postgres() else _newest(words, locale)
    pages = {page.pk: page for page in Page.objects.filter(pk__in=[row[0] for row in rows])}
    kinds = dict(Kind.choices)
    result = []
    for pk, title, kind in rows:
        url = pages[pk].get_url(request) if pk in pages else None
        if url:
            result.append(
                {"title": title, "url": url, "kind": kind, "kind_label": str(kinds[kind])}
            )
    return result


def _newest(words, locale):
    """[(page id, title, kind)] of the newest titles with the words, without stemming."""
    titles = SearchTitle.objects.filter(locale=locale)
    *complete, prefix = words
    for word in complete:
        titles = titles.filter(title__icontains=word)
    titles = titles.filter(Q(title__istartswith=prefix) | Q(title__icontains=f" {prefix}"))
    return list(titles.order_by("-date", "-pk").values_list("pk", "title", "kind")[:LIMIT])


def _newest_postgres(words, locale):
    """The same in two steps, each of bounded cost whatever the words:
    1. among the newest WALK titles of the language, walking down the (locale, date,
       page) index with the words read from the index: a common prefix has its eight
       there, and PostgreSQL stops at the eighth;
    2. else the older ones too, taken from the GIN index and sorted: the words are rare
       among the newest, and usually rare at all.
    (Left to itself, PostgreSQL guesses how common a combination of words is; a wrong
    guess walked every title, 650 ms at national size.)"""
    # Words are \w+ only, so they are safe in a raw tsquery.
    tsquery = " & ".join([*words[:-1], f"{words[-1]}:*"])
    table = SearchTitle._meta.db_table
    matching = f"SELECT page_id, date FROM {table} WHERE locale_id = %(locale)s AND words @@ to_tsquery('simple', %(q)s)"  # noqa: S608, E501 - our table
    steps = [
        f"{matching} AND date >= %(boundary)s ORDER BY date DESC, page_id DESC LIMIT %(limit)s",
        f"""WITH m AS MATERIALIZED ({matching})
        SELECT page_id, date FROM m WHERE date < %(boundary)s OR date IS NULL
        ORDER BY date DESC NULLS LAST, page_id DESC LIMIT %(limit)s""",  # noqa: S608
    ]
    params = {"locale": locale.pk, "q": tsquery, "boundary": _boundary(locale), "limit": LIMIT}
    rows = []
    with connections[SearchTitle.objects.db].cursor() as cursor:
        for step in steps:
            cursor.execute(
                f"""SELECT t.page_id, t.title, t.kind FROM ({step}) AS found
                JOIN {table} t USING (page_id)
                ORDER BY found.date DESC NULLS LAST, found.page_id DESC""",  # noqa: S608
                {**params, "limit": LIMIT - len(rows)},
            )
            rows += cursor.fetchall()
            if len(rows) == LIMIT:
                break
    return rows


def _boundary(locale):
    """The date of about the WALK-th newest title of the language, remembered for a while:
    any date gives the same suggestions (the steps split the titles there); this one
    keeps both steps cheap."""
    key = f"search:suggest-boundary:{locale.pk}"
    found = cache.get(key)
    if found is None:
        table = SearchTitle._meta.db_table
        with connections[SearchTitle.objects.db].cursor() as cursor:
            cursor.execute(
                f"""SELECT date FROM {table} WHERE locale_id = %s AND date IS NOT NULL
                ORDER BY date DESC, page_id DESC OFFSET %s LIMIT 1""",  # noqa: S608
                [locale.pk, WALK],
            )
            row = cursor.fetchone()  # None: fewer titles than that, all in step 1
            found = row[0] if row else datetime.datetime.min.replace(tzinfo=datetime.UTC)
        cache.set(key, found, BOUNDARY_TIMEOUT)
    return found
