"""A library (Sumber Belajar) under the Indonesian home page, and a helper to add resources."""

import pytest

from communities.models import SchoolLevel, Subject, Topic
from resources.models import LearningResourceIndexPage, LearningResourcePage
from tests.communities.conftest import (  # noqa: F401 - fixtures reused here
    community_a,
    community_index,
    editor_x,
    maintainer_a,
    region_x,
)
from tests.conftest import add_page, translate_page


def terms(model, *slugs):
    return list(model.objects.filter(slug__in=slugs, locale__language_code="id"))


def make_resource(library, title, levels=(), subjects=(), topics=(), **fields):
    defaults = {
        "summary": f"Ringkasan {title}",
        "resource_type": "teaching_module",
        "licence": "cc-by",
        "author": "Tim Guru",
        "external_url": "https://example.org/sumber",
    }
    page = LearningResourcePage(
        title=title,
        slug=fields.pop("slug", None) or title.lower().replace(" ", "-"),
        **{**defaults, **fields},
    )
    page.levels = terms(SchoolLevel, *levels)
    page.subjects = terms(Subject, *subjects)
    page.topics = terms(Topic, *topics)
    library.add_child(instance=page)
    page.save_revision().publish()
    return LearningResourcePage.objects.get(pk=page.pk)


@pytest.fixture
def library(home_id):
    return add_page(
        home_id, LearningResourceIndexPage, title="Sumber Belajar", slug="sumber-belajar"
    )


@pytest.fixture
def library_en(library, home_en, locale_en):
    return translate_page(library, locale_en, title="Learning resources", slug="resources")


__all__ = ["make_resource", "terms", "translate_page"]
