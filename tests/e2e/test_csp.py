"""The Content-Security-Policy in a real browser: the public pages of both languages break no
rule, for a visitor and for a signed-in editor (whose pages carry the Wagtail userbar), and the
click-to-load YouTube player is allowed to load."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

EDITOR = ("csp-editor", "a-long-editor-passphrase-42")
# Collects the violations the page itself sees (console messages are the second witness).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def public_pages(language):
    """Path of one page of each kind in `language`, and of a resource that has a video."""
    from communities.models import CommunityPage, MeetingPage, PracticeArticlePage
    from home.models import HomePage
    from resources.models import LearningResourceIndexPage, LearningResourcePage

    def first(model, **filters):
        page = model.objects.live().filter(locale__language_code=language, **filters).first()
        assert page, f"demo content has no live {model.__name__} in {language}"
        return page.url

    return {
        "home": first(HomePage),
        "community": first(CommunityPage),
        "article": first(PracticeArticlePage),
        "meeting": first(MeetingPage),
        "library": first(LearningResourceIndexPage),
        "resource": first(LearningResourcePage, video_url__startswith="https://"),
    }


def watch_csp(page):
    """Start recording; returns a function that lists the violations seen so far."""
    messages = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            messages.append(message.text)

    page.on("console", on_console)
    page.add_init_script(RECORD_VIOLATIONS)

    def violations():
        seen = page.evaluate("window.__cspViolations || []")
        return messages + seen

    return violations


def visit(page, url):
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    assert "frame-src" in response.headers.get("content-security-policy", ""), url


def play_video(page, base_url):
    link = page.locator("a[data-embed-url]").first
    with page.expect_request(re.compile(r"^https://www\.youtube-nocookie\.com/embed/")):
        link.click()
    expect(page.locator(".blk-video iframe")).to_have_count(1)
    assert page.url.startswith(base_url)


@pytest.fixture
def editor(demo_site):
    return get_user_model().objects.create_superuser(EDITOR[0], "csp@example.id", EDITOR[1])


def sign_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.locator("#id_username").fill(EDITOR[0])
    page.locator("#id_password").fill(EDITOR[1])
    page.locator("form.login-form button[type=submit]").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def test_the_recorder_sees_violations(demo_site, page):
    """Without this, the tests below would pass with a recorder that hears nothing."""
    violations = watch_csp(page)
    visit(page, f"{demo_site}/id/")

    page.evaluate(
        """() => {
        document.body.insertAdjacentHTML("beforeend", '<img src="https://example.org/x.png">');
        document.querySelector("main").setAttribute("style", "color: red");
    }"""
    )
    page.wait_for_timeout(200)

    seen = " ".join(violations())
    assert "img-src" in seen
    assert "style" in seen


@pytest.mark.parametrize("language", ["id", "en"])
def test_public_pages_break_no_policy_rule(demo_site, page, language):
    violations = watch_csp(page)

    for kind, path in public_pages(language).items():
        visit(page, f"{demo_site}{path}")
        assert violations() == [], f"{kind}: {path}"

    # Still on the resource page: its video plays from youtube-nocookie.com.
    play_video(page, demo_site)
    assert violations() == []


@pytest.mark.parametrize("language", ["id", "en"])
def test_public_pages_with_the_userbar_break_no_policy_rule(demo_site, editor, page, language):
    sign_in(page, demo_site)
    violations = watch_csp(page)

    for kind, path in public_pages(language).items():
        visit(page, f"{demo_site}{path}")
        trigger = page.locator("wagtail-userbar #wagtail-userbar-trigger")
        expect(trigger).to_be_visible()
        if kind == "home":
            trigger.click()  # the userbar's menu opens
            expect(page.locator("wagtail-userbar #wagtail-userbar-items")).to_be_visible()
        assert violations() == [], f"{kind}: {path}"

    play_video(page, demo_site)
    assert violations() == []


def test_the_admin_preview_panel_may_frame_the_page(demo_site, editor, page):
    """Wagtail renders previews with the page's public URL, so they carry the public policy:
    its frame-ancestors must let the admin's preview panel (same origin) show them."""
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="id", depth=2)
    sign_in(page, demo_site)
    violations = watch_csp(page)

    page.goto(f"{demo_site}/admin/pages/{home.pk}/edit/")
    page.locator('button[data-side-panel-toggle="preview"]').click()

    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(home.hero_heading or home.title)
    assert violations() == []
