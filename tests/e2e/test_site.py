"""What a teacher sees in a real browser: both languages, keyboard access, phone width,
privacy (no third-party requests) and click-to-load video."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import SCREENSHOTS_DIR, foreign_requests, requested_urls

PHONE_WIDTH = 390
HOME = {
    "id": ("Belajar bersama, tumbuh bersama", "Langsung ke konten utama"),
    "en": ("Learning together, growing together", "Skip to main content"),
}
VIDEO_ID = "dQw4w9WgXcQ"


def on_screen(locator, viewport_width):
    """Whether the element is drawn, readable-sized, inside the viewport's width."""
    box = locator.bounding_box()
    return bool(
        box
        and box["width"] > 1
        and box["height"] > 1
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport_width
    )


def scroll_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("language", ["id", "en"])
def test_home_page_at_phone_width(demo_site, phone_page, language):
    heading, skip_text = HOME[language]
    phone_page.goto(f"{demo_site}/{language}/")

    expect(phone_page.locator("html")).to_have_attribute("lang", language)
    expect(phone_page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(phone_page.get_by_role("heading", level=1)).to_be_visible()

    # The skip link is the first thing Tab reaches, and it shows itself when focused.
    skip = phone_page.locator("a.skip-link")
    assert not on_screen(skip, PHONE_WIDTH), "the skip link should be hidden until focused"
    phone_page.keyboard.press("Tab")
    assert phone_page.evaluate("document.activeElement.classList.contains('skip-link')")
    expect(skip).to_be_focused()
    expect(skip).to_have_text(skip_text)
    assert on_screen(skip, PHONE_WIDTH), skip.bounding_box()
    # ... and it takes keyboard focus to the main content.
    phone_page.keyboard.press("Enter")
    expect(phone_page.locator("main#main")).to_be_focused()

    width = scroll_width(phone_page)
    assert width <= PHONE_WIDTH, f"horizontal scroll at {PHONE_WIDTH}px: {width}px"


def test_language_switcher_on_the_about_page(demo_site, phone_page):
    phone_page.goto(f"{demo_site}/id/tentang/")
    expect(phone_page.locator("html")).to_have_attribute("lang", "id")
    switcher = phone_page.locator("nav.language-switcher")

    switcher.get_by_role("link", name="English").click()
    expect(phone_page).to_have_url(f"{demo_site}/en/about/")
    expect(phone_page.locator("html")).to_have_attribute("lang", "en")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("About communities of practice")
    expect(switcher.locator('[aria-current="true"]')).to_have_text("English")

    switcher.get_by_role("link", name="Bahasa Indonesia").click()
    expect(phone_page).to_have_url(f"{demo_site}/id/tentang/")
    expect(phone_page.locator("html")).to_have_attribute("lang", "id")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Tentang Komunitas Praktisi")


@pytest.mark.parametrize("path", ["/id/", "/id/tentang/"])
def test_pages_make_no_request_to_another_host(demo_site, phone_page, path):
    phone_page.goto(f"{demo_site}{path}", wait_until="networkidle")

    urls = requested_urls(phone_page)
    assert any(url.endswith(".css") for url in urls), urls  # the recorder did record
    assert foreign_requests(phone_page, demo_site) == []


def test_video_loads_from_youtube_nocookie_only_after_play(demo_site, phone_page):
    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="id", depth=2)
    video_page = StandardPage(
        title="Refleksi bersama",
        slug="refleksi-bersama",
        body=[
            (
                "video",
                {
                    "url": f"https://www.youtube.com/watch?v={VIDEO_ID}",
                    "title": "Refleksi pembelajaran",
                    "poster": None,
                    "transcript": "Guru-guru membahas hasil aksi nyata bulan ini.",
                },
            )
        ],
    )
    home.add_child(instance=video_page)
    video_page.save_revision().publish()

    phone_page.goto(f"{demo_site}/id/refleksi-bersama/", wait_until="networkidle")
    play = phone_page.get_by_role("link", name="Putar video: Refleksi pembelajaran")
    expect(play).to_have_attribute("href", f"https://www.youtube.com/watch?v={VIDEO_ID}")
    expect(phone_page.locator("iframe")).to_have_count(0)
    assert not [url for url in requested_urls(phone_page) if "youtube" in url]

    with phone_page.expect_request(re.compile(r"^https://www\.youtube-nocookie\.com/")):
        play.click()

    iframe = phone_page.locator(".blk-video iframe")
    expect(iframe).to_have_count(1)
    expect(iframe).to_have_attribute(
        "src", re.compile(rf"^https://www\.youtube-nocookie\.com/embed/{VIDEO_ID}")
    )
    expect(iframe).to_have_attribute("title", "Refleksi pembelajaran")
    # The page itself stayed put (the link's href is only the no-JavaScript fallback)...
    assert phone_page.url == f"{demo_site}/id/refleksi-bersama/"
    # ... and nothing was fetched from youtube.com itself.
    assert not [url for url in requested_urls(phone_page) if "://www.youtube.com/" in url]


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/id/tidak-ada-halaman-ini/", "Halaman tidak ditemukan"),
        ("/en/no-such-page/", "Page not found"),
    ],
)
def test_not_found_page_is_translated(demo_site, phone_page, path, heading):
    response = phone_page.goto(f"{demo_site}{path}")

    assert response.status == 404
    expect(phone_page.locator("html")).to_have_attribute("lang", path[1:3])
    expect(phone_page.get_by_role("heading", level=1)).to_have_text(heading)


def screenshot_pages():
    """(name, path) of the key pages shown in the README, in Indonesian."""
    from communities.models import CommunityPage, MeetingPage, PracticeArticlePage
    from resources.models import LearningResourceIndexPage

    def first(model, **filters):
        return model.objects.live().filter(locale__language_code="id", **filters).first().url

    return [
        ("home", "/id/"),
        ("community", first(CommunityPage, slug="komunitas-praktisi-guru-smp-harapan")),
        ("meeting", first(MeetingPage, summary__gt="")),
        ("article", first(PracticeArticlePage)),
        ("library", first(LearningResourceIndexPage) + "?level=smp&subject=matematika"),
        ("search", "/id/cari/?q=asesmen"),
    ]


def test_screenshots(demo_site, phone_page, desktop_page):
    """Saved under docs/screenshots/ (shown in the README, kept as CI artifacts)."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    shots = [(phone_page, "/en/about/", "tentang-en-phone.png")]
    for name, path in screenshot_pages():
        shots += [
            (phone_page, path, f"{name}-id-phone.png"),
            (desktop_page, path, f"{name}-id-desktop.png"),
        ]
    for page, path, name in shots:
        page.goto(f"{demo_site}{path}", wait_until="networkidle")
        target = SCREENSHOTS_DIR / name
        page.screenshot(path=target, full_page=True)
        assert target.read_bytes().startswith(b"\x89PNG")
        viewport = page.viewport_size["width"]
        assert scroll_width(page) <= viewport, f"{path} scrolls sideways at {viewport}px"
