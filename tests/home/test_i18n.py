"""Both languages: lang attributes, hreflang alternates, the switcher, redirects, 404s."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tests.conftest import add_page

pytestmark = pytest.mark.django_db


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav))


def test_both_home_pages_render_with_their_language_and_alternates(client, home_en):
    id_html = client.get("/id/").content.decode()
    en_html = client.get("/en/").content.decode()

    assert '<html lang="id">' in id_html
    assert '<html lang="en">' in en_html
    for html in (id_html, en_html):
        links = alternates(html)
        assert links["id"].endswith("/id/")
        assert links["en"].endswith("/en/")
        assert links["x-default"] == links["id"]
    # Interface strings follow the language too.
    assert "Langsung ke konten utama" in id_html
    assert "Skip to main content" in en_html


def test_switcher_on_a_translated_page_points_to_its_translation(client, about_pages):
    id_html = client.get("/id/tentang/").content.decode()
    en_html = client.get("/en/about/").content.decode()

    assert switcher_links(id_html) == {"/en/about/": "en"}
    assert switcher_links(en_html) == {"/id/tentang/": "id"}


def test_switcher_without_translation_goes_to_nearest_translated_page(client, about_pages):
    about, _ = about_pages
    add_page(about, title="Hanya Indonesia", slug="hanya-indonesia")

    response = client.get("/id/tentang/hanya-indonesia/")

    assert response.status_code == 200
    assert switcher_links(response.content.decode()) == {"/en/about/": "en"}
    # A page without translation announces only its own language.
    assert set(alternates(response.content.decode())) == {"id", "x-default"}


def test_menu_lists_pages_of_the_active_language_only(client, about_pages):
    id_html = client.get("/id/").content.decode()
    en_html = client.get("/en/").content.decode()

    assert 'href="/id/tentang/"' in id_html and 'href="/en/about/"' not in id_html
    assert 'href="/en/about/"' in en_html and 'href="/id/tentang/"' not in en_html


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-US,en;q=0.9", "/en/"),
        ("id-ID,id;q=0.9,en;q=0.5", "/id/"),
        ("fr-FR,fr;q=0.9", "/id/"),
        ("", "/id/"),
    ],
)
def test_root_redirects_to_the_visitors_language(client, home_en, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("path", "heading", "lang"),
    [
        ("/id/tidak-ada/", "Halaman tidak ditemukan", "id"),
        ("/en/does-not-exist/", "Page not found", "en"),
    ],
)
def test_404_page_is_translated(client, home_en, path, heading, lang):
    response = client.get(path)

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html


def test_500_page_is_translated():
    with translation.override("id"):
        html = render_to_string("500.html")
    assert "Terjadi kesalahan" in html
    assert '<html lang="id">' in html
