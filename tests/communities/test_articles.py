"""Practice articles: the page, its authors and taxonomy in both languages, photo
consent through the real admin, and the schema.org Article JSON-LD."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from communities.models import (
    ArticleAuthor,
    PracticeArticlePage,
    SchoolLevel,
    Subject,
    Topic,
)
from home.models import HomePage
from tests.communities.conftest import make_user, term
from tests.conftest import add_page, translate_page

pytestmark = pytest.mark.django_db

RESULT = {
    "indicator": "Murid yang mencapai tujuan pembelajaran",
    "before": 42,
    "after": 68,
    "unit": "%",
}


def make_article(
    community, title, *, authors=(("Ratna Sari", "teacher", "SMP Harapan"),), **fields
):
    """A published practice article under `community`."""
    fields.setdefault("summary", f"Ringkasan {title}")
    fields.setdefault("date", datetime.date(2025, 10, 9))
    fields.setdefault(
        "body",
        [
            ("problem", {"heading": "", "text": "<p>Separuh murid belum paham pecahan.</p>"}),
            ("measured_result", {**RESULT, "note": ""}),
        ],
    )
    fields["authors"] = [ArticleAuthor(name=n, role=r, school=s) for n, r, s in authors]
    return add_page(community, PracticeArticlePage, title=title, **fields)


def set_terms(page, levels=(), subjects=(), topics=()):
    page.levels.set([term(SchoolLevel, slug) for slug in levels])
    page.subjects.set([term(Subject, slug) for slug in subjects])
    page.topics.set([term(Topic, slug) for slug in topics])
    page.save_revision().publish()
    return page


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def article(community_b):
    page = make_article(
        community_b,
        "Asesmen diagnostik di awal bab",
        authors=[("Ratna Sari", "teacher", "SMP Harapan"), ("Dewi Lestari", "teacher", "")],
    )
    return set_terms(page, ["smp"], ["matematika"], ["asesmen"])


def test_article_shows_authors_date_taxonomy_and_practice_body(client, article):
    response = client.get(article.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Asesmen diagnostik di awal bab</h1>" in html
    assert "Ratna Sari" in html and "Dewi Lestari" in html and "SMP Harapan" in html
    assert '<time datetime="2025-10-09">' in html
    assert "Komunitas Praktisi Guru SMP Harapan" in html  # the community, linked
    assert "SMP" in html and "Matematika" in html and "Asesmen" in html
    assert "Separuh murid belum paham pecahan." in html
    assert 'data-bar="after"' in html


def test_english_translation_shows_english_terms(client, article, home_en, locale_en):
    community_en = translate_page(article.get_parent().get_parent().get_parent(), locale_en)
    region_en = translate_page(article.get_parent().get_parent().specific, locale_en)
    community_page_en = translate_page(article.get_parent().specific, locale_en)
    article_en = translate_page(
        article, locale_en, title="Diagnostic assessment at the start of a unit", slug="diagnostic"
    )
    assert community_en and region_en and community_page_en
    article_en = PracticeArticlePage.objects.get(pk=article_en.pk)

    response = client.get(article_en.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert article_en.url.startswith("/en/")
    assert "Diagnostic assessment at the start of a unit" in html
    assert "Mathematics" in html and "Matematika" not in html
    assert "Ratna Sari" in html  # authors are synchronised, not translated
    data = json_ld(response)
    assert data["inLanguage"] == "en"
    assert {"@type": "Thing", "name": "Mathematics"} in data["about"]
    assert data["headline"] == "Diagnostic assessment at the start of a unit"


def test_json_ld_describes_the_article(client, article):
    data = json_ld(client.get(article.url))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Asesmen diagnostik di awal bab"
    assert data["datePublished"] == "2025-10-09"
    assert data["inLanguage"] == "id"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Ratna Sari",
            "affiliation": {"@type": "Organization", "name": "SMP Harapan"},
        },
        {"@type": "Person", "name": "Dewi Lestari"},
    ]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Komunitas Praktisi Guru SMP Harapan"
    assert data["publisher"]["url"].endswith(article.get_parent().url)
    assert {thing["name"] for thing in data["about"]} == {
        "SMP",
        "Matematika",
        "Asesmen diagnostik dan formatif",
    }
    assert data["url"].endswith(article.url)
    assert "image" not in data


def test_json_ld_has_the_cover_image_and_cannot_break_out_of_the_script(client, community_b):
    image = Image.objects.create(title="Guru", file=get_test_image_file())
    page = make_article(
        community_b,
        "Judul </script><script>alert(1)</script>",
        slug="judul",
        cover_image=image,
        cover_image_alt="Guru berdiskusi",
        photo_consent=True,
    )

    response = client.get(page.url)
    html = response.content.decode()

    assert "<script>alert(1)" not in html
    data = json_ld(response)
    assert data["headline"] == "Judul </script><script>alert(1)</script>"
    assert data["image"].startswith("http") and "/images/" in data["image"]
    assert 'alt="Guru berdiskusi"' in html


def test_articles_live_only_under_a_community(home_id, community_b):
    assert PracticeArticlePage.can_create_at(community_b)
    assert not PracticeArticlePage.can_create_at(home_id)
    assert "communities.PracticeArticlePage" in [
        f"{m._meta.app_label}.{m.__name__}"
        for m in community_b.specific_class.allowed_subpage_models()
    ]
    assert (
        not HomePage.objects.filter(pk=home_id.pk)
        .first()
        .specific.get_children()
        .type(PracticeArticlePage)
        .exists()
    )


# Photo consent, through the admin's real "add page" view.


@pytest.fixture
def admin_client(client, community_b):
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    return client


def add_article(client, community, **changes):
    data = {
        "title": "Belajar pecahan dengan benda konkret",
        "slug": "belajar-pecahan",
        "date": "2025-10-09",
        "summary": "Ringkasan",
        "cover_image": "",
        "cover_image_alt": "",
        "authors": inline_formset([{"name": "Ratna Sari", "role": "teacher", "school": ""}]),
        "body": streamfield([("paragraph", rich_text("<p>Isi</p>"))]),
        "comments": inline_formset([]),
        **changes,
    }
    url = reverse(
        "wagtailadmin_pages:add", args=["communities", "practicearticlepage", community.pk]
    )
    return client.post(url, nested_form_data(data))


def consent_errors(response):
    form = response.context["form"]
    return form.errors.get("photo_consent", [])


def test_admin_saves_an_article_without_photos_and_without_consent(admin_client, community_b):
    response = add_article(admin_client, community_b)

    assert response.status_code == 302, response.context["form"].errors
    assert PracticeArticlePage.objects.filter(slug="belajar-pecahan").exists()


def test_admin_refuses_a_cover_photo_without_consent(admin_client, community_b):
    image = Image.objects.create(title="Murid", file=get_test_image_file())

    response = add_article(
        admin_client, community_b, cover_image=str(image.pk), cover_image_alt="Murid menghitung"
    )

    assert response.status_code == 200
    assert "orang tua/wali murid" in consent_errors(response)[0]
    assert not PracticeArticlePage.objects.filter(slug="belajar-pecahan").exists()


def test_admin_refuses_an_image_block_without_consent(admin_client, community_b):
    image = Image.objects.create(title="Murid", file=get_test_image_file())
    body = streamfield(
        [("image", {"image": str(image.pk), "alt_text": "Murid menghitung", "caption": ""})]
    )

    response = add_article(admin_client, community_b, body=body)

    assert response.status_code == 200
    assert consent_errors(response)
    assert not PracticeArticlePage.objects.filter(slug="belajar-pecahan").exists()

    response = add_article(admin_client, community_b, body=body, photo_consent="on")
    assert response.status_code == 302
    assert PracticeArticlePage.objects.get(slug="belajar-pecahan").photo_consent


def test_admin_asks_for_alt_text_of_the_cover_image(admin_client, community_b):
    image = Image.objects.create(title="Murid", file=get_test_image_file())

    response = add_article(admin_client, community_b, cover_image=str(image.pk), photo_consent="on")

    assert response.status_code == 200
    assert response.context["form"].errors["cover_image_alt"]


def test_admin_requires_an_author_to_publish(admin_client, community_b):
    response = add_article(
        admin_client, community_b, authors=inline_formset([]), **{"action-publish": "1"}
    )

    assert response.status_code == 200
    assert not PracticeArticlePage.objects.filter(slug="belajar-pecahan").exists()


def test_maintainer_can_add_an_article_to_their_community(client, maintainer_b, community_b):
    client.force_login(maintainer_b)

    response = add_article(client, community_b)

    assert response.status_code == 302
    assert PracticeArticlePage.objects.get(slug="belajar-pecahan").get_parent().pk == community_b.pk


def test_demo_articles_are_bilingual_and_load_twice(client, django_capture_on_commit_callbacks):
    import io

    from communities import demo_articles, demo_content
    from home import demo_content as home_demo

    # Only the modules the articles depend on, in load_demo's order, twice.
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            for module in (home_demo, demo_content, demo_articles):
                module.load(io.StringIO())

    assert PracticeArticlePage.objects.filter(locale__language_code="id").count() == 3
    assert PracticeArticlePage.objects.filter(locale__language_code="en").count() == 3
    listing_id = client.get("/id/praktik-baik/").content.decode()
    listing_en = client.get("/en/good-practice/").content.decode()
    assert "Asesmen diagnostik di awal bab" in listing_id
    assert "Diagnostic assessment at the start of a unit" in listing_en
    assert "Asesmen diagnostik di awal bab" not in listing_en

    article_en = PracticeArticlePage.objects.get(
        locale__language_code="en", slug="diagnostic-assessment-at-the-start-of-a-unit"
    )
    html = client.get(article_en.url).content.decode()
    assert "Pupils who reach the learning objective" in html
    assert "<dd>42%</dd>" in html and "<dd>68%</dd>" in html
    assert "Ratna Sari" in html and "Mathematics" in html
    assert "Murid" not in html  # nothing left in Indonesian


def test_admin_add_form_offers_authors_consent_and_practice_blocks(admin_client, community_b):
    url = reverse(
        "wagtailadmin_pages:add", args=["communities", "practicearticlepage", community_b.pk]
    )

    html = admin_client.get(url).content.decode()

    assert 'name="photo_consent"' in html
    assert 'name="authors-TOTAL_FORMS"' in html
    assert "measured_result" in html and "reflection" in html


def test_admin_refuses_a_video_preview_photo_without_consent(admin_client, community_b):
    image = Image.objects.create(title="Murid", file=get_test_image_file())
    video = {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Refleksi", "transcript": ""}
    with_poster = streamfield([("video", {**video, "poster": str(image.pk)})])
    without_poster = streamfield([("video", {**video, "poster": ""})])

    assert consent_errors(add_article(admin_client, community_b, body=with_poster))
    assert add_article(admin_client, community_b, body=without_poster).status_code == 302
