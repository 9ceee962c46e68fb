"""manage.py generate_dataset: bulk-inserted pages must form a sound Wagtail tree that
serves every page type in both languages, like pages made in the admin."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page

from communities.models import (
    AgendaPage,
    CommunityIndexPage,
    CommunityPage,
    MeetingPage,
    PracticeArticleIndexPage,
    PracticeArticlePage,
    RegionPage,
)
from resources.models import LearningResourceIndexPage, LearningResourcePage

COUNTS = {"communities": 6, "meetings": 12, "articles": 10, "resources": 20}
KINDS = {
    "communities": CommunityPage,
    "meetings": MeetingPage,
    "articles": PracticeArticlePage,
    "resources": LearningResourcePage,
}
SHARE = 0.5
PAGE_TYPES = [RegionPage, *KINDS.values()]


def generate(seed=7):
    out = StringIO()
    call_command("generate_dataset", **COUNTS, english_share=SHARE, seed=seed, stdout=out)
    return out.getvalue()


def in_language(model, language):
    return model.objects.filter(locale__language_code=language)


@pytest.fixture
def dataset(db):
    return generate()


def test_empty_database_gets_a_sound_tree(dataset):
    assert Page.find_problems() == ([], [], [], [], [])
    assert "Summary" in dataset
    assert "update_index" in dataset  # the hint that the search index was skipped


# One generated dataset per test (about 3 s each): checks are grouped, not parametrized.


def test_counts_per_type_and_language(dataset):
    for kind, model in KINDS.items():
        assert in_language(model, "id").count() == COUNTS[kind], kind
        assert in_language(model, "en").count() == round(COUNTS[kind] * SHARE), kind
        assert not model.objects.filter(live=False).exists(), kind


def test_every_index_page_exists_once_per_language(dataset):
    for model in (
        CommunityIndexPage,
        AgendaPage,
        PracticeArticleIndexPage,
        LearningResourceIndexPage,
    ):
        assert in_language(model, "id").count() == 1
        assert in_language(model, "en").count() == 1
    # Every regency used has one region page per language.
    regions = in_language(RegionPage, "id")
    assert regions.count() == CommunityPage.objects.values("regency").distinct().count()
    assert in_language(RegionPage, "en").count() == regions.count()


def test_english_pages_are_translations_of_indonesian_ones(dataset):
    english = [page for model in PAGE_TYPES for page in in_language(model, "en")]
    assert {type(page) for page in english} == set(PAGE_TYPES)
    for page in english:
        model = type(page)
        source = in_language(model, "id").get(translation_key=page.translation_key)
        # Under the English counterpart of the source's parent.
        assert page.get_parent().translation_key == source.get_parent().translation_key
        assert page.get_parent().locale.language_code == "en"
        assert page.url.startswith("/en/")
        if model is not RegionPage:  # region names are the same in both languages
            assert page.title != source.title
            assert page.slug != source.slug
        for field in ("levels", "subjects", "topics"):
            if hasattr(model, field):  # wagtail-localize copies the links as they are
                assert set(getattr(page, field).values_list("pk", flat=True)) == set(
                    getattr(source, field).values_list("pk", flat=True)
                )


def test_content_hangs_together(dataset):
    community = in_language(CommunityPage, "id").first()
    assert community.regency_id == community.get_parent().specific.regency_id
    assert community.norms.exists() and community.members.exists()
    meeting = in_language(MeetingPage, "id").first()
    assert meeting.regency_id == meeting.get_parent().specific.regency_id
    assert meeting.series_end is not None or meeting.repeat
    article = PracticeArticlePage.objects.exclude(cover_image=None).first()
    assert article is not None and article.photo_consent and article.cover_image_alt
    assert article.authors.exists()
    assert {block.block_type for block in article.body} >= {"problem", "action", "reflection"}
    # Every resource can be used: a document, a video or a link.
    for resource in LearningResourcePage.objects.all():
        assert resource.documents.exists() or resource.video_url or resource.external_url


def test_pages_are_served_in_both_languages(dataset, client):
    for model in PAGE_TYPES:
        for language in ("id", "en"):
            pages = list(in_language(model, language).order_by("pk")[:3])
            assert pages, (model, language)
            for page in pages:
                response = client.get(page.url)
                assert response.status_code == 200, page.url
                assert escape(page.title) in response.text, page.url


def test_listing_pages_are_served_in_both_languages(dataset, client):
    for model in (
        CommunityIndexPage,
        AgendaPage,
        PracticeArticleIndexPage,
        LearningResourceIndexPage,
    ):
        for language in ("id", "en"):
            page = in_language(model, language).get()
            response = client.get(page.url)
            assert response.status_code == 200, page.url


def test_pages_open_in_the_admin_editor(dataset, client, django_user_model):
    """Pages have no revision: the editor must start from the page row itself."""
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    for model in PAGE_TYPES:
        for language in ("id", "en"):
            page = in_language(model, language).first()
            response = client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, (model, language)


def test_running_twice_adds_content_and_keeps_the_tree_sound(dataset):
    generate(seed=7)  # the same seed: the same titles must get new slugs
    assert Page.find_problems() == ([], [], [], [], [])
    for kind, model in KINDS.items():
        assert in_language(model, "id").count() == 2 * COUNTS[kind]
    siblings = Counter(
        (path[: -Page.steplen], slug) for path, slug in Page.objects.values_list("path", "slug")
    )
    assert max(siblings.values()) == 1
    assert in_language(CommunityIndexPage, "id").count() == 1
