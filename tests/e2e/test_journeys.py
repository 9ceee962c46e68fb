"""What teachers, community maintainers and district editors do, click by click, in Chromium:
teachers on a 390x844 phone, maintainers and editors in the Wagtail admin on a desktop."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from icalendar import Calendar
from playwright.sync_api import expect
from wagtail.models import Locale

from tests.e2e.conftest import foreign_requests

DEMO_PASSWORD = "a-long-demo-passphrase-42"
MAINTAINER = "pengelola.harapan"  # maintainer of Komunitas Praktisi Guru SMP Harapan
EDITOR = "editor.bandung"  # district editor of Kota Bandung, where that community is
COMMUNITY_SLUG = "komunitas-praktisi-guru-smp-harapan"
LINEAR_EQUATIONS = "Modul Ajar Sistem Persamaan Linear Dua Variabel"
VIDEO_ID = "HAnw168huqA"


def test_teacher_finds_filters_and_downloads_a_resource(demo_site, phone_page):
    from resources.models import LearningResourceIndexPage

    library = LearningResourceIndexPage.objects.get(locale__language_code="id")
    page = phone_page
    page.goto(f"{demo_site}/id/")
    page.locator(f'nav.site-nav a[href="{library.url}"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text(library.title)

    page.locator("#resource-q").fill("modul ajar")
    page.locator("#resource-q").press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=modul\+ajar"))
    everything = count_results(page)

    facets = page.locator("nav.facets")
    facets.locator('[data-facet="level"] a[data-value="smp"]').click()
    page.wait_for_url(re.compile(r"[?&]level=smp"))
    facets.locator('[data-facet="subject"] a[data-value="matematika"]').click()
    page.wait_for_url(re.compile(r"[?&]subject=matematika"))
    assert "level=smp" in page.url and "q=modul+ajar" in page.url  # both kept
    narrowed = count_results(page)
    assert 0 < narrowed < everything
    for facet, value in (("level", "smp"), ("subject", "matematika")):
        chosen = facets.locator(f'[data-facet="{facet}"] a[data-value="{value}"]')
        expect(chosen).to_have_attribute("aria-current", "true")

    page.locator(".resource-card").get_by_role("link", name=LINEAR_EQUATIONS).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LINEAR_EQUATIONS)

    document = page.locator(".resource__content .blk-document__link").first
    expect(document).to_contain_text("PDF")
    with page.expect_download() as info:
        document.click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf"), download.suggested_filename
    content = download.path().read_bytes()
    assert content.startswith(b"%PDF-"), content[:20]
    assert LINEAR_EQUATIONS.encode() in content
    assert foreign_requests(page, demo_site) == []


def count_results(page):
    text = page.locator(".result-count").inner_text()
    return int(re.search(r"\d+", text).group())


def test_teacher_switches_an_article_to_english(demo_site, phone_page):
    from communities.models import PracticeArticlePage

    article = PracticeArticlePage.objects.live().filter(locale__language_code="id").first()
    english = article.get_translation(Locale.objects.get(language_code="en"))
    page = phone_page
    page.goto(f"{demo_site}{article.url}")
    expect(page.locator("html")).to_have_attribute("lang", "id")

    page.locator("nav.language-switcher").get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{demo_site}{english.url}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(english.title)
    expect(page.locator("nav.language-switcher [aria-current]")).to_have_text("English")


def test_teacher_registers_for_a_meeting_and_adds_it_to_a_calendar(demo_site, phone_page):
    from communities.models import AgendaPage, MeetingPage, Registration

    agenda = AgendaPage.objects.get(locale__language_code="id")
    page = phone_page
    page.goto(f"{demo_site}/id/")
    page.locator(f'nav.site-nav a[href="{agenda.url}"]').click()
    first = page.locator(".meeting-list__item > a").first
    title = first.inner_text().strip()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    meeting = MeetingPage.objects.get(title=title, locale__language_code="id")

    form = page.locator("#daftar form")
    occurrence = form.locator("select[name=occurrence]")
    if occurrence.count():  # a repeating meeting: the teacher picks a date
        occurrence.select_option(index=0)
    form.locator("[name=name]").fill("Siti Rahmawati")
    form.locator("[name=school]").fill("SMP Negeri 5 Bandung")
    form.locator("[name=email]").fill("siti.rahmawati@example.id")
    form.locator("[name=consent]").check()
    form.locator("button[type=submit]").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(gettext_id("You are registered"))
    registration = Registration.objects.get(email="siti.rahmawati@example.id")
    assert registration.meeting_id == meeting.pk
    assert registration.school == "SMP Negeri 5 Bandung"

    calendar_link = page.get_by_role("link", name=gettext_id("Add to calendar (.ics)"))
    with page.expect_download() as info:
        calendar_link.click()
    download = info.value
    assert download.suggested_filename.endswith(".ics"), download.suggested_filename
    calendar = Calendar.from_ical(download.path().read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == meeting.title
    assert event.decoded("dtstart") == meeting.local_start
    # The registered date is one of the dates the calendar file repeats.
    assert registration.occurrence_start in [o.start for o in meeting.occurrences(limit=6)]
    response = page.request.get(demo_site + calendar_link.get_attribute("href"))
    assert response.headers["content-type"].startswith("text/calendar")


def gettext_id(message):
    """What an Indonesian visitor reads for `message`."""
    with translation.override("id"):
        return translation.gettext(message)


@pytest.fixture
def demo_users(demo_site, monkeypatch):
    """The demo maintainers and district editors (`manage.py ensure_demo_users`)."""
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    call_command("ensure_demo_users", stdout=io.StringIO())


def sign_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def sign_out(page):
    page.locator(".sidebar-footer__account").click()
    page.locator("form[action$='/admin/logout/'] button").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def add_block(page, field, label):
    """Insert a block at the end of a StreamField, as an editor does: "+" then its name."""
    page.locator(f"[data-contentpath={field}] .c-sf-add-button").last.click()
    page.locator(".w-combobox").get_by_role("option", name=gettext_id(label), exact=True).click()
    return page.locator(f"[data-contentpath={field}] [data-streamfield-child]").last


def test_maintainer_meeting_goes_live_after_district_review(
    demo_site, demo_users, open_page, settings
):
    from wagtail.documents import get_document_model

    from communities.models import CommunityAccess, CommunityPage, MeetingPage
    from resources.demo_content import minimal_pdf

    # Wagtail 8 autosaves a new page 0.5 s after a change. On a busy machine (the suite on
    # every core) the autosave that creates the page and the submit raced: two creates,
    # the second refused for its slug. This journey is about the review, not autosave.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0

    community = CommunityPage.objects.get(slug=COMMUNITY_SLUG, locale__language_code="id")
    title = "Lokakarya asesmen formatif"
    start = timezone.localtime(timezone.now(), community.regency.province.zoneinfo)
    start = (start + datetime.timedelta(days=10)).replace(hour=14, minute=0, second=0)
    page = open_page("desktop")

    # The maintainer adds a meeting under their community...
    sign_in(page, demo_site, MAINTAINER)
    page.goto(f"{demo_site}/admin/pages/{community.pk}/")
    page.locator(f'a[href$="/admin/pages/{community.pk}/add_subpage/"]').first.click()
    page.locator('a[href*="/add/communities/meetingpage/"]').click()
    page.locator("#id_title").fill(title)
    page.locator("#id_start").fill(f"{start:%Y-%m-%d %H:%M}")
    page.locator("#id_end").fill(f"{start + datetime.timedelta(hours=2):%Y-%m-%d %H:%M}")
    page.locator("#id_end").press("Escape")  # closes the date picker
    page.locator("#id_mode").select_option("face_to_face")
    page.locator("#id_address").fill("SMP Harapan, Jl. Merdeka 10, Bandung")
    page.locator("#id_activity").select_option("share_practice")

    # ... with a document uploaded through the chooser (into the community's collection) ...
    document_block = add_block(page, "documentation", "Document")
    document_block.locator("[data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.locator("#tab-label-upload").click()
    modal.locator("input[type=file]").set_input_files(
        {"name": "daftar-hadir.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf(title)}
    )
    expect(modal.locator("#id_document-chooser-upload-title")).to_have_value("daftar-hadir")
    modal.locator("form[data-chooser-modal-creation-form] [type=submit]").click()
    expect(modal).to_have_count(0)
    expect(document_block.locator("[data-chooser-title]")).to_have_text("daftar-hadir")

    # ... and a video (a YouTube address: nothing is fetched from YouTube to save it) ...
    video_block = add_block(page, "documentation", "Video")
    video_block.locator("input[name$='-value-url']").fill(f"https://youtu.be/{VIDEO_ID}")
    video_block.locator("input[name$='-value-title']").fill("Rekaman lokakarya")

    # ... and submits it to the district's review.
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    page.locator("footer button[name=action-submit]").click()
    expect(page).to_have_url(f"{demo_site}/admin/pages/{community.pk}/")
    meeting = MeetingPage.objects.get(title=title)
    assert not meeting.live
    assert meeting.current_workflow_state.status == "in_progress"
    document = get_document_model().objects.get(title="daftar-hadir")
    assert (
        document.collection
        == CommunityAccess.objects.get(translation_key=community.translation_key).collection
    )
    sign_out(page)

    # Not public yet.
    assert page.request.get(f"{demo_site}{meeting.url}").status == 404

    # The district editor approves it from their dashboard.
    sign_in(page, demo_site, EDITOR)
    row = page.locator("tr").filter(has_text=title)
    row.locator("[data-w-dropdown-target=toggle]").click()
    row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    expect(page.locator("tr").filter(has_text=title)).to_have_count(0)
    meeting.refresh_from_db()
    assert meeting.live
    sign_out(page)

    # Nothing in the admin called another host either (no Gravatar, no oEmbed look-up).
    assert foreign_requests(page, demo_site) == []

    # A teacher finds it on the community page (on their phone), with its document and video.
    page = open_page("phone")
    page.goto(f"{demo_site}{community.url}")
    page.locator(".community-meetings").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".blk-document__link")).to_contain_text("daftar-hadir")
    play = page.locator(".blk-video a[data-embed-url]")
    expect(play).to_have_attribute("href", f"https://www.youtube.com/watch?v={VIDEO_ID}")
    # The player loads only when the teacher asks for it (see also test_site.py).
    expect(page.locator(".blk-video iframe")).to_have_count(0)
    assert foreign_requests(page, demo_site) == []
    with page.expect_request(re.compile(r"^https://www\.youtube-nocookie\.com/embed/")):
        play.click()
    expect(page.locator(".blk-video iframe")).to_have_attribute(
        "src", re.compile(rf"^https://www\.youtube-nocookie\.com/embed/{VIDEO_ID}")
    )
