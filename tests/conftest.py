"""Shared fixtures: small, explicit, built through Wagtail's and wagtail-localize's own APIs."""

import pytest
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
