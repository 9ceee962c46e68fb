"""The search page's state, from the URL: query, facets, language, sort and page.

Facets combine with AND; one value per facet. A value's count is the number of
results matching the query and every *other* chosen facet plus that value, which
is what the visitor gets by choosing it. Bad input (unknown values, a bad page
number, an over-long query) is dropped with a message, never an error.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from communities.models import Province, SchoolLevel, Subject
from home import chrome
from home import locales as home_locales
from home.facets import chosen_values, facet_values, sort_links
from home.pagination import paginate
from resources.models import Phase

from . import cache as search_cache
from . import fast, stats
from . import query as search_query
from .documents import parse_facet_keys
from .models import Kind, SearchDocument

PER_PAGE = 20


@dataclass(frozen=True)
class Facet:
    name: str  # URL parameter and the name in SearchDocument.facet_keys
    label: str


FACETS = [
    Facet("kind", _("Type")),
    Facet("level", _("School level")),
    Facet("phase", _("Phase")),
    Facet("subject", _("Subject")),
    Facet("region", _("Province")),
]
SORTS = {"relevance": _("Relevance"), "newest": _("Newest")}


def _options(request, locale):
    """{facet: [(value, label)]} in display order, labels in the reader's language. The
    vocabularies are kept with the header and footer (home/chrome.py: never stale)."""

    def terms(model):
        return list(model.objects.filter(locale=locale).values_list("slug", "name"))

    def vocabularies():
        return {
            "level": terms(SchoolLevel),
            "subject": terms(Subject),
            "region": list(Province.objects.order_by("name").values_list("code", "name")),
        }

    found = chrome.remember(request, f"search-options:{locale.pk}", vocabularies)
    return {"kind": list(Kind.choices), "phase": list(Phase.choices), **found}


class _Counted:
    """A queryset whose count is already known (from the facet counts): no COUNT query."""

    def __init__(self, queryset, count):
        self.queryset, self._count = queryset, count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        return self.queryset[key]


def _apply_facet(documents, name, value):
    if name == "kind":
        return documents.filter(kind=value)
    if name == "region":
        return documents.filter(province=value)
    return search_query.has_facet(documents, name, value)


def _locales(params, current):
    """The languages searched: the current one, or all with ?lang=all."""
    if params.get("lang") == "all":
        languages = dict(settings.LANGUAGES)
        return [
            locale for locale in home_locales.all_locales() if locale.language_code in languages
        ]
    return [current]


@dataclass
class _Search:
    """One search: its words, languages and chosen facets, and the queries it needs."""

    q: str
    locales: list
    selected: dict
    prepared: dict = field(default_factory=dict)  # any_word -> fast.BitmapSearch or None
    loosened: bool = False  # a phrase searched as its words (fast.prepare_bounded)

    def matched(self, locales=None, any_word=False):
        locales = locales or self.locales
        base = SearchDocument.objects.all()
        if not self.q:
            return base.filter(locale__in=locales)
        return search_query.match(base, self.q, locales, any_word=any_word)

    def filtered(self, documents, except_facet=None):
        for name, value in self.selected.items():
            if name != except_facet:
                documents = _apply_facet(documents, name, value)
        return documents

    def count(self, documents):
        """Facet counts (one query for the facets nobody chose, one per chosen facet)
        and the result count, which the kind counts add up to (a page has one kind)."""
        unchosen = [facet.name for facet in FACETS if facet.name not in self.selected]
        counts = search_query.facet_counts(self.filtered(documents), unchosen)
        for name in self.selected:
            chosen = self.filtered(documents, except_facet=name)
            counts.update(search_query.facet_counts(chosen, [name]))
        kinds = counts["kind"]
        if "kind" in self.selected:
            return counts, kinds.get(self.selected["kind"], 0)
        return counts, sum(kinds.values())

    def bitmaps(self, other_locales=(), any_word=False):
        """This search over the bitmaps (search/fast.py), or None: then SQL answers it.
        Prepared once per request (the answer and the page of results share it)."""
        if any_word not in self.prepared:
            earlier = self.prepared.get(not any_word)
            self.prepared[any_word], loosened = fast.prepare_bounded(
                self.q,
                self.locales,
                list(other_locales),
                self.selected,
                any_word=any_word,
                loaded=earlier.bitmaps if earlier else None,
            )
            self.loosened |= loosened
        return self.prepared[any_word]

    def answer(self, other_locales):
        """Counts, whether the any-word fallback was needed, and how many results the
        other languages would add (None when they are already included)."""
        names = [facet.name for facet in FACETS]
        any_word = False
        quick = self.bitmaps(other_locales)
        if quick:
            counts, total = quick.counts(names)
        else:
            counts, total = self.count(self.matched())
        if self.q and not total and len(search_query.query_words(self.q)) > 1:
            # Nothing has every word: show what has any of them, and say so.
            any_word = True
            quick = self.bitmaps(other_locales, any_word=True)
            if quick:
                counts, total = quick.counts(names)
            else:
                counts, total = self.count(self.matched(any_word=True))
        other = quick.other_count() if quick and self.q else None
        if self.q and other_locales and other is None:
            elsewhere = self.filtered(self.matched(other_locales, any_word=any_word))
            other = elsewhere.order_by().aggregate(n=Count("pk"))["n"]
        return {
            "counts": counts,
            "total": total,
            "any_word": any_word,
            "other": other,
            "loosened": self.loosened,
        }

    def page_ids(self, sort, any_word, start, size):
        """The ids of one page of results, best first."""
        quick = self.bitmaps(any_word=any_word)
        if quick:
            locale_ids = [locale.pk for locale in self.locales]
            return quick.page_ids(sort, start, size, locale_ids)
        ranked = self.ranked(sort, any_word)
        return list(ranked[start : start + size].values_list("pk", flat=True))

    def ranked(self, sort, any_word):
        documents = self.filtered(self.matched(any_word=any_word))
        if sort == "relevance":
            return documents.order_by("-rank", "-date", "-pk")
        return documents.order_by("-date", "-pk")  # the (locale, date, page) index, backwards

    def cache_key(self):
        return [self.q, sorted(locale.pk for locale in self.locales), sorted(self.selected.items())]


def _shown_documents(ids):
    """The documents of one page of results, in rank order, without their long text
    and vectors (snippets are made in the database)."""
    shown = SearchDocument.objects.filter(pk__in=ids).defer("vector", "rank_vector", "keywords")
    if search_query.uses_postgres():
        shown = shown.defer("body")
    by_pk = {doc.pk: doc for doc in shown}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def search(request, locale):
    """The search page's context for `request` in `locale`."""
    params = request.GET
    messages = []
    raw = params.get("q", "")
    q = search_query.clean_query(raw)
    if len(raw) > search_query.MAX_QUERY_LENGTH:
        messages.append(
            gettext("Your search was long; we used its first %(n)s characters.")
            % {"n": search_query.MAX_QUERY_LENGTH}
        )
    options = _options(request, locale)
    selected = chosen_values(params, FACETS, options, messages)
    all_languages = params.get("lang") == "all"
    sort = params.get("sort", "")
    if sort not in SORTS or (sort == "relevance" and not q):
        if sort:
            messages.append(gettext("We can't sort that way; showing the best matches first."))
        sort = "relevance" if q else "newest"

    current = _Search(q, _locales(params, locale), selected)
    others = [] if all_languages else [o for o in _locales({"lang": "all"}, locale) if o != locale]
    found = search_cache.remember(["answer", *current.cache_key()], lambda: current.answer(others))
    total, any_word = found["total"], found["any_word"]
    if found.get("loosened"):
        messages.append(str(fast.LOOSENED_MESSAGE))

    ranked = current.ranked(sort, any_word)
    page_obj = paginate(_Counted(ranked, total), params.get("page"), PER_PAGE, messages)
    start = page_obj.start_index() - 1 if total else 0
    ids = search_cache.remember(
        ["page", *current.cache_key(), sort, page_obj.number],
        lambda: current.page_ids(sort, any_word, start, PER_PAGE),
    )
    page_obj.object_list = _shown_documents(ids)
    if q and page_obj.number == 1 and "page" not in params:
        stats.record(q, locale, found=total > 0)

    query = params.copy()
    query.pop("page", None)
    return {
        "search_query": q,
        "results": _hits(request, page_obj.object_list, q, options, current.locales),
        "page_obj": page_obj,
        "result_count": total,
        "any_word": any_word,
        "facets": _facet_links(query, selected, options, found["counts"]),
        "filters_active": bool(selected),
        "filter_messages": messages,
        "sort": sort,
        "sort_links": sort_links(query, SORTS, sort, bool(q)),
        "language_switch": _language_switch(query, all_languages, locale, found["other"]),
        "all_languages": all_languages,
        "promotions": (
            _promotions(request, q, current.locales) if q and page_obj.number == 1 else []
        ),
        "query_string": query.urlencode(),
    }


def _facet_links(query, selected, options, counts):
    return [
        {
            "name": facet.name,
            "label": facet.label,
            "values": facet_values(
                query,
                facet.name,
                options[facet.name],
                counts.get(facet.name, {}),
                selected.get(facet.name),
            ),
        }
        for facet in FACETS
    ]


def _language_switch(query, all_languages, locale, other_count):
    """The link that adds the other language to the results (or takes it away)."""
    link = query.copy()
    if all_languages:
        link.pop("lang", None)
    else:
        link["lang"] = "all"
    return {
        "query": link.urlencode(),
        "language": locale.get_display_name(),
        "other_count": other_count,
    }


def _hits(request, documents, q, options, locales):
    """The shown results with URL, highlighted title and snippet, and key facts."""
    if not documents:
        return []
    locales_by_id = {locale.pk: locale for locale in home_locales.all_locales()}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=[d.pk for d in documents])}
    marked = search_query.snippets(documents, q, locales_by_id)
    labels = {name: dict(options[name]) for name in ("level", "subject", "region")}
    kinds = dict(Kind.choices)
    hits = []
    for doc in documents:
        page = pages.get(doc.pk)
        url = page.get_url(request) if page else None
        if url is None:
            continue
        title, snippet = marked.get(doc.pk, (doc.title, doc.summary))
        values = parse_facet_keys(doc.facet_keys)
        hits.append(
            {
                "url": url,
                "kind": doc.kind,
                "kind_label": kinds.get(doc.kind, ""),
                "title": title,
                "snippet": snippet,
                "date": doc.date,
                "levels": [labels["level"].get(v, v) for v in values.get("level", [])],
                "subjects": [labels["subject"].get(v, v) for v in values.get("subject", [])],
                "region": labels["region"].get(doc.province, ""),
                "language": locales_by_id[doc.locale_id],
                "other_language": doc.locale_id != locales[0].pk,
            }
        )
    return hits


def _promotions(request, q, locales):
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    picks = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(q)
    ).select_related("page")
    locale_ids = {locale.pk for locale in locales}
    promoted = []
    for pick in picks:
        if pick.page_id is None:
            title = pick.external_link_text or pick.external_link_url
            promoted.append(
                {"url": pick.external_link_url, "title": title, "text": pick.description}
            )
            continue
        # An editor may pick the Indonesian page; an English reader gets its translation.
        page = pick.page if pick.page.locale_id in locale_ids else pick.page.localized
        if not page.live or page.get_view_restrictions().exists():
            continue
        url = page.get_url(request)
        if url:
            # With no translation, .localized is the original: mark its language.
            lang = page.locale.language_code if page.locale_id != locales[0].pk else ""
            promoted.append(
                {"url": url, "title": page.title, "text": pick.description, "lang": lang}
            )
    return promoted
