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
    assert switcher_links(response.content.decode()) == {"/en/about/?only_in=id": "en"}
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


def fallback_notice(html):
    match = re.search(r'<p class="notice fallback-notice"[^>]*data-only-in="(\w+)">(.*?)</p>', html)
    return match.groups() if match else None


def test_fallback_link_lands_on_a_notice_in_english(client, about_pages):
    about, _ = about_pages
    add_page(about, title="Hanya Indonesia", slug="hanya-indonesia")
    link = next(
        url
        for url, code in switcher_links(
            client.get("/id/tentang/hanya-indonesia/").content.decode()
        ).items()
        if code == "en"
    )

    html = client.get(link).content.decode()

    assert fallback_notice(html) == ("id", "The page you were on is available only in Indonesian.")
    # The same page without the parameter, and exact switcher links, carry no notice.
    assert fallback_notice(client.get("/en/about/").content.decode()) is None
    assert switcher_links(html) == {"/id/tentang/": "id"}


def test_fallback_link_from_an_english_only_page_lands_on_an_indonesian_notice(client, about_pages):
    _, about_en = about_pages
    add_page(about_en, title="English only", slug="english-only")

    html = client.get("/en/about/english-only/").content.decode()
    links = switcher_links(html)
    assert links == {"/id/tentang/?only_in=en": "id"}
    # A fallback is not an alternate version of the page.
    assert 'rel="alternate">Bahasa Indonesia' not in html

    landing = client.get("/id/tentang/?only_in=en").content.decode()
    assert fallback_notice(landing)[0] == "en"
    assert '<html lang="id">' in landing


@pytest.mark.parametrize(
    "query",
    [
        "only_in=fr",
        "only_in=en",  # the page's own language: nothing to explain
        "only_in=%3Cscript%3Ealert(1)%3C/script%3E",
        "only_in=",
        "only_in=id&only_in=%22%3E",  # the last value counts, and it is unknown
    ],
)
def test_bogus_fallback_parameters_are_ignored(client, about_pages, query):
    response = client.get(f"/en/about/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert fallback_notice(html) is None
    assert "<script>alert" not in html
