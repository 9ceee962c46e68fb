"""Keep the search index in step with the live, public pages.

`index_pages()` (re)writes the documents of some pages, `remove_pages()` drops
them, `rebuild()` rewrites the whole index in batches. On PostgreSQL each
document's `vector` is computed in SQL with its locale's text search
configuration (`SEARCH_CONFIGS`).
"""

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, connections, transaction
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from communities.models import CommunityPage

from . import bitmaps, cache, documents
from .models import Kind, SearchDocument, SearchTitle

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
    parents = {}  # a resource's library, a facet of its document
    if pages and documents.kind_of(pages[0]) == Kind.RESOURCE:
        paths = {page.path[: -page.steplen] for page in pages}
        parents = dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))
    rows = []
    for page in pages:
        parent_path = page.path[: -page.steplen]
        data = documents.build(
            page,
            community=communities.get(parent_path),
            terms=terms.get(page.pk, {}),
            parent_id=parents.get(parent_path),
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
        if uses_postgres():
            _insert_with_vectors(rows)
            bitmaps.remember([row.page_id for row in rows])
        else:
            SearchDocument.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        _insert_titles([row.page_id for row in rows])
    cache.index_changed()
    return len(rows)


COLUMNS = (
    ("page_id", "int"),
    ("locale_id", "bigint"),
    ("kind", "text"),
    ("title", "text"),
    ("summary", "text"),
    ("keywords", "text"),
    ("body", "text"),
    ("date", "timestamptz"),
    ("province", "text"),
    ("regency", "text"),
    ("facet_keys", "text"),
)


def _insert_with_vectors(rows):
    """Insert documents with their weighted tsvectors, each in its locale's configuration,
    in one statement: each row is written once (no dead versions to vacuum), and the
    title, summary and keywords are parsed once for both vectors."""
    if not rows:
        return
    from wagtail.models import Locale

    configs = {
        pk: config_for(code) for pk, code in Locale.objects.values_list("pk", "language_code")
    }
    names = [name for name, _type in COLUMNS]
    arrays = [[getattr(row, name) for row in rows] for name in names]
    arrays.append([configs.get(row.locale_id, "simple") for row in rows])
    unnest = ", ".join(f"%s::{sql_type}[]" for _name, sql_type in COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {SearchDocument._meta.db_table}
                ({", ".join(names)}, vector, rank_vector)
            SELECT {", ".join(f"u.{name}" for name in names)},
                   r.ranked || setweight(to_tsvector(u.config, u.body), 'C'),
                   r.ranked
            FROM unnest({unnest}, %s::regconfig[]) AS u ({", ".join(names)}, config)
            CROSS JOIN LATERAL (SELECT
                setweight(to_tsvector(u.config, u.title), 'A')
                || setweight(to_tsvector(u.config, u.summary), 'B')
                || setweight(to_tsvector(u.config, u.keywords), 'B') AS ranked) AS r""",  # noqa: S608 - our table and columns; values are parameters
            arrays,
        )


def _insert_titles(page_ids):
    """The suggestions' copy of these documents' titles (search/models.SearchTitle)."""
    if not page_ids:
        return
    words = "to_tsvector('simple', title)" if uses_postgres() else "NULL"
    ids = ", ".join(str(int(pk)) for pk in page_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {SearchTitle._meta.db_table}
                (page_id, locale_id, kind, title, date, words)
            SELECT page_id, locale_id, kind, title, date, {words}
            FROM {SearchDocument._meta.db_table} WHERE page_id IN ({ids})"""  # noqa: S608 - integers and our tables
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
        SearchTitle.objects.filter(pk__in=page_ids).delete()
        removed = SearchDocument.objects.filter(pk__in=page_ids).delete()[0]
    if removed:
        cache.index_changed()


def _write_batch(batch):
    """Index one (model label, page ids) batch of a rebuild; returns the documents written."""
    label, ids = batch
    model = apps.get_model(label)
    return _write(_specific_pages(model, model.objects.filter(pk__in=ids)))


def rebuild(stdout=None, batch_size=BATCH_SIZE, workers=1):
    """Rewrite the whole index; returns the number of documents. With several workers
    (PostgreSQL), batches are written by that many processes at once: building a
    document is Python, its vectors PostgreSQL, so two keep two cores busy."""
    started = time.monotonic()
    bitmaps.clear()  # built again at the end; meanwhile searches use SQL
    SearchTitle.objects.all().delete()  # one DELETE each: nothing refers to them
    SearchDocument.objects.all().delete()
    cache.index_changed()
    private = _private_paths()
    exclude_private = Q()
    for path in private:
        exclude_private |= Q(path__startswith=path)
    batches = []
    for model in documents.KINDS:
        queryset = model.objects.live().order_by("pk")
        if private:
            queryset = queryset.exclude(exclude_private)
        ids = list(queryset.values_list("pk", flat=True))
        batches += [
            (model._meta.label, ids[at : at + batch_size]) for at in range(0, len(ids), batch_size)
        ]
    total = 0
    if workers > 1 and uses_postgres() and connection.get_autocommit():
        connections.close_all()  # each process opens its own
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            for done, written in enumerate(pool.map(_write_batch, batches), start=1):
                total += written
                if stdout and done % 100 == 0:
                    stdout.write(
                        f"{done}/{len(batches)} batches ({time.monotonic() - started:.1f} s)"
                    )
    else:
        for batch in batches:
            total += _write_batch(batch)
    if stdout:
        stdout.write(f"{total} documents written ({time.monotonic() - started:.1f} s)")
    if uses_postgres():
        with connection.cursor() as cursor:
            # Fresh statistics for the planner, and the visibility map for index-only
            # scans (the date walk of search/fast.py). VACUUM needs autocommit.
            for table in (SearchDocument._meta.db_table, SearchTitle._meta.db_table):
                cursor.execute(
                    f"VACUUM ANALYZE {table}" if connection.get_autocommit() else f"ANALYZE {table}"
                )
    bitmaps.build(stdout=stdout)
    cache.index_changed()
    return total
