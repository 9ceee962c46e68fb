"""The Wagtail admin is in Indonesian unless the editor picked another language in their
account, whatever the browser asks for; public pages keep following their URL prefix."""

import re

import pytest
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def html_lang(response):
    return re.search(r'<html[^>]* lang="([\w-]+)"', response.content.decode()).group(1)


def set_preferred_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize("with_profile", [False, True])
def test_admin_is_indonesian_for_editors_without_a_preference(client, editor_x, with_profile):
    if with_profile:
        set_preferred_language(editor_x, "")  # "Use server language"
    client.force_login(editor_x)

    response = client.get("/admin/", **ENGLISH_BROWSER)

    assert response.status_code == 200
    assert html_lang(response) == "id"
    assert "Dasbor" in response.content.decode()


def test_admin_is_english_for_editors_who_chose_english(client, editor_x):
    set_preferred_language(editor_x, "en")
    client.force_login(editor_x)

    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="id")

    assert html_lang(response) == "en"
    assert "Dashboard" in response.content.decode()


def test_choosing_english_in_the_account_form_switches_the_admin(client, editor_x):
    client.force_login(editor_x)
    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Editor",
            "name_email-last_name": "Jembrana",
            "name_email-email": editor_x.email,
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
        **ENGLISH_BROWSER,
    )
    assert response.status_code == 302
    assert UserProfile.get_for_user(editor_x).preferred_language == "en"

    assert html_lang(client.get("/admin/")) == "en"


def test_admin_login_page_is_indonesian_for_an_english_browser(client):
    response = client.get("/admin/login/", **ENGLISH_BROWSER)

    assert html_lang(response) == "id"


def test_public_pages_still_follow_their_prefix(client, home_en):
    assert html_lang(client.get("/en/", HTTP_ACCEPT_LANGUAGE="id")) == "en"
    assert html_lang(client.get("/id/", **ENGLISH_BROWSER)) == "id"
    assert client.get("/", **ENGLISH_BROWSER)["Location"] == "/en/"
