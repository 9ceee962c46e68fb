"""The demo content: bilingual, complete, and safe to load twice."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import FooterText

# Every test reads the demo as `make run` loads it, loaded once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content")]


def test_load_demo_twice_leaves_the_same_content(django_capture_on_commit_callbacks):
    pages = Page.objects.count()
    footers = FooterText.objects.count()

    # As it runs for real: wagtail-localize publishes translations on commit.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())

    assert Page.objects.count() == pages
    assert FooterText.objects.count() == footers == 2


def test_every_demo_page_renders_in_both_languages(client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    by_language = {"id": 0, "en": 0}

    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'<html lang="{page.locale.language_code}">' in response.content.decode()
        by_language[page.locale.language_code] += 1

    assert by_language["id"] == by_language["en"] > 1


def test_english_demo_is_translated_not_copied(client):
    html = client.get("/en/about/").content.decode()

    assert "Three characteristics of a community of practice" in html
    assert "Tiga ciri" not in html
    assert "The Komunitas Praktisi portal is run jointly" in html  # English footer


@pytest.mark.parametrize(
    ("url", "headings"),
    [
        ("/id/", ["Pertemuan mendatang", "Praktik baik terbaru", "Koleksi sumber belajar pilihan"]),
        (
            "/en/",
            ["Upcoming meetings", "Latest good practice", "Featured learning resource collections"],
        ),
    ],
)
def test_home_page_shows_meetings_practice_and_featured_resources(client, url, headings):
    html = client.get(url).content.decode()

    for heading in headings:
        assert heading in html
    assert html.count('class="meeting-list__item"') == 4
    assert html.count('class="card practice-card"') == 3
