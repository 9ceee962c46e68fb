"""The resources demo module: 40+ resources, real files, videos, translations, collections;
safe to run twice."""

import io

import pytest
from wagtail.documents import get_document_model

from resources import demo_content
from resources.models import LearningResourcePage, ResourceCollection

pytestmark = pytest.mark.django_db


def test_demo_resources_load_twice_without_duplicates(settings, tmp_path, home_en, client):
    settings.MEDIA_ROOT = tmp_path
    demo_content.load(io.StringIO())
    demo_content.load(io.StringIO())
    indonesian = LearningResourcePage.objects.filter(locale__language_code="id")
    assert indonesian.count() >= 40
    assert LearningResourcePage.objects.filter(locale__language_code="en").count() == len(
        demo_content.ENGLISH
    )
    assert len({p.phases for p in indonesian}) >= 6
    assert indonesian.exclude(video_url="").count() >= 3
    documents = get_document_model().objects.filter(collection__name="Sumber Belajar")
    assert documents.count() >= 20
    pdf = documents.filter(file__endswith=".pdf").first()
    assert pdf.file.read().startswith(b"%PDF-1.4")
    assert ResourceCollection.objects.count() == 4  # two, in two languages
    assert client.get("/id/sumber-belajar/").status_code == 200
    response = client.get("/en/learning-resources/")
    assert response.status_code == 200
    assert "Primary diagnostic assessment pack" in response.content.decode()
