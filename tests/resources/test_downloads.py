"""Downloads through Wagtail's serve view are counted per resource."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from resources.models import DownloadCount, ResourceDocument
from tests.resources.conftest import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(title="Modul pecahan")
    document.file.save("modul.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return document


def test_serving_a_document_counts_a_download(client, admin_client, library, document):
    resource = make_resource(library, "Modul Pecahan")
    ResourceDocument.objects.create(page=resource, document=document)
    other = make_resource(library, "Tanpa Dokumen")

    for _ in range(3):
        response = client.get(document.url)
        assert response.status_code == 200
        b"".join(response.streaming_content) if response.streaming else response.content

    counter = DownloadCount.objects.get(resource=resource, document=document)
    assert counter.count == 3
    assert not DownloadCount.objects.filter(resource=other).exists()

    report = admin_client.get("/admin/resources/downloads/")
    assert report.status_code == 200
    assert [r.title for r in report.context["resources"]] == ["Modul Pecahan"]
    assert report.context["resources"][0].downloads == 3


def test_resource_page_links_documents_through_the_serve_view(client, library, document):
    resource = make_resource(library, "Modul Pecahan")
    ResourceDocument.objects.create(page=resource, document=document)
    html = client.get(resource.url).content.decode()
    assert f'href="/documents/{document.pk}/modul' in html
