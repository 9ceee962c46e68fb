"""XSS: payloads in every text field, rich text (stored raw, as if the editor had been
bypassed), every StreamField block, snippets, registrations, documents and search queries
render escaped or sanitised on the public site (both languages) and in the admin."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from communities.models import (
    AgendaPage,
    ArticleAuthor,
    CommunityIndexPage,
    CommunityMember,
    CommunityNorm,
    CommunityPage,
    MeetingAction,
    MeetingPage,
    MeetingReflection,
    PracticeArticleIndexPage,
    PracticeArticlePage,
    Regency,
    RegionPage,
    Registration,
    SchoolLevel,
    Subject,
    Topic,
)
from home.models import FooterText, HomePage, StandardPage
from resources.models import (
    LearningResourceIndexPage,
    LearningResourcePage,
    ResourceCollection,
    ResourceCollectionItem,
    ResourceDocument,
)
from resources.models.pages import PhasesField
from tests.trust.files import document_bytes, png_bytes
from tests.trust.html_checks import (
    JS_URL,
    PAYLOADS,
    RICH_TEXT,
    assert_safe,
    live_payloads,
    payload_for,
)

pytestmark = pytest.mark.django_db

P = payload_for(None)
BASE_FIELDS = ("title", "seo_title", "search_description")


def fill(page, **fixed):
    """Every own text field of the page's model gets payloads; rich text gets raw HTML;
    URLs get a javascript: URL. `fixed` are the fields that must stay valid."""
    model = type(page)
    for field in model._meta.concrete_fields:
        own = field.model is model or field.name in BASE_FIELDS
        if not own or field.name in fixed or field.choices or isinstance(field, PhasesField):
            continue
        if isinstance(field, RichTextField):
            value = RICH_TEXT
        elif isinstance(field, models.URLField):
            value = "https://meet.example.id/abc"  # Page.save() validates; poisoned after
        elif isinstance(field, models.EmailField | models.SlugField):
            continue
        elif isinstance(field, models.CharField | models.TextField):
            value = payload_for(field.max_length)
        else:
            continue
        setattr(page, field.name, value)
    for name, value in fixed.items():
        setattr(page, name, value)
    return page


def stream(document, image, practice=False):
    """One block of every type, every text in it a payload."""
    blocks = [
        ("heading", {"text": P, "level": "h2"}),
        # The level is a choice; stored raw it could try to be a tag with a handler.
        ("heading", {"text": "Judul", "level": "img src=x onerror=alert(1)"}),
        ("paragraph", RICH_TEXT),
        ("image", {"image": image, "alt_text": P, "decorative": False, "caption": P}),
        ("quote", {"text": P, "attribution": P}),
        ("document", {"document": document, "title": P, "description": P}),
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "title": P,
                "poster": image,
                "transcript": P,
            },
        ),  # fmt: skip
        ("video", {"url": JS_URL, "title": P, "poster": None, "transcript": P}),
    ]
    if practice:
        blocks += [
            ("problem", {"heading": P, "text": RICH_TEXT}),
            ("action", {"heading": P, "text": RICH_TEXT, "who": P, "period": P}),
            (
                "measured_result",
                {"indicator": P, "before": 10, "after": 20, "unit": P[:30], "note": P},
            ),  # fmt: skip
            ("reflection", {"heading": P, "text": RICH_TEXT, "next_step": P}),
        ]
    return blocks


def url_fields(model):
    return [f.name for f in model._meta.concrete_fields if isinstance(f, models.URLField)]


def publish(parent, page):
    """Add and publish the page, then store javascript: URLs the way only a direct write
    to the database could (Page.save() validates URL fields)."""
    model = type(page)
    parent.add_child(instance=page)
    page.save_revision().publish()
    model.objects.filter(pk=page.pk).update(**dict.fromkeys(url_fields(model), JS_URL))
    return model.objects.get(pk=page.pk)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(title=P[:255])
    document.file.save("modul.pdf", ContentFile(document_bytes("pdf")), save=True)
    image = get_image_model().objects.create(
        title=P[:255], file=ImageFile(io.BytesIO(png_bytes()), name="foto.png")
    )
    return document, image


@pytest.fixture
def terms(db):
    """A level, a subject and a topic whose names (in both languages) are payloads."""
    chosen = []
    for model in (SchoolLevel, Subject, Topic):
        term = model.objects.filter(locale__language_code="id").order_by("sort_order").first()
        model.objects.filter(translation_key=term.translation_key).update(name=payload_for(120))
        chosen.append(term)
    return chosen


@pytest.fixture
def site_tree(home_id, media, terms):
    """Every page type, in Indonesian, with payloads everywhere."""
    document, image = media
    home = fill(HomePage.objects.get(pk=home_id.pk), slug=home_id.slug)
    home.hero_cta_page = None
    home.body = stream(document, image)
    home.save_revision().publish()
    level, subject, topic = terms
    pages = {"home": HomePage.objects.get(pk=home_id.pk)}
    standard = fill(StandardPage(), slug="tentang")
    standard.body = stream(document, image)
    pages["standard"] = publish(pages["home"], standard)
    pages["index"] = publish(pages["home"], fill(CommunityIndexPage(), slug="komunitas"))
    regency = Regency.objects.get(code="51.01")
    pages["region"] = publish(pages["index"], fill(RegionPage(), slug="jembrana", regency=regency))
    community = fill(
        CommunityPage(), slug="komunitas-a", community_type="within_school",
        meeting_mode="face_to_face", contact_email="kontak@example.id",
    )  # fmt: skip
    community.documentation = stream(document, image)
    community.norms = [CommunityNorm(text=payload_for(250))]
    community.members = [CommunityMember(name=payload_for(120), role="teacher",
                                         school=payload_for(200))]  # fmt: skip
    community.levels, community.subjects, community.topics = [level], [subject], [topic]
    pages["community"] = publish(pages["region"], community)
    start = timezone.now() + datetime.timedelta(days=7)
    meeting = fill(
        MeetingPage(), slug="pertemuan", start=start, end=start + datetime.timedelta(hours=2),
        mode="blended", activity="share_practice", repeat="", repeat_interval=1,
        excluded_dates="",
    )  # fmt: skip
    meeting.documentation = stream(document, image)
    meeting.actions = [MeetingAction(what=payload_for(300), who=payload_for(200),
                                     measure=payload_for(300))]  # fmt: skip
    meeting.reflections = [MeetingReflection(text=P)]
    pages["meeting"] = publish(pages["community"], meeting)
    article = fill(PracticeArticlePage(), slug="artikel", date=datetime.date(2025, 7, 1),
                   cover_image=image, photo_consent=True)  # fmt: skip
    article.body = stream(document, image, practice=True)
    article.authors = [ArticleAuthor(name=payload_for(120), role="teacher",
                                     school=payload_for(200))]  # fmt: skip
    article.levels, article.subjects, article.topics = [level], [subject], [topic]
    pages["article"] = publish(pages["community"], article)
    pages["articles"] = publish(pages["home"], fill(PracticeArticleIndexPage(), slug="praktik"))
    pages["agenda"] = publish(pages["home"], fill(AgendaPage(), slug="agenda"))
    pages["library"] = publish(pages["home"], fill(LearningResourceIndexPage(), slug="sumber"))
    resource = fill(
        LearningResourcePage(), slug="modul", resource_type="teaching_module", licence="cc-by",
        language="id", phases="D", video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )  # fmt: skip
    resource.documents = [ResourceDocument(document=document, title=payload_for(250))]
    resource.levels, resource.subjects, resource.topics = [level], [subject], [topic]
    pages["resource"] = publish(pages["library"], resource)
    collection = ResourceCollection.objects.create(
        title=payload_for(200), introduction=P, featured=True, locale=home.locale
    )
    ResourceCollectionItem.objects.create(collection=collection, resource=pages["resource"])
    FooterText.objects.create(body=RICH_TEXT, locale=home.locale)
    Registration.objects.create(
        meeting=pages["meeting"], occurrence_start=start, name=payload_for(120)[:120],
        school="=HYPERLINK(\"https://evil.example\",\"klik\")", whatsapp="=1+2",
        email="guru@example.id", consent_given_at=timezone.now(),
    )  # fmt: skip
    return pages


@pytest.fixture
def english_copies(site_tree, locale_en):
    """English copies of every page (same payloads), published under /en/."""
    copies = {}
    for name, page in site_tree.items():
        model = type(page)
        valid = dict.fromkeys(url_fields(model), "https://meet.example.id/abc")
        if "video_url" in valid:
            valid["video_url"] = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        model.objects.filter(pk=page.pk).update(**valid)  # copying validates the page
        copy = model.objects.get(pk=page.pk).copy_for_translation(locale_en, copy_parents=True)
        copy.save_revision().publish()
        for pk in (page.pk, copy.pk):
            model.objects.filter(pk=pk).update(**dict.fromkeys(valid, JS_URL))
        copies[name] = model.objects.get(pk=copy.pk)
    return copies


def test_the_check_sees_every_live_payload():
    """The check is not blind: each payload, unescaped where it lands, is reported."""
    harmless = {"<b><i>unclosed"}
    for payload in PAYLOADS:
        found = live_payloads(f'<p>{payload}</p><input value="{payload}">')
        assert bool(found) != (payload in harmless), payload
    assert live_payloads(RICH_TEXT)
    assert live_payloads('<a href="&#106;avascript:alert(1)">x</a>')
    assert live_payloads('<script type="application/ld+json">{"a": "</script><b>"}</script>')


def public_urls(pages):
    urls = [page.url for page in pages.values()]
    level = SchoolLevel.objects.filter(locale=pages["home"].locale).first()
    for name in ("index", "articles", "library", "agenda"):
        urls.append(f"{pages[name].url}?level={level.slug}&q=%3Cscript%3Ealert(1)%3C/script%3E")
    return urls


def test_public_pages_in_indonesian(client, site_tree):
    for url in public_urls(site_tree):
        html = assert_safe(client.get(url), url)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "alert(1)" not in html, url


def test_public_pages_in_english(client, english_copies):
    for url in public_urls(english_copies):
        assert url.startswith("/en/")
        assert_safe(client.get(url), url)


def test_search_queries_are_echoed_escaped(client, site_tree):
    for payload in [*PAYLOADS, JS_URL, '"><script>alert(1)</script>']:
        assert_safe(client.get("/id/cari/", {"q": payload}), payload)
        suggestions = client.get("/id/cari/saran/", {"q": payload})
        assert suggestions["Content-Type"] == "application/json", payload


def test_rich_text_keeps_what_the_editor_allows(client, site_tree):
    """Sanitising drops scripts and handlers, not the formatting and safe links editors use."""
    html = client.get(site_tree["standard"].url).content.decode()

    assert "<b>" in html and "<i>" in html
    assert f'href="https://{"evil.example"}/"' in html  # an ordinary external link stays


@pytest.fixture
def boss(db):
    user = get_user_model().objects.create_superuser("boss", "boss@example.id", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def admin_urls(pages, media):
    document, image = media
    urls = []
    for page in pages.values():
        urls += [
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtailadmin_explore", args=[page.pk]),
            reverse("wagtailadmin_pages:history", args=[page.pk]),
        ]
    urls += [
        reverse("wagtailadmin_home"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailimages_chooser:choose"),
        reverse("registrations:index"),
        reverse("home_translation_status"),
        reverse("search_terms"),
        reverse("resources_downloads"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_pages:search") + "?q=alert",
    ]
    for model in (SchoolLevel, Subject, Topic, FooterText, ResourceCollection):
        opts = model._meta
        urls.append(reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:list"))
    return urls


def test_admin_screens(client, site_tree, media, boss):
    client.get("/id/cari/", {"q": "<script>alert(1)</script>"})  # into the search-terms report
    client.force_login(boss)
    for url in admin_urls(site_tree, media):
        response = client.get(url)
        if response.get("Content-Type", "").startswith("application/json"):
            html = response.json().get("html", "")
            assert live_payloads(html) == [], url
        else:
            assert_safe(response, url)


def test_spreadsheet_exports_neutralise_formulas(client, site_tree, boss):
    client.force_login(boss)
    url = reverse("registrations:index")

    response = client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '\'=HYPERLINK("https://evil.example","klik")' in cells
    assert "'=1+2" in cells

    response = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.value


def test_registration_form_echoes_and_confirms_escaped(client, site_tree):
    meeting = site_tree["meeting"]
    url = meeting.url + meeting.reverse_subpage("register")
    data = {
        "name": payload_for(120),
        "school": payload_for(200),
        "email": "guru.baru@example.id",
        "whatsapp": "",
        "occurrence": meeting.upcoming_occurrences(limit=1)[0].key,
    }

    refused = client.post(url, data)  # no consent: the form comes back with the answers
    assert "registration_failed" in refused.context
    assert_safe(refused, "form shown again")
    confirmed = client.post(url, {**data, "consent": "on"}, follow=True)
    assert_safe(confirmed, "confirmation")
    assert Registration.objects.filter(email="guru.baru@example.id").exists()


def test_templates_render_rich_text_only_through_the_sanitiser():
    """Wagtail's `richtext` filter prints stored HTML as it is; ours cleans it."""
    from portal.settings.base import BASE_DIR

    raw = [
        path.relative_to(BASE_DIR).as_posix()
        for path in (BASE_DIR / "templates").rglob("*.html")
        if "|richtext" in path.read_text()
    ]
    assert raw == []
