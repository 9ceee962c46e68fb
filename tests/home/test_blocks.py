"""The shared block library: validation rules and what each block renders."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.blocks import DocumentBlock, ImageBlock, VideoBlock, parse_video_url


@pytest.fixture
def image(db):
    return Image.objects.create(title="Diskusi guru", file=get_test_image_file())


@pytest.fixture
def document(db):
    doc = Document(title="Modul ajar pecahan")
    doc.file.save("modul-ajar-pecahan.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 2048))
    doc.save()
    return doc


def test_image_without_alt_text_is_refused_unless_decorative(image):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": " ", "decorative": False}))
    assert "alt_text" in error.value.block_errors

    value = block.clean(block.to_python({"image": image.pk, "decorative": True}))
    assert 'alt=""' in block.render(value)


def test_image_renders_responsive_picture_with_alt_text(image):
    block = ImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": "Guru berdiskusi", "caption": "Rapat"})

    html = block.render(value)

    assert "<picture>" in html and 'type="image/webp"' in html
    assert 'alt="Guru berdiskusi"' in html and 'loading="lazy"' in html
    assert "<figcaption>Rapat</figcaption>" in html


def test_document_block_shows_type_size_and_download_link(document):
    block = DocumentBlock()

    with translation.override("id"):
        html = block.render(block.to_python({"document": document.pk}))

    assert "Modul ajar pecahan" in html
    assert "PDF · 2,0\xa0KB" in html
    assert f'href="{document.url}"' in html


@pytest.mark.parametrize(
    ("url", "provider"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube"),
        ("https://youtu.be/dQw4w9WgXcQ?t=10", "youtube"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube"),
        ("https://vimeo.com/76979871", "vimeo"),
    ],
)
def test_video_urls_are_recognised(url, provider):
    assert parse_video_url(url)[0] == provider


@pytest.mark.parametrize(
    "url", ["https://example.org/video.mp4", "javascript:alert(1)", "https://youtube.com/", ""]
)
def test_video_block_refuses_other_addresses(db, url):
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": url, "title": "Video"}))
    assert "url" in error.value.block_errors


def test_video_block_renders_click_to_load_preview_without_iframe(db):
    block = VideoBlock()
    value = block.clean(
        block.to_python(
            {
                "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "title": "Refleksi pembelajaran",
                "transcript": "Kami mulai dari masalah di kelas.",
            }
        )
    )

    html = block.render(value)

    assert "<iframe" not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html  # works without JS
    assert "Kami mulai dari masalah di kelas." in html
