"""Suggestions as the teacher types: page titles that have every word, the last one as a prefix."""

from django.contrib.postgres.search import SearchQuery
from django.db.models import Q
from wagtail.models import Page

from .indexer import uses_postgres
from .models import Kind, SearchDocument
from .query import clean_query, query_words

LIMIT = 8
MIN_PREFIX = 2


def suggestions(request, raw, locale):
    words = query_words(clean_query(raw))
    if not words or len(words[-1]) < MIN_PREFIX:
        return []
    documents = SearchDocument.objects.filter(locale=locale)
    if uses_postgres():
        # Words are \w+ only, so they are safe in a raw tsquery.
        tsquery = " & ".join([*words[:-1], f"{words[-1]}:*"])
        documents = documents.filter(
            title_vector=SearchQuery(tsquery, config="simple", search_type="raw")
        )
    else:
        *complete, prefix = words
        for word in complete:
            documents = documents.filter(title__icontains=word)
        documents = documents.filter(
            Q(title__istartswith=prefix) | Q(title__icontains=f" {prefix}")
        )
    # Newest first, in the order of the (locale, date, page) index: for a short, common
    # prefix PostgreSQL walks the index and stops at the eighth match instead of sorting.
    rows = list(documents.order_by("-date", "-pk").values_list("pk", "title", "kind")[:LIMIT])
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
