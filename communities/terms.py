"""The levels, subjects and topics of pages, read in one query for any number of pages.

prefetch_related("levels", "subjects", "topics") costs a query per relation and per page
type; a community page with its article cards would spend six. prefetch_terms() reads all
those link tables in one UNION ALL and fills the same prefetch cache, so templates keep
using `page.levels.all` as before. The SQL is written out: the ORM took longer to build
the union (about 7 ms) than the database to answer it.
"""

from functools import cache

from django.db import connection
from django.db.models import QuerySet

TERM_FIELDS = ("levels", "subjects", "topics")


@cache
def _select(model, field_name, kind):
    """SELECT kind, page id, the term's columns (in attname order) FROM one link table,
    with a `{ids}` slot for the page ids; and the term model."""
    quote = connection.ops.quote_name
    field = model._meta.get_field(field_name)
    link = field.remote_field.through._meta
    page_column = quote(link.get_field(field.m2m_field_name()).column)
    term_column = quote(link.get_field(field.m2m_reverse_field_name()).column)
    term_model = field.related_model
    columns = ", ".join(f"t.{quote(f.column)}" for f in term_model._meta.concrete_fields)
    # Names from the models' _meta, quoted; the page ids are parameters.
    sql = (
        f"SELECT {kind:d}, l.{page_column}, {columns} FROM {quote(link.db_table)} l "  # noqa: S608
        f"INNER JOIN {quote(term_model._meta.db_table)} t "
        f"ON l.{term_column} = t.{quote(term_model._meta.pk.column)} "
        f"WHERE l.{page_column} IN ({{ids}})"
    )
    return sql, term_model


def _converters(term_model):
    """What the ORM does to each column's raw value (e.g. text to UUID on SQLite)."""
    result = []
    for field in term_model._meta.concrete_fields:
        column = field.get_col(term_model._meta.db_table)
        converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        result.append((column, converters))
    return result


def _from_row(term_model, attnames, converters, values):
    converted = []
    for value, (column, functions) in zip(values, converters, strict=True):
        for function in functions:
            value = function(value, column, connection)
        converted.append(value)
    return term_model.from_db(connection.alias, attnames, converted)


def _order_by(term_model):
    """ORDER BY the kind, the page, then as the term model orders (sort order, name)."""
    names = [f.name for f in term_model._meta.concrete_fields]
    positions = [str(names.index(name.lstrip("-")) + 3) for name in term_model._meta.ordering]
    return "ORDER BY 1, 2, " + ", ".join(positions)


def prefetch_terms(pages, fields=TERM_FIELDS):
    """Fill `fields` of `pages` (of any page types that have them) as prefetch_related
    would, in the order of the term models' Meta.ordering. Returns `pages`.

    Pages showing unsaved relations (a preview) keep them: modelcluster reads those first.
    """
    pages = list(pages)
    by_model = {}
    for page in pages:
        if page.pk is not None:
            by_model.setdefault(type(page), []).append(page)
    relations = [(model, name) for model in by_model for name in fields]
    if not relations:
        return pages
    selects, params, term_models = [], [], []
    for kind, (model, name) in enumerate(relations):
        sql, term_model = _select(model, name, kind)
        ids = [page.pk for page in by_model[model]]
        selects.append(sql.format(ids=", ".join(["%s"] * len(ids))))
        params += ids
        term_models.append(term_model)
    # The three vocabularies share their columns and ordering (TaxonomyTerm).
    sql = " UNION ALL ".join(selects) + " " + _order_by(term_models[0])
    readers = {
        term_model: ([f.attname for f in term_model._meta.concrete_fields], _converters(term_model))
        for term_model in term_models
    }
    found = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, page_id, *values in cursor.fetchall():
            term_model = term_models[kind]
            term = _from_row(term_model, *readers[term_model], values)
            found.setdefault((kind, page_id), []).append(term)
    for kind, (model, name) in enumerate(relations):
        for page in by_model[model]:
            queryset = getattr(page, name).get_queryset()
            if isinstance(queryset, QuerySet):  # not modelcluster's in-memory FakeQuerySet
                queryset._result_cache = found.get((kind, page.pk), [])
                queryset._prefetch_done = True
                page.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
    return pages
