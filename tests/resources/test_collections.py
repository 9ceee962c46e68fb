"""Curated collections on the library page and the featured include for the home page."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale

from resources.models import ResourceCollection, ResourceCollectionItem
from tests.resources.conftest import make_resource, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def collection(library):
    first = make_resource(
        library, "Asesmen Diagnostik Literasi Kelas 1", resource_type="assessment"
    )
    second = make_resource(
        library, "Asesmen Diagnostik Numerasi Kelas 2", resource_type="assessment"
    )
    draft = make_resource(library, "Draf Asesmen")
    draft.unpublish()
    collection = ResourceCollection.objects.create(
        title="Paket asesmen diagnostik SD",
        introduction="Asesmen awal tahun untuk SD.",
        featured=True,
        locale=Locale.objects.get(language_code="id"),
    )
    for order, page in enumerate([second, first, draft]):
        ResourceCollectionItem.objects.create(
            collection=collection, resource=page, sort_order=order
        )
    return collection


def render_featured(language):
    with translation.override(language):
        request = RequestFactory().get("/")
        return Template('{% include "resources/includes/featured_collections.html" %}').render(
            Context({"request": request})
        )


def test_library_shows_collections_in_editor_order(client, collection):
    response = client.get("/id/sumber-belajar/")
    entries = response.context["resource_collections"]
    assert [e["collection"].title for e in entries] == ["Paket asesmen diagnostik SD"]
    assert [p.title for p in entries[0]["resources"]] == [
        "Asesmen Diagnostik Numerasi Kelas 2",
        "Asesmen Diagnostik Literasi Kelas 1",
    ]  # the unpublished one is left out
    assert "Asesmen awal tahun untuk SD." in response.content.decode()


def test_featured_include_for_the_home_page(collection):
    html = render_featured("id")
    assert "Paket asesmen diagnostik SD" in html
    assert "Asesmen Diagnostik Literasi Kelas 1" in html
    collection.featured = False
    collection.save()
    assert "Paket asesmen" not in render_featured("id")


def test_english_collection_shows_english_resources(collection, library_en, locale_en):
    from home.demo import translate

    first = collection.items.get(sort_order=1).resource
    translate_page(first, locale_en, title="Literacy diagnostic assessment, grade 1")
    translate(
        collection,
        {
            "Paket asesmen diagnostik SD": "Primary diagnostic assessment pack",
            "Asesmen awal tahun untuk SD.": "Start-of-year assessments for primary schools.",
        },
    )
    html = render_featured("en")
    assert "Primary diagnostic assessment pack" in html
    assert "Literacy diagnostic assessment, grade 1" in html
    assert "Numerasi" not in html  # not translated: not shown in English
