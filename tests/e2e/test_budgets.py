"""Performance budgets, measured in Chromium: each key page (HTML + CSS + JS + fonts, images
and video excluded) weighs under 100 KB compressed, asks for at most 2 CSS and JS files, and
requests nothing from another host."""

import gzip

from django.urls import reverse
from django.utils import translation

from tests.e2e.conftest import foreign_requests

BUDGET_BYTES = 100 * 1024
MAX_CSS_AND_JS = 2
COUNTED = {"document", "stylesheet", "script", "font"}
# The compression level of Django's GZipMiddleware and nginx's common `gzip_comp_level 6`.
GZIP_LEVEL = 6
SEARCH_QUERY = {"id": "asesmen", "en": "assessment"}


def key_pages(language):
    """Path of each page the budget covers, in `language`."""
    from communities.models import CommunityPage, PracticeArticlePage
    from home.models import HomePage
    from resources.models import LearningResourceIndexPage

    def first(model):
        return model.objects.live().filter(locale__language_code=language).first().url

    with translation.override(language):
        search = reverse("search")
    return {
        "home": first(HomePage),
        "community": first(CommunityPage),
        "article": first(PracticeArticlePage),
        "library + facets": first(LearningResourceIndexPage) + "?level=smp&subject=matematika",
        "search results": f"{search}?q={SEARCH_QUERY[language]}",
    }


def compressed_size(response):
    """Bytes of the response body as sent over a compressing server.

    In production whitenoise sends pre-compressed CSS and JS and the front proxy compresses
    HTML; the test's live server compresses nothing. So for an uncompressed response the
    size is that of its body gzipped here, as the server would send it; for a compressed one
    (Content-Encoding set) it is what Chromium actually received."""
    if response.headers.get("content-encoding"):
        return response.request.sizes()["responseBodySize"]
    return len(gzip.compress(response.body(), compresslevel=GZIP_LEVEL))


def measure(page, url):
    """Load `url` in a fresh page and list (resource type, URL, compressed bytes, header
    bytes) for each counted response."""
    responses = []
    page.on(
        "response",
        lambda response: (
            responses.append(response) if response.request.resource_type in COUNTED else None
        ),
    )
    page.goto(url, wait_until="networkidle")
    rows = []
    for response in responses:
        assert response.status < 400, f"{response.status} for {response.url}"
        rows.append(
            (
                response.request.resource_type,
                response.url,
                compressed_size(response),
                response.request.sizes()["responseHeadersSize"],
            )
        )
    return rows


def table(results):
    lines = [f"{'page':<23} {'requests':>8} {'CSS+JS':>6} {'bytes':>9}  (gzip, headers included)"]
    for name, rows in results.items():
        total = sum(body + headers for _, _, body, headers in rows)
        css_js = sum(kind in {"stylesheet", "script"} for kind, *_ in rows)
        lines.append(f"{name:<23} {len(rows):>8} {css_js:>6} {total:>9,}")
    return "\n".join(lines)


def test_the_measure_counts_what_the_browser_loads(demo_site, phone_page):
    """The home page's own stylesheet and script are counted, each gzipped smaller than sent."""
    rows = measure(phone_page, f"{demo_site}/id/")
    kinds = [kind for kind, *_ in rows]
    assert kinds.count("document") == 1
    assert {"stylesheet", "script"} <= set(kinds), rows
    for kind, url, body, _ in rows:
        if kind != "document":
            raw = phone_page.request.get(url).body()
            assert 0 < body < len(raw), (url, body, len(raw))


def test_key_pages_stay_within_budget(demo_site, open_page):
    """At phone size (the desktop layout is the same HTML, CSS and JS), in both languages."""
    results, problems = {}, []
    for language in ("id", "en"):
        for name, path in key_pages(language).items():
            name = f"{name} ({language})"
            page = open_page("phone")  # a fresh context: an empty cache, as for a first visit
            rows = results[name] = measure(page, f"{demo_site}{path}")
            total = sum(body + headers for _, _, body, headers in rows)
            css_js = [url for kind, url, *_ in rows if kind in {"stylesheet", "script"}]
            if total >= BUDGET_BYTES:
                problems.append(f"{name}: {total:,} bytes >= {BUDGET_BYTES:,}")
            if len(css_js) > MAX_CSS_AND_JS:
                problems.append(f"{name}: {len(css_js)} CSS/JS requests {css_js}")
            if foreign := foreign_requests(page, demo_site):
                problems.append(f"{name}: requests to another host {foreign}")
    print("\nPage weight\n" + table(results))
    assert not problems, "\n".join(problems) + "\n" + table(results)
