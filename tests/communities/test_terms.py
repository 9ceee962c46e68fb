"""prefetch_terms(): the levels, subjects and topics of pages of several types in one query,
the same lists and order as the relations read one by one; a preview keeps its own terms."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from communities.models import CommunityPage, PracticeArticlePage, SchoolLevel
from communities.terms import TERM_FIELDS, prefetch_terms
from tests.communities.conftest import term
from tests.communities.test_articles import make_article, set_terms

pytestmark = pytest.mark.django_db


def terms_of(page):
    return {
        name: [
            (t.pk, t.translation_key, t.locale_id, t.name, t.slug, t.sort_order)
            for t in getattr(page, name).all()
        ]
        for name in TERM_FIELDS
    }


def slugs(terms):
    return [values[4] for values in terms]


@pytest.fixture
def pages(community_a):
    community_a.levels.set([term(SchoolLevel, "smp"), term(SchoolLevel, "sd")])
    community_a.save_revision().publish()
    first = set_terms(
        make_article(community_a, "Pecahan"), ["sma", "sd"], ["matematika"], ["numerasi"]
    )
    second = set_terms(make_article(community_a, "Mangrove"), [], ["biologi", "ipas"], [])
    return [community_a, first, second]


def test_one_query_for_every_relation_of_every_page_type(pages):
    expected = [terms_of(page) for page in pages]  # read one relation at a time
    fresh = [
        CommunityPage.objects.get(pk=pages[0].pk),
        *PracticeArticlePage.objects.filter(pk__in=[p.pk for p in pages[1:]]).order_by("pk"),
    ]

    with CaptureQueriesContext(connection) as queries:
        prefetch_terms(fresh)
        found = [terms_of(page) for page in fresh]

    assert len(queries) == 1
    assert found == expected
    assert slugs(found[0]["levels"]) == ["sd", "smp"]  # by sort order, as the relation orders
    assert slugs(found[1]["levels"]) == ["sd", "sma"]
    assert found[2]["levels"] == []


def test_a_preview_keeps_its_unsaved_terms(pages):
    article = pages[1]
    revision = article.save_revision()
    preview = revision.as_object()
    preview.levels = [term(SchoolLevel, "paud")]

    prefetch_terms([preview])

    assert [t.slug for t in preview.levels.all()] == ["paud"]
