"""End-to-end fixtures: Playwright drives Debian's Chromium against pytest-django's live server.

- `browser` (session): one headless Chromium, /usr/bin/chromium, never a downloaded browser.
- `open_page(device)`: a fresh context + page ("phone" or "desktop"); `phone_page`,
  `desktop_page` and `page` (phone unless parametrised indirectly) are shortcuts. Every page
  records the URLs it requests (`requested_urls(page)`) and aborts any request that does
  not go to the live server, so no test ever touches the network.
- `demo_site`: the live server with `load_demo` content and the default Site pointing at it.
"""

import io
import os
import weakref
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.signals import m2m_changed, post_save, pre_save
from factory.django import mute_signals

E2E_DIR = Path(__file__).resolve().parent
SCREENSHOTS_DIR = E2E_DIR.parents[1] / "docs" / "screenshots"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
DEVICES = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
TIMEOUT_MS = 10_000

# Page -> list of every URL it requested (any frame), filled by a page.on("request") listener.
_REQUESTS = weakref.WeakKeyDictionary()
# The database right after the first `load_demo` of the session (see demo_site).
_DEMO_SNAPSHOT = {}


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Mark everything under tests/e2e with `e2e`, and run those tests last.

    Marked before the other implementations run (so `-m e2e` / `-m "not e2e"` see it);
    moved last after them, that is after pytest-django has put transactional tests after
    the others. Once the session's browser is up, Playwright's event loop runs in the main
    thread, and e2e tests end with a flushed database: neither may reach a later test."""
    e2e = {item.nodeid for item in items if E2E_DIR in Path(item.path).resolve().parents}
    for item in items:
        if item.nodeid in e2e:
            item.add_marker(pytest.mark.e2e)
    result = yield
    items.sort(key=lambda item: item.nodeid in e2e)  # stable: keeps the order within groups
    return result


def requested_urls(page):
    """Every URL the page has requested so far, in order (blocked ones included)."""
    return list(_REQUESTS[page])


def foreign_requests(page, base_url):
    """Requested URLs that did not go to `base_url` (the live server)."""
    return [url for url in requested_urls(page) if not _is_local(url, base_url)]


def _is_local(url, base_url):
    # data: and blob: URLs never leave the browser.
    return url.startswith((base_url.rstrip("/") + "/", "data:", "blob:"))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium (never `playwright install`)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)

    from playwright.sync_api import sync_playwright

    # While Playwright's event loop is running in this thread, asgiref's Local (Django's
    # connection registry) switches to context-var storage, so Django would open new
    # connection objects: without the test database's serialized contents (serialized
    # rollback would silently restore nothing) and not shared with the live server thread.
    # Keep using the connections pytest-django set up.
    originals = {alias: connections[alias] for alias in connections}
    # Django refuses ORM calls from a thread with a running event loop; the e2e tests and
    # fixtures make them (synchronously) while Playwright's loop runs. Only for that long.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        for alias, connection in originals.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def open_page(browser, live_server):
    """Factory: open_page("phone" | "desktop", **context_options) -> a Page in its own
    browser context (options as for Browser.new_context, e.g. bypass_csp=True)."""
    contexts = []
    base_url = live_server.url

    def block_foreign(route):
        if _is_local(route.request.url, base_url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def make(device="phone", **context_options):
        context = browser.new_context(**DEVICES[device], **context_options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        urls = _REQUESTS[page] = []
        page.on("request", lambda request: urls.append(request.url))
        page.route("**/*", block_foreign)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def phone_page(open_page):
    return open_page("phone")


@pytest.fixture
def desktop_page(open_page):
    return open_page("desktop")


@pytest.fixture
def page(request, open_page):
    """A phone-sized page; `@pytest.mark.parametrize("page", ["desktop"], indirect=True)`
    gives another device."""
    return open_page(getattr(request, "param", "phone"))


@pytest.fixture
def demo_site(live_server, django_db_serialized_rollback):
    """The live server's URL, serving the bilingual demo content.

    live_server makes the test transactional, so wagtail-localize's on_commit publishing
    runs as it does for real; serialized rollback restores what the data migrations
    created (locales, the Indonesian home page, the default Site) after each test's flush.

    The first test runs `load_demo` and points the default Site at the live server; the
    resulting database is kept and restored for later tests (well under a second, where
    `load_demo` takes several and grows with every app's demo content)."""
    from wagtail.models import Site

    connection = connections[DEFAULT_DB_ALIAS]
    if _DEMO_SNAPSHOT:
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        # The snapshot already holds every side effect of those saves (search and reference
        # index rows, groups, permissions...): replaying the model signals would redo them,
        # on a half-restored database.
        with mute_signals(pre_save, post_save, m2m_changed):
            connection.creation.deserialize_db_from_string(_DEMO_SNAPSHOT["data"])
        # Rows came back with their ids: move PostgreSQL's sequences past them, as
        # loaddata does, or the next page a test creates collides (no-op on SQLite).
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)
    else:
        call_command("load_demo", stdout=io.StringIO())
        address = urlsplit(live_server.url)
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port = address.hostname, address.port
        site.save()
        _DEMO_SNAPSHOT["data"] = connection.creation.serialize_db_to_string()
    # The live server thread shares this process's caches (pages cached by an earlier
    # test would outlive the database they were rendered from).
    for backend in caches.all():
        backend.clear()
    return live_server.url
