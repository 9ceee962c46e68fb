"""Keep the search index in step with the live, public pages.

`index_pages()` (re)writes the documents of some pages, `remove_pages()` drops
them, `rebuild()` rewrites the whole index in batches. On PostgreSQL each
document's `vector` is computed in SQL with its locale's text search
configuration (`SEARCH_CONFIGS`).
"""

import time

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from communities.models import CommunityPage

from . import bitmaps, cache, documents
from .models import SearchDocument

BATCH_SIZE = 500

# The configuration for a language; others (and a missing one) use "simple".
SEARCH_CONFIGS = getattr(settings, "SEARCH_CONFIGS", {"id": "indonesian", "en": "english"})


def config_for(language_code):
    return SEARCH_CONFIGS.get(language_code, "simple")


def uses_postgres():
    return connection.vendor == "postgresql"


def _private_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _is_private(path, private_paths):
    return any(path.startswith(prefix) for prefix in private_paths)


def _prefetch(model):
    """The related objects documents.build() reads, fetched once per batch."""
    related = ["locale"]
    if model is CommunityPage:
        related.append("regency__province")
    prefetch = ["authors"] if hasattr(model, "authors") else []
    return related, prefetch


TERM_FIELDS = ("levels", "subjects", "topics")


def _terms_by_page(model, page_ids):
    """{page id: {"levels": [(slug, name)], ...}} read from the through tables (one query
    per vocabulary): cheaper than building the related objects of every page."""
    result = {}
    for name in TERM_FIELDS:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = field.remote_field.through.objects.filter(
            **{f"{source}_id__in": page_ids}
        ).values_list(f"{source}_id", f"{target}__slug", f"{target}__name")
        for page_id, slug, term_name in rows.order_by(f"{target}__sort_order", f"{target}__name"):
            result.setdefault(page_id, {}).setdefault(name, []).append((slug, term_name))
    return result


def _communities_by_path(pages):
    paths = {page.path[: -page.steplen] for page in pages}
    return {
        community.path: community
        for community in CommunityPage.objects.filter(path__in=paths).select_related(
            "regency__province"
        )
    }


def _write(pages):
    """Replace the documents of `pages` (specific, live, public pages of one model)."""
    communities = _communities_by_path(pages) if pages else {}
    terms = _terms_by_page(type(pages[0]), [page.pk for page in pages]) if pages else {}
    rows = []
    for page in pages:
        data = documents.build(
            page,
            community=communities.get(page.path[: -page.steplen]),
            terms=terms.get(page.pk, {}),
        )
        if data is None:
            continue
        rows.append(
            SearchDocument(
                page_id=page.pk,
                locale_id=page.locale_id,
                kind=data.kind,
                title=data.title,
                summary=data.summary,
                keywords=data.keywords,
                body=data.body,
                date=data.date,
                province=data.province,
                regency=data.regency,
                facet_keys=documents.facet_keys(data.facets),
            )
        )
    with transaction.atomic():
        remove_pages([page.pk for page in pages])
        SearchDocument.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        if uses_postgres() and rows:
            _update_vectors([row.page_id for row in rows])
            bitmaps.remember([row.page_id for row in rows])
    cache.index_changed()
    return len(rows)


def _update_vectors(page_ids):
    """Compute the weighted tsvectors in SQL, with each locale's configuration."""
    from wagtail.models import Locale

    table = SearchDocument._meta.db_table
    with connection.cursor() as cursor:
        for locale in Locale.objects.all():
            cursor.execute(
                f"""
                UPDATE {table} SET
                    vector = setweight(to_tsvector(%(config)s::regconfig, title), 'A')
                          || setweight(to_tsvector(%(config)s::regconfig, summary), 'B')
                          || setweight(to_tsvector(%(config)s::regconfig, keywords), 'B')
                          || setweight(to_tsvector(%(config)s::regconfig, body), 'C'),
                    rank_vector = setweight(to_tsvector(%(config)s::regconfig, title), 'A')
                          || setweight(to_tsvector(%(config)s::regconfig, summary), 'B')
                          || setweight(to_tsvector(%(config)s::regconfig, keywords), 'B'),
                    title_vector = to_tsvector('simple', title)
                WHERE page_id = ANY(%(ids)s) AND locale_id = %(locale)s
                """,  # noqa: S608 - the table name is ours, values are parameters
                {"config": config_for(locale.language_code), "ids": page_ids, "locale": locale.pk},
            )


def _specific_pages(model, queryset):
    related, prefetch = _prefetch(model)
    return list(queryset.select_related(*related).prefetch_related(*prefetch))


def index_pages(pages):
    """Index these pages (any objects with a pk); drop those that are not searchable."""
    ids = [page.pk for page in pages]
    if not ids:
        return 0
    private = _private_paths()
    written, searchable = 0, set()
    by_model = {}
    for page in Page.objects.filter(pk__in=ids).live().select_related("content_type"):
        model = page.specific_class
        if model in documents.KINDS and not _is_private(page.path, private):
            by_model.setdefault(model, []).append(page.pk)
    for model, model_ids in by_model.items():
        pages_of_model = _specific_pages(model, model.objects.filter(pk__in=model_ids))
        written += _write(pages_of_model)
        searchable.update(model_ids)
    remove_pages([pk for pk in ids if pk not in searchable])
    return written


def index_subtree(page):
    """Index a page and everything below it (after a move or a privacy change)."""
    ids = list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        index_pages([Page(pk=pk) for pk in batch])


def remove_pages(page_ids):
    if not page_ids:
        return
    with transaction.atomic():
        bitmaps.forget(page_ids)
        removed = SearchDocument.objects.filter(pk__in=page_ids).delete()[0]
    if removed:
        cache.index_changed()


def rebuild(stdout=None, batch_size=BATCH_SIZE):
    """Rewrite the whole index; returns the number of documents."""
    started = time.monotonic()
    bitmaps.clear()  # built again at the end; meanwhile searches use SQL
    SearchDocument.objects.all().delete()  # one DELETE: nothing refers to documents
    cache.index_changed()
    private = _private_paths()
    exclude_private = Q()
    for path in private:
        exclude_private |= Q(path__startswith=path)
    total = 0
    for model in documents.KINDS:
        queryset = model.objects.live().order_by("pk")
        if private:
            queryset = queryset.exclude(exclude_private)
        ids = list(queryset.values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            batch = model.objects.filter(pk__in=ids[start : start + batch_size])
            total += _write(_specific_pages(model, batch))
        if stdout:
            stdout.write(f"{model.__name__}: {len(ids)} pages ({time.monotonic() - started:.1f} s)")
    if uses_postgres():
        with connection.cursor() as cursor:
            # The rebuild rewrote every row (insert, then the vectors): reclaim the dead
            # versions, or every search reads them too. VACUUM needs autocommit.
            table = SearchDocument._meta.db_table
            cursor.execute(
                f"VACUUM ANALYZE {table}" if connection.get_autocommit() else f"ANALYZE {table}"
            )
    bitmaps.build(stdout=stdout)
    cache.index_changed()
    return total
