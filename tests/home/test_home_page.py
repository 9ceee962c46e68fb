"""The home page's links (hero button, sections) are remembered, yet follow every publish."""

import pytest
from django.test.utils import override_settings

from tests.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache():
    with override_settings(PAGE_CACHE_TIMEOUT=0):
        yield


def test_hero_button_links_to_the_page_in_the_visitors_language(client, about_pages, home_en):
    about, about_en = about_pages
    for home in (about.get_parent().specific, home_en):
        home.hero_cta_page = about
        home.hero_cta_text = "Mulai"
        home.save_revision().publish()
    assert 'class="button" href="/id/tentang/"' in client.get("/id/").text
    assert 'class="button" href="/en/about/"' in client.get("/en/").text


def test_hero_button_follows_a_new_target(client, home_id):
    first = add_page(home_id, title="Tentang", slug="tentang")
    second = add_page(home_id, title="Panduan", slug="panduan")
    home_id.hero_cta_page, home_id.hero_cta_text = first, "Mulai"
    home_id.save_revision().publish()
    assert 'href="/id/tentang/">Mulai' in client.get("/id/").text
    home_id.hero_cta_page = second
    home_id.save_revision().publish()
    assert 'href="/id/panduan/">Mulai' in client.get("/id/").text
