"""What goes into a page's search document: its kind, text by weight, date and facets.

The text comes from each model's own Wagtail `search_fields`, so a field added
there is searched here too. The facets and key facts come from the domain:
levels and subjects, a resource's phases, the community's region.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone, translation
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from communities.models import CommunityPage, MeetingPage, PracticeArticlePage
from home.models import StandardPage
from resources.models import LearningResourcePage

from .models import Kind

KINDS = {
    LearningResourcePage: Kind.RESOURCE,
    PracticeArticlePage: Kind.ARTICLE,
    CommunityPage: Kind.COMMUNITY,
    MeetingPage: Kind.MEETING,
    StandardPage: Kind.PAGE,
}
# Text that describes a page rather than being its body weighs more.
SUMMARY_FIELDS = {"summary", "goal", "introduction", "learning_objectives", "author"}
MAX_BODY_CHARS = 100_000  # a tsvector is limited to 1 MB; no teacher writes more than this


@dataclass
class DocumentData:
    kind: str
    title: str
    summary: str = ""
    keywords: str = ""
    body: str = ""
    date: datetime.datetime | None = None
    regency: str = ""
    province: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)


def facet_keys(facets):
    """ " kind:resource level:sd " from {"kind": ["resource"], "level": ["sd"]}."""
    keys = dict.fromkeys(f"{name}:{value}" for name, values in facets.items() for value in values)
    return f" {' '.join(keys)} " if keys else ""


def parse_facet_keys(text):
    """{name: [values]} back from facet_keys()."""
    result = {}
    for key in text.split():
        name, _sep, value = key.partition(":")
        result.setdefault(name, []).append(value)
    return result


def kind_of(page):
    return KINDS.get(type(page))


def _field_text(page, name):
    value = getattr(page, name, None)
    if value is None or value == "":
        return ""
    model_field = next((f for f in page._meta.get_fields() if f.name == name), None)
    if isinstance(model_field, StreamField):
        return " ".join(_stream_text(model_field.stream_block, list(value.raw_data)))
    if isinstance(model_field, RichTextField):
        return get_text_for_indexing(value)
    return str(value)


def _stream_text(block, raw):
    """The words of a StreamField value, read from its stored JSON.

    Unlike StreamField.get_searchable_content() this never turns chooser blocks into
    objects (a query per block), so bulk indexing stays fast. Blocks with
    search_index=False are skipped, as Wagtail does."""
    if raw in (None, "") or not getattr(block, "search_index", True):
        return []
    if isinstance(block, blocks.StreamBlock):
        words = []
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                words.extend(_stream_text(child_block, child.get("value")))
        return words
    if isinstance(block, blocks.StructBlock):
        if not isinstance(raw, dict):
            return []
        return [
            word
            for name, child_block in block.child_blocks.items()
            for word in _stream_text(child_block, raw.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        items = [item.get("value") if isinstance(item, dict) else item for item in raw]
        return [word for item in items for word in _stream_text(block.child_block, item)]
    if isinstance(block, blocks.RichTextBlock):
        return [get_text_for_indexing(raw)]
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return [str(raw)]
    return []  # choosers, URLs, choices, dates: no words a teacher searches for


def _texts(page):
    """(summary, body) from the page model's searchable fields, title excluded."""
    summary, body = [], []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        text = _field_text(page, search_field.field_name).strip()
        if text:
            (summary if search_field.field_name in SUMMARY_FIELDS else body).append(text)
    return " ".join(summary), " ".join(body)


def _as_datetime(value):
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12)))
    return None


def _terms(page, name, terms):
    """Slugs and names of a page's levels/subjects/topics, from `terms` when the indexer
    read them in bulk, else from the page."""
    if terms is not None:
        pairs = terms.get(name, [])
    else:
        manager = getattr(page, name, None)
        pairs = [(term.slug, term.name) for term in manager.all()] if manager is not None else []
    return [slug for slug, _name in pairs], [term_name for _slug, term_name in pairs]


def build(page, community=None, terms=None, parent_id=None):
    """The DocumentData for a specific page, or None if the page is not searchable.

    `community` (of meetings and articles) and `parent_id` (of resources: their library)
    may be passed when bulk indexing, to avoid a query per page. Labels (type, activity)
    are written in the page's language."""
    with translation.override(page.locale.language_code):
        return _build(page, community, terms, parent_id)


def _build(page, community, terms, parent_id):
    kind = kind_of(page)
    if kind is None:
        return None
    summary, body = _texts(page)
    extra = []  # words that describe the page: its community, region, levels, subjects
    facets = {"kind": [kind]}  # the language is the row's locale, not a facet key
    for name, facet in (("levels", "level"), ("subjects", "subject"), ("topics", "topic")):
        slugs, names = _terms(page, name, terms)
        if slugs and (facet != "topic" or kind == Kind.RESOURCE):
            facets[facet] = slugs
        extra.extend(names)

    regency = None
    if kind in (Kind.MEETING, Kind.ARTICLE):
        community = community or page.get_parent().specific
        if isinstance(community, CommunityPage):
            extra.append(community.title)
            regency = community.regency
    elif kind == Kind.COMMUNITY:
        regency = page.regency
    if regency is not None:
        extra.extend([regency.name, regency.province.name])
        facets["region"] = [regency.province.code]

    if kind == Kind.RESOURCE:
        facets["phase"] = list(page.phases or [])
        # The library counts and filters by these from the bitmaps (resources/fast.py).
        for name in ("resource_type", "language", "licence"):
            if value := getattr(page, name):
                facets["type" if name == "resource_type" else name] = [value]
        if parent_id is None:
            parent_id = page.get_parent().pk
        facets["library"] = [str(parent_id)]
        extra.append(page.get_resource_type_display())
        date = page.first_published_at
    elif kind == Kind.MEETING:
        extra.append(page.get_activity_display())
        date = page.start
    elif kind == Kind.ARTICLE:
        date = _as_datetime(page.date)
    else:
        date = page.first_published_at
    if kind == Kind.ARTICLE:
        extra.extend(author.name for author in page.authors.all())

    return DocumentData(
        kind=kind,
        title=page.title,
        summary=summary,
        keywords=" ".join(filter(None, extra)),
        body=body[:MAX_BODY_CHARS],
        date=date,
        regency=regency.code if regency else "",
        province=regency.province.code if regency else "",
        facets=facets,
    )
