"""Image renditions are made when a page is published, after the commit, not by its first
visitor: the page and the listings that show it then make no image work (home/renditions.py).
"""

import io
import logging
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import engines
from django.utils import timezone
from wagtail.images.models import Filter, Image, Rendition
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text, streamfield

from communities.models import PracticeArticleIndexPage, PracticeArticlePage
from home import renditions
from home.models import StandardPage
from home.sharing import SHARE_IMAGE_SPEC
from home.tasks import generate_renditions_task
from tests.communities.conftest import make_user
from tests.communities.test_articles import add_article, make_article
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

VIDEO = {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Refleksi", "transcript": ""}


def make_image(title, size=(1300, 800)):
    return Image.objects.create(title=title, file=get_test_image_file(f"{title}.png", size=size))


def expanded(*specs):
    return {spec for pattern in specs for spec in Filter.expand_spec(pattern)}


def specs_of(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def assert_no_image_work(client, *urls):
    """Each page renders with the renditions that exist: no new row, no image decoded."""
    count = Rendition.objects.count()
    with mock.patch.object(Filter, "run", side_effect=AssertionError("image work")) as run:
        for url in urls:
            assert client.get(url).status_code == 200
    run.assert_not_called()
    assert Rendition.objects.count() == count


def test_publishing_an_article_in_the_admin_makes_the_renditions_its_pages_show(
    client, home_id, community_b, django_capture_on_commit_callbacks
):
    index = add_page(home_id, PracticeArticleIndexPage, title="Praktik Baik", slug="praktik-baik")
    cover, photo = make_image("sampul"), make_image("kelas")
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    body = [
        ("paragraph", rich_text("<p>Isi</p>")),
        ("image", {"image": str(photo.pk), "alt_text": "Murid menghitung", "caption": ""}),
    ]

    with django_capture_on_commit_callbacks() as callbacks:
        response = add_article(
            client,
            community_b,
            cover_image=str(cover.pk),
            cover_image_alt="Murid membaca",
            photo_consent="on",
            body=streamfield(body),
            **{"action-publish": "1"},
        )
        assert response.status_code == 302, response.context["form"].errors
    # Nothing before the commit: a worker must find the published content.
    assert not Rendition.objects.exists()
    for callback in callbacks:
        callback()

    article = PracticeArticlePage.objects.get(slug="belajar-pecahan")
    assert article.live
    # The cover: on the page, in listing cards, in the JSON-LD and as the share image.
    assert specs_of(cover) == expanded(
        renditions.ARTICLE_COVER, renditions.ARTICLE_CARD, "fill-1200x675", SHARE_IMAGE_SPEC
    )
    assert len(specs_of(cover)) == 17  # 640x360 is both a cover and a card width
    assert specs_of(photo) == expanded(renditions.IMAGE_BLOCK)
    # The article, and the listings that show its card.
    assert_no_image_work(client, article.url, index.url, community_b.url, home_id.url)


def test_a_page_without_cover_makes_its_block_and_share_renditions(
    client, home_id, django_capture_on_commit_callbacks
):
    photo, poster = make_image("galeri"), make_image("poster")
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(
            home_id,
            StandardPage,
            title="Galeri",
            body=[
                ("image", {"image": photo, "alt_text": "", "decorative": True, "caption": ""}),
                ("video", {**VIDEO, "poster": poster}),
            ],
        )

    # The first image block stands for the page when it is shared.
    assert specs_of(photo) == expanded(renditions.IMAGE_BLOCK, SHARE_IMAGE_SPEC)
    assert specs_of(poster) == expanded(renditions.VIDEO_POSTER)
    assert_no_image_work(client, page.url)


def test_a_broken_image_does_not_break_publishing(
    client, community_b, django_capture_on_commit_callbacks, caplog
):
    broken, photo = make_image("rusak"), make_image("kelas")
    Path(broken.file.path).write_bytes(b"not an image")

    with django_capture_on_commit_callbacks(execute=True), caplog.at_level(logging.ERROR):
        article = make_article(
            community_b,
            "Literasi pagi",
            cover_image=broken,
            cover_image_alt="Murid membaca",
            photo_consent=True,
            body=[("image", {"image": photo, "alt_text": "Murid", "caption": ""})],
        )

    assert Page.objects.get(pk=article.pk).live
    assert not broken.renditions.exists()
    assert f"renditions of image {broken.pk}" in caplog.text
    # The other image of the page is done all the same.
    assert specs_of(photo) == expanded(renditions.IMAGE_BLOCK)


def test_the_task_skips_a_page_deleted_before_it_ran(home_id):
    page = add_page(home_id, StandardPage, title="Sementara")
    page_id = page.pk
    page.delete()

    assert generate_renditions_task.call(page_id) == 0


def test_images_of_inline_panel_items_are_collected(monkeypatch):
    # No inline panel holds an image today; "relation.field" is how one would be declared.
    image = make_image("anggota")
    items = SimpleNamespace(all=lambda: [SimpleNamespace(photo=image), SimpleNamespace(photo=None)])
    page = SimpleNamespace(_meta=SimpleNamespace(label_lower="x.page"), members=items)
    monkeypatch.setitem(renditions.IMAGE_FIELDS, "x.page", {"members.photo": ("width-80",)})

    assert list(renditions._field_images(page)) == [(image, "width-80"), (None, "width-80")]


def template_pictures():
    """{template name: {filter specs}} of every {% picture %} tag under templates/."""
    engine = engines["django"].engine
    found = {}
    root = Path(settings.BASE_DIR) / "templates"
    for path in sorted(root.rglob("*.html")):
        name = path.relative_to(root).as_posix()
        for node in engine.get_template(name).nodelist.get_nodes_by_type(PictureNode):
            found.setdefault(name, set()).add(" ".join(node.filter_specs))
    return found


def test_the_spec_registry_matches_the_templates():
    # A {% picture %} whose spec is not in home/renditions.py would be made by a visitor.
    assert template_pictures() == renditions.PICTURES


def test_generate_renditions_command_warms_existing_pages(client, community_b):
    photos = {"cover_image_alt": "Murid membaca", "photo_consent": True}
    old = make_article(community_b, "Literasi pagi", cover_image=make_image("lama"), **photos)
    new = make_article(community_b, "Numerasi", cover_image=make_image("baru"), **photos)
    PracticeArticlePage.objects.filter(pk=old.pk).update(
        last_published_at=timezone.now() - timezone.timedelta(days=30)
    )
    assert not Rendition.objects.exists()  # no commit in a test: nothing made on publish

    out = io.StringIO()
    call_command("generate_renditions", "--since", "7", stdout=out)
    assert out.getvalue().startswith("17 new renditions")
    assert specs_of(new.cover_image) and not old.cover_image.renditions.exists()

    call_command("generate_renditions", stdout=out)
    assert len(specs_of(old.cover_image)) == 17
    assert_no_image_work(client, old.url, new.url, community_b.url)

    out = io.StringIO()
    call_command("generate_renditions", stdout=out)
    assert out.getvalue().startswith("0 new renditions")
