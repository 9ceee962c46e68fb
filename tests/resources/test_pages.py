"""A resource page: what it shows, its rules, JSON-LD, the API, related resources and
the practice articles that use it."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from resources.models import LearningResourcePage
from tests.conftest import add_page
from tests.resources.conftest import make_resource, translate_page

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture
def resource(library):
    curator = get_user_model().objects.create_user("editor.jembrana", first_name="Made")
    return make_resource(
        library,
        "LKPD Ekosistem Mangrove Fase E",
        resource_type="worksheet",
        levels=["sma"],
        subjects=["biologi"],
        topics=["literasi"],
        phases="EF",
        licence="cc-by-sa",
        author="Ni Luh Sari",
        source_url="https://example.org/mangrove",
        learning_objectives="Mengidentifikasi komponen ekosistem\nMenjelaskan rantai makanan",
        video_url=YOUTUBE,
        curator=curator,
        last_reviewed="2026-11-01",
    )


def json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def test_resource_page_shows_everything(client, resource):
    response = client.get(resource.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "LKPD Ekosistem Mangrove Fase E",
        "Lembar kerja peserta didik (LKPD)",
        "SMA",
        "Biologi",
        "Fase E (kelas 10)",
        "Mengidentifikasi komponen ekosistem",
        "Ni Luh Sari",
        "https://example.org/mangrove",
        "Made",  # the curating editor
        'href="https://creativecommons.org/licenses/by-sa/4.0/"',
        "Creative Commons Atribusi-BerbagiSerupa 4.0 (CC BY-SA 4.0)",
        # click-to-load video: a link to YouTube, no iframe
        'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ]:
        assert text in html, text
    assert "<iframe" not in html
    citation = response.context["citation"]
    assert citation["author"] == "Ni Luh Sari"
    assert citation["year"] == resource.first_published_at.year
    assert citation["url"].endswith("/id/sumber-belajar/lkpd-ekosistem-mangrove-fase-e/")


def test_json_ld_learning_resource(client, resource):
    data = json_ld(client.get(resource.url))
    assert data["@type"] == "LearningResource"
    assert data["name"] == resource.title
    assert data["description"] == resource.summary
    assert data["learningResourceType"] == "Lembar kerja peserta didik (LKPD)"
    assert data["educationalLevel"] == ["SMA", "Fase E", "Fase F"]
    assert data["teaches"] == ["Mengidentifikasi komponen ekosistem", "Menjelaskan rantai makanan"]
    assert data["inLanguage"] == "id"
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert data["author"] == {"@type": "Person", "name": "Ni Luh Sari"}
    assert data["isAccessibleForFree"] is True
    assert data["url"].startswith("http") and data["url"].endswith("fase-e/")


def test_json_ld_cannot_break_out_of_the_script(client, library):
    page = make_resource(library, "Judul </script><script>alert(1)</script>", slug="xss")
    response = client.get(page.url)
    assert "<script>alert(1)" not in response.content.decode()
    assert json_ld(response)["name"] == page.title


def test_api_exposes_resource_fields(client, resource):
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "resources.LearningResourcePage",
            "fields": "summary,resource_type,licence,licence_url,language,author,schema_org",
        },
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 1
    item = items[0]
    assert item["resource_type"] == "worksheet"
    assert item["licence_url"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert item["author"] == "Ni Luh Sari"
    schema = item["schema_org"]
    for key in ["educationalLevel", "learningResourceType", "teaches", "inLanguage", "license"]:
        assert schema[key]
    assert schema["isAccessibleForFree"] is True


def test_english_translation(client, resource, library_en, locale_en):
    english = translate_page(resource, locale_en, title="Mangrove ecosystem worksheet")
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Biology" in html  # subject in the reader's language
    assert json_ld(response)["name"] == "Mangrove ecosystem worksheet"


def test_related_resources_same_subject_or_level_with_constant_queries(client, library, resource):
    make_resource(library, "Modul Sel Hewan", subjects=["biologi"])
    make_resource(library, "Tak Terkait", levels=["paud"], subjects=["matematika"])
    response = client.get(resource.url)
    related = [page.title for page in response.context["related_resources"]]
    assert related == ["Modul Sel Hewan"]

    def count():
        client.get(resource.url)  # after a publish, the first visitor refills the chrome cache
        with CaptureQueriesContext(connection) as context:
            client.get(resource.url)
        return len(context)

    before = count()
    for number in range(3):
        make_resource(library, f"Biologi {number}", levels=["sma"], subjects=["biologi"])
    assert count() == before


def test_practice_articles_that_link_to_the_resource(client, resource, community_a):
    from communities.models import PracticeArticlePage

    body = [
        (
            "paragraph",
            RichText(f'<p>Kami memakai <a linktype="page" id="{resource.pk}">LKPD</a>.</p>'),
        )
    ]
    article = add_page(
        community_a, PracticeArticlePage, title="Belajar di Mangrove", summary="Cerita", body=body
    )
    add_page(community_a, PracticeArticlePage, title="Artikel Lain", summary="Lain")
    response = client.get(resource.url)
    assert [a.title for a in response.context["practice_articles"]] == [article.title]
    assert "Belajar di Mangrove" in response.content.decode()


def test_admin_requires_a_document_video_or_link(admin_client, library):
    url = f"/admin/pages/add/resources/learningresourcepage/{library.pk}/"
    data = {
        "title": "Tanpa Isi",
        "slug": "tanpa-isi",
        "summary": "Ringkasan",
        "resource_type": "guide",
        "language": "id",
        "licence": "cc0",
        "author": "Tim",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
        "description": json.dumps({"blocks": [], "entityMap": {}}),
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"video_url", "external_url"} <= set(errors)  # the message sits on both fields
    assert not LearningResourcePage.objects.filter(slug="tanpa-isi").exists()

    response = admin_client.post(url, {**data, "video_url": "https://example.org/video"})
    assert "video_url" in response.context["form"].errors
    assert not LearningResourcePage.objects.filter(slug="tanpa-isi").exists()

    response = admin_client.post(url, {**data, "external_url": "https://example.org/panduan"})
    assert response.status_code == 302
    assert LearningResourcePage.objects.filter(slug="tanpa-isi").exists()
