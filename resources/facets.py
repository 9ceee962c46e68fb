"""The Sumber Belajar library: faceted browsing that lives in the URL and never fails.

Facets combine with AND. Within a facet one value is chosen at a time: choosing
another value of the same facet replaces it. So a value's count is the number of
resources matching every *other* active facet (and the query) plus that value:
exactly what the visitor gets by clicking it. Unknown values are dropped with a
message; the rest still apply.
"""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from communities.models import SchoolLevel, Subject, Topic
from home import chrome
from home.facets import chosen_values, facet_values, sort_links
from home.pagination import paginate

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
        "-relevance", "-first_published_at", "pk"
    )


def facet_counts(queryset, facet):
    """{value: count} for one facet over `queryset` (one query)."""
    if facet.kind == "choice":
        rows = queryset.order_by().values(facet.field).annotate(n=Count("pk"))
        return {row[facet.field]: row["n"] for row in rows}
    if facet.kind == "phase":
        return queryset.aggregate(
            **{letter: Count("pk", filter=Q(phases__contains=letter)) for letter in Phase.values}
        )
    through = _through(facet)
    slug = f"{_term_column(facet)}__slug"
    rows = (
        through.objects.filter(learningresourcepage_id__in=queryset.values("pk"))
        .order_by()
        .values(slug)
        .annotate(n=Count("learningresourcepage_id", distinct=True))
    )
    return {row[slug]: row["n"] for row in rows}


def facet_options(facet, locale, request=None):
    """[(value, label)] in display order; terms in the reader's language (cached with the
    header and footer: a vocabulary changes with content, see home/chrome.py)."""
    if facet.kind in ("choice", "phase"):
        return list(facet.choices.choices)

    def terms():
        return list(facet.terms.objects.filter(locale=locale).values_list("slug", "name"))

    name = f"facet-options:{facet.terms._meta.label_lower}:{locale.pk}"
    return chrome.remember(request, name, terms) if request is not None else terms()


def resource_listing(request, index_page):
    locale = index_page.locale
    params = request.GET
    base = LearningResourcePage.objects.live().public().descendant_of(index_page)
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
    results = results.prefetch_related("levels", "subjects")

    query = params.copy()
    query.pop("page", None)
    for name in list(query):
        if name in options and name not in selected:
            query.pop(name)

    facets = []
    for facet in FACETS:
        counts = facet_counts(filtered(except_facet=facet.name), facet)
        values = facet_values(
            query, facet.name, options[facet.name], counts, selected.get(facet.name)
        )
        facets.append({"name": facet.name, "label": facet.label, "values": values})

    page_obj = paginate(results, params.get("page", "1"), PAGE_SIZE, messages)

    sorts = sort_links(query, SORTS, sort, bool(q))

    return {
        "resources": page_obj.object_list,
        "page_obj": page_obj,
        "result_count": page_obj.paginator.count,
        "facets": facets,
        "selected_facets": selected,
        "search_query": q,
        "sort": sort,
        "sort_links": sorts,
        "filter_messages": messages,
        "filters_active": bool(selected or q),
        "query_string": query.urlencode(),
    }
