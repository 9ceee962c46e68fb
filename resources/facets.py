"""The Sumber Belajar library: faceted browsing that lives in the URL and never fails.

Facets combine with AND. Within a facet one value is chosen at a time: choosing
another value of the same facet replaces it. So a value's count is the number of
resources matching every *other* active facet (and the query) plus that value:
exactly what the visitor gets by clicking it. Unknown values are dropped with a
message; the rest still apply.
"""

from dataclasses import dataclass

from django.db import connections
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from communities.models import SchoolLevel, Subject, Topic
from home import chrome
from home.facets import chosen_values, facet_values, sort_links
from home.pagination import paginate
from search import fast as search_fast

from . import fast
from .models import Language, LearningResourcePage, Licence, Phase, ResourceType

PAGE_SIZE = 12
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Facet:
    name: str  # URL parameter
    label: str
    kind: str  # "choice", "terms" or "phase"
    field: str = ""
    choices: type | None = None
    terms: type | None = None


FACETS = [
    Facet("type", _("Type"), "choice", "resource_type", choices=ResourceType),
    Facet("level", _("School level"), "terms", "levels", terms=SchoolLevel),
    Facet("phase", _("Phase"), "phase", "phases", choices=Phase),
    Facet("subject", _("Subject"), "terms", "subjects", terms=Subject),
    Facet("topic", _("Topic"), "terms", "topics", terms=Topic),
    Facet("language", _("Language"), "choice", "language", choices=Language),
    Facet("licence", _("Licence"), "choice", "licence", choices=Licence),
]

SORTS = {
    "newest": _("Newest"),
    "title": _("Title"),
    "relevance": _("Relevance"),
}


def _through(facet):
    return getattr(LearningResourcePage, facet.field).through


def _term_column(facet):
    return facet.terms._meta.model_name  # e.g. "schoollevel" in the through table


def apply_facet(queryset, facet, value):
    if facet.kind == "choice":
        return queryset.filter(**{facet.field: value})
    if facet.kind == "phase":
        return queryset.filter(phases__contains=value)
    # A subquery, not a join: no duplicate rows, and links to either language's term count.
    through = _through(facet)
    pages = through.objects.filter(**{f"{_term_column(facet)}__slug": value}).values(
        "learningresourcepage_id"
    )
    return queryset.filter(pk__in=pages)


def _matching_documents(q, locale):
    """The portal search index's resource documents for `q`, with their rank: the
    library understands word forms as the search page does (mengajar → pembelajaran)."""
    from search.models import Kind, SearchDocument
    from search.query import match

    return match(SearchDocument.objects.filter(kind=Kind.RESOURCE), q, [locale])


def apply_query(queryset, q, locale):
    return queryset.filter(pk__in=_matching_documents(q, locale).values("pk"))


def rank_by_relevance(queryset, q, locale):
    """Title matches first, then summary, then body (the search index's rank), newest first."""
    rank = _matching_documents(q, locale).filter(pk=OuterRef("pk")).values("rank")[:1]
    return queryset.annotate(relevance=Subquery(rank)).order_by(
        "-relevance", "-first_published_at", "-pk"
    )


SCALARS = ("resource_type", "language", "licence", "phases")


def _scalar_branch(source, fields):
    """Rows (%s, "value value ...", count): one per combination of `fields` over `source`,
    so the total and every single-valued facet (phases too) come from one pass."""
    combination = " || ' ' || ".join(fields)
    columns = ", ".join(fields)
    return f"SELECT %s, {combination}, COUNT(*) FROM {source} GROUP BY {columns}"  # noqa: S608


def _terms_branch(facet, source):
    """Rows (%s, slug, count) for a levels/subjects/topics facet over `source` (several
    rows for a slug add up).

    Counting through rows is exact while no page links two terms with the same slug
    (one per language: wagtail-localize copies links as they are). When some slug has
    two linked terms, the second form counts distinct pages instead; a one-time check,
    a few index probes, says which of the two runs."""
    through = _through(facet)._meta.db_table
    column = f"{_term_column(facet)}_id"
    terms = facet.terms._meta.db_table
    # Names below come from our models, values are parameters.
    shared_slugs = (
        f"EXISTS (SELECT 1 FROM {terms} u WHERE EXISTS (SELECT 1 FROM {through} y"  # noqa: S608
        f" WHERE y.{column} = u.id) GROUP BY u.slug HAVING COUNT(*) > 1)"
    )
    pages = f"FROM {source} JOIN {through} x ON x.learningresourcepage_id = {source}.id"
    # Grouped by term id (an integer) first; the few groups then get their slug.
    per_term = f"SELECT x.{column} AS term, COUNT(*) AS n {pages} GROUP BY x.{column}"
    return (
        f"SELECT %s, t.slug, c.n FROM ({per_term}) c JOIN {terms} t ON t.id = c.term"  # noqa: S608
        f" WHERE NOT {shared_slugs}"
        f" UNION ALL SELECT %s, t.slug, COUNT(DISTINCT x.learningresourcepage_id) {pages}"
        f" JOIN {terms} t ON t.id = x.{column} WHERE {shared_slugs} GROUP BY t.slug"
    )


def facet_counts(filtered, selected):
    """({facet name: {value: count}}, result count) in one query.

    `filtered(except_facet)` is the selection without that facet. Every facet not
    chosen is counted over the whole selection (so is the result count); a chosen
    facet over the selection without it, so that each of its other values counts
    what choosing it instead gives. Each selection is a CTE; the database groups,
    Python only adds up the groups."""
    keys = [None, *[facet.name for facet in FACETS if facet.name in selected]]
    sources = {key: f"s_{key or 'all'}" for key in keys}
    ctes, params = [], []
    for key in keys:
        queryset = filtered(except_facet=key).order_by().values("pk", *SCALARS)
        inner, inner_params = queryset.query.sql_with_params()
        ctes.append(f"{sources[key]} (id, {', '.join(SCALARS)}) AS ({inner})")
        params += inner_params
    branches = [_scalar_branch(sources[None], SCALARS)]
    params.append("")
    for facet in FACETS:
        if facet.kind == "terms":
            branches.append(_terms_branch(facet, sources.get(facet.name, sources[None])))
            params += [facet.name, facet.name]
        elif facet.name in selected:
            branches.append(_scalar_branch(sources[facet.name], [facet.field]))
            params.append(facet.name)
    sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(branches)
    with connections[filtered().db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()

    counts = {facet.name: {} for facet in FACETS}
    by_field = {facet.field: facet for facet in FACETS if facet.kind != "terms"}
    total = 0

    def add(facet, value, n):
        letters = value if facet.kind == "phase" else [value]
        for letter in letters:
            counts[facet.name][letter] = counts[facet.name].get(letter, 0) + n

    for name, value, n in rows:
        if name == "":  # a combination of the single-valued fields over the whole selection
            total += n
            for field, part in zip(SCALARS, value.split(" "), strict=True):
                if by_field[field].name not in selected:
                    add(by_field[field], part, n)
        else:
            add(next(facet for facet in FACETS if facet.name == name), value, n)
    return counts, total


class Counted:
    """The results for the paginator, counted already with the facets: no COUNT query."""

    ordered = True

    def __init__(self, queryset, count):
        self.queryset, self._count = queryset, count

    def count(self):
        return self._count

    def __getitem__(self, key):
        return self.queryset[key]


def facet_options(facet, locale, request=None):
    """[(value, label)] in display order; terms in the reader's language (cached with the
    header and footer: a vocabulary changes with content, see home/chrome.py)."""
    if facet.kind in ("choice", "phase"):
        return list(facet.choices.choices)

    def terms():
        return list(facet.terms.objects.filter(locale=locale).values_list("slug", "name"))

    name = f"facet-options:{facet.terms._meta.label_lower}:{locale.pk}"
    return chrome.remember(request, name, terms) if request is not None else terms()


def _sql_results(index_page, q, selected, sort):
    """(results, facet counts, result count) from the pages themselves."""
    locale = index_page.locale
    base = LearningResourcePage.objects.live().public().descendant_of(index_page)
    searched = apply_query(base, q, locale) if q else base

    def filtered(except_facet=None):
        queryset = searched
        for facet in FACETS:
            if facet.name in selected and facet.name != except_facet:
                queryset = apply_facet(queryset, facet, selected[facet.name])
        return queryset

    results = filtered()
    if sort == "relevance":
        results = rank_by_relevance(results, q, locale)
    elif sort == "title":
        results = results.order_by("title", "pk")
    else:
        results = results.order_by("-first_published_at", "-pk")
    counts, total = facet_counts(filtered, selected)
    return Counted(results.prefetch_related("levels", "subjects"), total), counts, total


def resource_listing(request, index_page):
    locale = index_page.locale
    params = request.GET
    options = {facet.name: facet_options(facet, locale, request) for facet in FACETS}
    messages = []
    selected = chosen_values(params, FACETS, options, messages)

    # NUL bytes mean nothing in a search and PostgreSQL refuses them in a query.
    q = params.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    sort = params.get("sort", "").strip() or ("relevance" if q else "newest")
    if sort not in SORTS or (sort == "relevance" and not q):
        if params.get("sort"):
            messages.append(gettext("We can't sort that way; showing the newest first."))
        sort = "relevance" if q else "newest"

    quick, loosened = fast.prepare(index_page, q, selected)
    if loosened:
        messages.append(str(search_fast.LOOSENED_MESSAGE))
    if quick:
        counts, total = quick.counts([facet.name for facet in FACETS])
        results = fast.Results(quick, sort, locale, total)
    else:
        results, counts, total = _sql_results(index_page, q, selected, sort)

    query = params.copy()
    query.pop("page", None)
    for name in list(query):
        if name in options and name not in selected:
            query.pop(name)

    facets = [
        {
            "name": facet.name,
            "label": facet.label,
            "values": facet_values(
                query, facet.name, options[facet.name], counts[facet.name], selected.get(facet.name)
            ),
        }
        for facet in FACETS
    ]

    page_obj = paginate(results, params.get("page", "1"), PAGE_SIZE, messages)

    sorts = sort_links(query, SORTS, sort, bool(q))

    return {
        "resources": page_obj.object_list,
        "page_obj": page_obj,
        "result_count": total,
        "facets": facets,
        "selected_facets": selected,
        "search_query": q,
        "sort": sort,
        "sort_links": sorts,
        "filter_messages": messages,
        "filters_active": bool(selected or q),
        "query_string": query.urlencode(),
    }
