"""What an English translation may change and what it must keep, through wagtail-localize's
real admin views: documents and videos in a body can be overridden per language (and the
override survives a sync), slugs are translated, and dates, regions and categories follow
the Indonesian page on every sync."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, Translation, TranslationSource

from communities.models import CommunityPage, SchoolLevel, Subject
from home.models import StandardPage
from tests.communities.conftest import term
from tests.communities.meeting_helpers import WITA, local, make_meeting
from tests.communities.test_articles import make_article
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

ID_VIDEO = "https://www.youtube.com/watch?v=indonesia01"
EN_VIDEO = "https://www.youtube.com/watch?v=english0001"


def document(title, name):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name=name)
    )


def submit(client, page, locale, capture):
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk]},
        )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def sync_and_publish(client, page, capture):
    """*Sync translated pages* with *Publish immediately*."""
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302


def english_of(page):
    return Page.objects.get(
        translation_key=page.translation_key, locale__language_code="en"
    ).specific


def override(client, translation, path_suffix, value):
    segment = OverridableSegment.objects.get(
        source=translation.source, context__path__endswith=path_suffix
    )
    response = client.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
        f"value={value}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content


def test_english_body_can_point_to_another_document_and_video(
    admin_client, home_id, home_en, locale_en, django_capture_on_commit_callbacks
):
    panduan = document("Panduan asesmen", "panduan.pdf")
    guide = document("Assessment guide", "guide.pdf")
    page = add_page(
        home_id,
        StandardPage,
        title="Panduan",
        slug="panduan",
        body=[
            ("document", {"document": panduan, "title": "", "description": "Unduh panduan"}),
            (
                "video",
                {"url": ID_VIDEO, "title": "Video praktik", "poster": None, "transcript": ""},
            ),
        ],
    )
    translation = submit(admin_client, page, locale_en, django_capture_on_commit_callbacks)

    override(admin_client, translation, ".document", guide.pk)
    override(admin_client, translation, ".url", EN_VIDEO)
    edit_url = reverse("wagtailadmin_pages:edit", args=[english_of(page).pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(edit_url, {"action": "publish"}).status_code == 302

    def blocks(p):
        return {block.block_type: block.value for block in p.body}

    english = english_of(page)
    assert blocks(english)["document"]["document"] == guide
    assert blocks(english)["video"]["url"] == EN_VIDEO
    indonesian = StandardPage.objects.get(pk=page.pk)
    assert blocks(indonesian)["document"]["document"] == panduan
    assert blocks(indonesian)["video"]["url"] == ID_VIDEO
    html = admin_client.get(english.url).content.decode()
    assert "Assessment guide" in html and "Panduan asesmen" not in html
    assert "english0001" in html and "indonesia01" not in html

    # A later change of the Indonesian page, synced, keeps the English choices.
    indonesian.title = "Panduan asesmen diagnostik"
    indonesian.save_revision().publish()
    sync_and_publish(admin_client, indonesian, django_capture_on_commit_callbacks)
    english = english_of(page)
    assert blocks(english)["document"]["document"] == guide
    assert blocks(english)["video"]["url"] == EN_VIDEO


def test_slugs_are_translated(english_tree, community_a, locale_en):
    _, _, community_en = english_tree
    translation = Translation.objects.get(
        source__object_id=community_a.translation_key, target_locale=locale_en
    )
    po = translation.export_po()
    slug_entries = [entry for entry in po if entry.msgctxt == "slug"]
    assert [entry.msgid for entry in slug_entries] == [community_a.slug]

    # Translated like any other string, and the English URL uses it.
    for entry in po:
        entry.msgstr = "negara-primary-teachers" if entry.msgctxt == "slug" else entry.msgid
    translation.import_po(po)
    translation.save_target(publish=False)
    english = CommunityPage.objects.get(pk=community_en.pk)
    english.get_latest_revision().publish()
    english.refresh_from_db()
    assert english.slug == "negara-primary-teachers"
    assert english.url.endswith("/negara-primary-teachers/")
    assert CommunityPage.objects.get(pk=community_a.pk).slug == community_a.slug


def test_dates_and_regions_follow_the_indonesian_page(
    admin_client, english_tree, community_a, locale_en, django_capture_on_commit_callbacks
):
    meeting = make_meeting(
        community_a,
        "Pertemuan Desember",
        local(WITA, 2026, 12, 10, 14),
        local(WITA, 2026, 12, 10, 16),
    )
    article = make_article(community_a, "Asesmen diagnostik")
    for page in (meeting, article):
        submit(admin_client, page, locale_en, django_capture_on_commit_callbacks)
    assert english_of(meeting).regency_id == meeting.regency_id == community_a.regency_id
    assert english_of(article).get_parent().specific.regency_id == community_a.regency_id

    meeting.start = local(WITA, 2026, 12, 17, 14)
    meeting.end = local(WITA, 2026, 12, 17, 16)
    meeting.save_revision().publish()
    article.date = datetime.date(2026, 1, 5)
    article.save_revision().publish()
    for page in (meeting, article):
        sync_and_publish(admin_client, page, django_capture_on_commit_callbacks)

    assert english_of(meeting).start == local(WITA, 2026, 12, 17, 14)
    assert english_of(meeting).end == local(WITA, 2026, 12, 17, 16)
    assert english_of(article).date == datetime.date(2026, 1, 5)


@pytest.mark.parametrize("kind", ["community", "article"])
def test_categories_follow_the_indonesian_page(
    admin_client, english_tree, community_a, locale_en, django_capture_on_commit_callbacks, kind
):
    if kind == "community":
        page = community_a
    else:
        page = make_article(community_a, "Asesmen diagnostik")
        submit(admin_client, page, locale_en, django_capture_on_commit_callbacks)
    page = type(page).objects.get(pk=page.pk)
    page.levels.set([term(SchoolLevel, "sd")])
    page.subjects.set([term(Subject, "matematika")])
    page.save_revision().publish()
    assert [level.slug for level in type(page).objects.get(pk=page.pk).levels.all()] == ["sd"]

    sync_and_publish(admin_client, page, django_capture_on_commit_callbacks)

    english = english_of(page)
    assert [level.slug for level in english.levels.all()] == ["sd"]
    assert [subject.slug for subject in english.subjects.all()] == ["matematika"]
