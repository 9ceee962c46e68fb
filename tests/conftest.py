"""Shared fixtures: small, explicit, built through Wagtail's and wagtail-localize's own APIs."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object

from home.models import HomePage, StandardPage
from portal.compile_messages import compile_all


def pytest_configure(config):
    # Translated-output tests need the .mo files; compile them if they are stale and
    # drop catalogues Django may already have cached without them.
    if compile_all():
        from django.utils.translation import trans_real

        trans_real._translations = {}
        trans_real._default = None


def _kind(item):
    """pytest-django's order of a test: "rollback" (in a transaction rolled back), then
    "commit" (transactional: the database is emptied after it), then no database."""
    marker = item.get_closest_marker("django_db")
    fixtures = item.fixturenames
    if (marker and marker.kwargs.get("transaction")) or {"transactional_db", "live_server"} & set(
        fixtures
    ):
        return "commit"
    return "rollback" if marker or "db" in fixtures else None


def pytest_collection_modifyitems(items):
    """Under pytest-xdist (`make test`) a file's tests run together on one worker, in the
    file's place in pytest-django's order. A file with both kinds would run its committing
    tests early, and the rolled-back tests after them on that worker would find the
    database emptied: keep them in separate files."""
    kinds = {}
    for item in items:
        kinds.setdefault(item.path, set()).add(_kind(item))
    mixed = sorted(str(path) for path, found in kinds.items() if {"rollback", "commit"} <= found)
    if mixed:
        raise pytest.UsageError(
            "These files mix transactional tests with tests rolled back in a transaction; "
            "move the transactional ones to a file of their own: " + ", ".join(mixed)
        )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a cached answer of one test's database must
    not leak into the next (the database is rolled back, a local-memory cache is not)."""
    from django.conf import settings
    from django.core.cache import caches

    from home import page_cache

    for alias in settings.CACHES:  # the page cache ("pages") too
        caches[alias].clear()
    # A test that made the cache fail (Redis down) must not leave it switched off for the
    # next ones: without the generation the chrome and private sections go uncached.
    page_cache.reset_availability()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The bilingual demo content (`load_demo`), loaded once for all the tests of a module.

    Loading it takes about 15 seconds, most of it wagtail-localize's translations. It is
    loaded in a transaction that stays open for the module: each test runs in a savepoint
    of it (pytest-django's own transaction), and the whole is rolled back at the end, so the
    next module's tests start from the empty database. wagtail-localize publishes
    translations on commit, so those callbacks run at once, as on a real commit."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", stdout=io.StringIO())
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def locale_id(db):
    return Locale.objects.get(language_code="id")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_id(db):
    """The Indonesian home page created by the home app's data migration."""
    return HomePage.objects.get(locale__language_code="id", depth=2)


def translate_page(page, locale, **changes):
    """Translate `page` with wagtail-localize, then edit and publish the copy."""
    translate_object(page, [locale])
    translated = page.get_translation(locale).specific
    for field, value in changes.items():
        setattr(translated, field, value)
    translated.save_revision().publish()
    return translated


@pytest.fixture
def home_en(home_id, locale_en):
    return translate_page(home_id, locale_en, title="Home", slug="home")


def add_page(parent, model=StandardPage, **fields):
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-"))
    page = model(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def about_pages(home_id, home_en, locale_en):
    """An Indonesian "Tentang" page and its English translation."""
    about = add_page(home_id, title="Tentang", slug="tentang", show_in_menus=True)
    about_en = translate_page(about, locale_en, title="About", slug="about")
    return about, about_en
