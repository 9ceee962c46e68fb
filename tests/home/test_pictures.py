"""Images go out as <picture> with AVIF and WebP sources and a JPEG fallback, sized
srcsets, width and height (no layout shift), lazy loading below the page header, and
alt text from the editor (empty for decorative images)."""

import pytest
from PIL import Image as PILImage
from PIL import features
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from communities.models import PracticeArticleIndexPage
from home.models import StandardPage
from tests.communities.test_articles import make_article
from tests.conftest import add_page
from tests.home.markup import pictures

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(db):
    return Image.objects.create(
        title="Foto kelas", file=get_test_image_file("kelas.png", size=(1300, 800))
    )


def srcset_widths(srcset):
    return sorted(int(candidate.split()[1].rstrip("w")) for candidate in srcset.split(", "))


def assert_modern_formats(picture):
    types = [source["type"] for source in picture["sources"]]
    assert types == ["image/avif", "image/webp"]
    assert picture["img"]["src"].endswith(".jpg")
    for source in picture["sources"]:
        assert source["sizes"] == picture["img"]["sizes"]
        extension = source["type"].split("/")[1]
        assert all(url.split()[0].endswith(f".{extension}") for url in source["srcset"].split(", "))


def test_avif_is_available_to_pillow():
    # Without it Wagtail could not write the AVIF sources below.
    assert features.check("avif")


def test_image_block_is_a_lazy_picture_with_alt_text_and_dimensions(client, home_id, photo):
    page = add_page(
        home_id,
        StandardPage,
        title="Galeri",
        body=[
            ("image", {"image": photo, "alt_text": "Guru membaca bersama murid", "caption": ""}),
            ("image", {"image": photo, "alt_text": "", "decorative": True, "caption": ""}),
        ],
    )

    described, decorative = pictures(client.get(page.url).content.decode())

    assert_modern_formats(described)
    img = described["img"]
    assert img["alt"] == "Guru membaca bersama murid"
    assert img["loading"] == "lazy"
    # The widest rendition is the fallback: its size is what the browser reserves.
    assert (img["width"], img["height"]) == ("1200", "738")
    assert srcset_widths(img["srcset"]) == [480, 800, 1200]
    assert srcset_widths(described["sources"][0]["srcset"]) == [480, 800, 1200]
    assert decorative["img"]["alt"] == ""


def test_avif_renditions_are_real_avif_files(client, home_id, photo):
    page = add_page(
        home_id,
        StandardPage,
        title="Galeri",
        body=[("image", {"image": photo, "alt_text": "Guru", "caption": ""})],
    )
    client.get(page.url)

    avif = photo.renditions.get(filter_spec="format-avif|width-480")
    with avif.file.open("rb") as handle, PILImage.open(handle) as opened:
        assert opened.format == "AVIF"
        assert opened.size == (480, 295)


def test_article_cover_loads_at_once_and_cards_load_lazily(client, home_id, community_b, photo):
    index = add_page(home_id, PracticeArticleIndexPage, title="Praktik Baik", slug="praktik-baik")
    article = make_article(
        community_b,
        "Literasi pagi",
        cover_image=photo,
        cover_image_alt="Murid membaca di halaman sekolah",
        photo_consent=True,
    )

    (cover,) = pictures(client.get(article.url).content.decode())
    (card,) = pictures(client.get(index.url).content.decode())

    assert_modern_formats(cover)
    assert cover["img"]["alt"] == "Murid membaca di halaman sekolah"
    assert "loading" not in cover["img"]  # the header image is the largest paint: no delay
    assert cover["img"]["fetchpriority"] == "high"
    assert (cover["img"]["width"], cover["img"]["height"]) == ("1280", "720")

    assert_modern_formats(card)
    assert card["img"]["loading"] == "lazy"
    assert card["img"]["alt"] == ""  # the card's title says what the link is
    assert (card["img"]["width"], card["img"]["height"]) == ("800", "450")
    assert srcset_widths(card["img"]["srcset"]) == [400, 640, 800]


def test_video_poster_is_a_lazy_decorative_picture(client, home_id, photo):
    page = add_page(
        home_id,
        StandardPage,
        title="Video",
        body=[
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "title": "Diskusi kelompok",
                    "poster": photo,
                    "transcript": "",
                },
            )
        ],
    )

    (poster,) = pictures(client.get(page.url).content.decode())

    assert_modern_formats(poster)
    assert poster["img"]["alt"] == "" and poster["img"]["loading"] == "lazy"
    assert poster["img"]["class"] == "blk-video__poster"
    assert (poster["img"]["width"], poster["img"]["height"]) == ("1200", "675")
