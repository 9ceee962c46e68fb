"""Searching in a real browser: suggestions as the teacher types, and the search page
working with JavaScript off."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import DEVICES, TIMEOUT_MS


def test_suggestions_appear_as_the_teacher_types(demo_site, phone_page):
    phone_page.goto(f"{demo_site}/id/")
    box = phone_page.locator("#site-search-q")
    box.press_sequentially("asesmen diag", delay=30)
    suggestions = phone_page.locator("#site-search-q-suggestions a")
    expect(suggestions.first).to_be_visible()
    expect(suggestions.first).to_contain_text(re.compile("diagnostik", re.IGNORECASE))
    # Arrow down moves into the list; Enter opens the suggested page.
    box.press("ArrowDown")
    target = suggestions.first.get_attribute("href")
    phone_page.keyboard.press("Enter")
    phone_page.wait_for_url(f"{demo_site}{target}")


def test_search_and_facets_work_without_javascript(demo_site, browser):
    context = browser.new_context(**DEVICES["phone"], java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto(f"{demo_site}/id/")
        page.fill("#site-search-q", "asesmen")
        page.locator(".site-search button").click()
        page.wait_for_url(re.compile(r"/id/cari/\?q=asesmen"))
        total = int(page.locator(".result-count").get_attribute("data-count"))
        assert total > 1
        expect(page.locator(".search-hit mark").first).to_be_visible()

        facet = page.locator('[data-facet="kind"] a[data-value="resource"]')
        expected = int(facet.locator(".facet__count").get_attribute("data-count"))
        facet.click()
        assert int(page.locator(".result-count").get_attribute("data-count")) == expected
        assert page.locator(".search-hit").count() == min(expected, 20)
    finally:
        context.close()
