"""Accessibility in a real browser: axe-core (pinned in tests/e2e/package-lock.json, installed by
`make pytest` with `npm ci --prefix tests/e2e`) finds no WCAG 2.x A or AA violation on any
page type, in both languages, at phone width and, for the busiest pages, at desktop width."""

import os

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.e2e.conftest import E2E_DIR

AXE_JS = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP_KINDS = ["home", "community", "meeting", "article", "library", "search"]
SEARCH_QUERY = {"id": "asesmen", "en": "assessment"}
RUN_AXE = """async (tags) => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
    return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}"""


@pytest.fixture
def axe_page(open_page):
    """Factory: a page (phone or desktop) that can run axe-core.

    The site's Content-Security-Policy allows scripts from the site only: the <script> that
    add_script_tag(path=...) inserts carries axe's source inline, and the browser would
    refuse it. `bypass_csp` lifts the policy for this test context only; test_csp.py checks
    the policy itself, with it enforced."""
    if not AXE_JS.exists():
        message = f"{AXE_JS} is missing: run `make e2e-tools` (npm ci --prefix tests/e2e)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return lambda device="phone": open_page(device, bypass_csp=True)


def axe_violations(page):
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def report(found):
    """One line per violation: where, which rule, how bad, which elements, how to fix."""
    lines = []
    for where, violations in found:
        for violation in violations:
            targets = ", ".join(violation["targets"][:5])
            lines.append(
                f"{where}: {violation['id']} ({violation['impact']}) {violation['help']}"
                f" on {targets} - {violation['helpUrl']}"
            )
    return "\n".join(lines)


def first_url(model, language, **filters):
    page = model.objects.live().filter(locale__language_code=language, **filters).first()
    assert page, f"demo content has no live {model.__name__} in {language}"
    return page.url


def registration_url(language):
    """A teacher's confirmation page: registered for the next date of an upcoming meeting."""
    from communities.models import MeetingPage, Registration

    meetings = MeetingPage.objects.live().filter(locale__language_code=language)
    meeting = next(m for m in meetings.order_by("pk") if m.upcoming_occurrences(limit=1))
    registration = Registration.objects.create(
        meeting=meeting,
        occurrence_start=meeting.upcoming_occurrences(limit=1)[0].start,
        name="Siti Rahma",
        school="SMP Negeri 2 Negara",
        email="siti@example.id",
        consent_given_at=timezone.now(),
    )
    return meeting.url + meeting.reverse_subpage("registered", args=[registration.token])


def page_paths(language):
    """One path of every public page type in `language`."""
    from communities.models import (
        AgendaPage,
        CommunityIndexPage,
        CommunityPage,
        MeetingPage,
        PracticeArticleIndexPage,
        PracticeArticlePage,
        RegionPage,
    )
    from home.models import HomePage, StandardPage
    from resources.models import LearningResourceIndexPage, LearningResourcePage

    with translation.override(language):
        search = reverse("search")
    return {
        "home": first_url(HomePage, language),
        "standard": first_url(StandardPage, language),
        "communities": first_url(CommunityIndexPage, language),
        "region": first_url(RegionPage, language),
        "community": first_url(CommunityPage, language),
        "agenda": first_url(AgendaPage, language),
        "meeting": first_url(MeetingPage, language, summary__gt=""),
        "registered": registration_url(language),
        "articles": first_url(PracticeArticleIndexPage, language),
        "article": first_url(PracticeArticlePage, language),
        "library": first_url(LearningResourceIndexPage, language) + "?level=smp",
        "resource": first_url(LearningResourcePage, language, video_url__startswith="https://"),
        "search": f"{search}?q={SEARCH_QUERY[language]}",
        "not-found": f"/{language}/no-such-page-here/",
    }


def test_axe_reports_what_it_finds(demo_site, axe_page):
    """Without this, the tests below would pass with an axe that checks nothing."""
    page = axe_page()
    page.goto(f"{demo_site}/id/")
    page.evaluate(
        """() => document.querySelector("main").insertAdjacentHTML(
            "beforeend", '<img src="/static/missing.png"><a href="/id/"></a>')"""
    )
    found = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "link-name"} <= found, found


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_page_type_has_no_wcag_violation(demo_site, axe_page, language):
    paths = page_paths(language)
    phone, desktop = axe_page("phone"), axe_page("desktop")
    found = []
    for kind, path in paths.items():
        devices = [("phone", phone)] + ([("desktop", desktop)] if kind in DESKTOP_KINDS else [])
        for device, page in devices:
            response = page.goto(f"{demo_site}{path}")
            assert response.status == (404 if kind == "not-found" else 200), path
            assert page.locator("html").get_attribute("lang") == language, path
            violations = axe_violations(page)
            if violations:
                found.append((f"{kind} {path} [{device}]", violations))
    assert not found, "axe-core found WCAG A/AA violations:\n" + report(found)
