"""The meeting registration form against forged posts and spam, without third parties: CSRF,
a honeypot field, and a rate limit per client address and meeting."""

import logging
import re

import pytest
from django.core.cache import cache, caches
from django.test import Client, override_settings
from django.utils import translation

from communities.models import Registration
from communities.registration import RegistrationForm
from tests.communities.conftest import (  # noqa: F401 - fixtures
    community_a,
    community_b,
    community_index,
    region_x,
    region_y,
)
from tests.communities.meeting_helpers import WIB, WITA, frozen_now, second_thursday  # noqa: F401

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.10"
OTHER = "198.51.100.20"
PROXY = "10.0.0.2"
# What portal/settings/base.py sets for TRUSTED_PROXY_COUNT=1 (see tests/test_logins.py).
ONE_PROXY = {
    "AXES_IPWARE_META_PRECEDENCE_ORDER": ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
    "AXES_IPWARE_PROXY_COUNT": 0,
    "IPWARE_STRICT": False,
}


@pytest.fixture
def meeting(frozen_now, community_a):  # noqa: F811
    return second_thursday(community_a, WITA)


def data(**changes):
    values = {
        "occurrence": "20261210T1400",
        "name": "Dewi Lestari",
        "school": "SD Negeri 1 Negara",
        "email": "dewi@example.org",
        "whatsapp": "",
        "consent": "on",
        "website": "",
    }
    values.update(changes)
    return values


def post(client, meeting, address=ADDRESS, **changes):
    return client.post(meeting.url + "daftar/", data(**changes), REMOTE_ADDR=address)


def test_the_form_needs_its_csrf_token(meeting):
    client = Client(enforce_csrf_checks=True)
    forged = client.post(meeting.url + "daftar/", data())
    assert forged.status_code == 403
    assert Registration.objects.count() == 0

    page = client.get(meeting.url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = client.post(meeting.url + "daftar/", {**data(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Registration.objects.count() == 1


def test_the_honeypot_is_hidden_by_css_out_of_tab_order_and_labelled(client, meeting):
    html = client.get(meeting.url).text
    trap = re.search(r'<div class="field visually-hidden">(.*?)</div>', html, re.S)
    assert trap is not None
    with translation.override("id"):
        label = str(RegistrationForm.base_fields["website"].label)
    assert label in trap.group(1)
    field = re.search(r"<input[^>]*name=\"website\"[^>]*>", trap.group(1)).group(0)
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field
    assert "style=" not in field  # CSP forbids inline styles


def test_a_filled_honeypot_stores_nothing_but_looks_like_success(client, meeting, caplog):
    with caplog.at_level(logging.WARNING, logger="communities.registration"):
        response = post(client, meeting, website="https://spam.example")

    assert response.status_code == 200
    assert "communities/meeting_registered.html" in [t.name for t in response.templates]
    assert "Dewi Lestari" in response.text
    assert Registration.objects.count() == 0
    assert "honeypot" in caplog.text


@override_settings(REGISTRATION_RATE_LIMIT=3)
def test_posts_over_the_limit_get_a_friendly_429(client, meeting):
    answers = [post(client, meeting, email=f"guru{n}@example.org") for n in range(3)]
    assert [a.status_code for a in answers] == [302, 302, 302]

    response = post(client, meeting, email="guru4@example.org")

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert response.context["registration_notice"] in response.text
    assert "60" in response.context["registration_notice"]
    assert 'value="guru4@example.org"' in response.text  # the answers are kept
    assert Registration.objects.count() == 3
    # Another address is not limited.
    assert post(client, meeting, address=OTHER, email="lain@example.org").status_code == 302


@override_settings(REGISTRATION_RATE_LIMIT=2)
def test_invalid_posts_count_too_and_the_limit_is_per_meeting(client, meeting, community_b):  # noqa: F811
    for _ in range(2):
        assert post(client, meeting, email="bukan-email").status_code == 200
    assert post(client, meeting).status_code == 429
    other_meeting = second_thursday(community_b, WIB, title="Pertemuan lain")
    assert post(client, other_meeting).status_code == 302


@override_settings(REGISTRATION_RATE_LIMIT=1)
def test_duplicates_are_still_refused_below_the_limit(client, meeting):
    assert post(client, meeting).status_code == 302
    response = post(client, meeting, address=OTHER)
    assert response.status_code == 200
    assert "already registered" in response.text
    assert Registration.objects.count() == 1


@override_settings(REGISTRATION_RATE_LIMIT=1, REGISTRATION_RATE_WINDOW=60)
def test_the_window_ends(client, meeting):
    assert post(client, meeting).status_code == 302
    assert post(client, meeting, email="b@example.org").status_code == 429
    cache.clear()  # what the window's expiry does
    assert post(client, meeting, email="b@example.org").status_code == 302


@override_settings(REGISTRATION_RATE_LIMIT=1)
def test_without_a_trusted_proxy_forwarded_for_is_ignored(client, meeting):
    url = meeting.url + "daftar/"
    assert client.post(url, data(), HTTP_X_FORWARDED_FOR=ADDRESS).status_code == 302
    forged = client.post(url, data(email="b@example.org"), HTTP_X_FORWARDED_FOR=OTHER)
    assert forged.status_code == 429  # the same REMOTE_ADDR


@override_settings(REGISTRATION_RATE_LIMIT=1, **ONE_PROXY)
def test_behind_a_proxy_the_client_address_is_the_one_axes_uses(client, meeting):
    def via_proxy(forwarded_for, email):
        return client.post(
            meeting.url + "daftar/",
            data(email=email),
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    assert via_proxy(ADDRESS, "a@example.org").status_code == 302
    assert via_proxy(f"{OTHER}, {ADDRESS}", "b@example.org").status_code == 429  # forged prefix
    assert via_proxy(OTHER, "c@example.org").status_code == 302  # another teacher


def test_a_cache_that_is_down_never_blocks_the_form(client, meeting, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache unavailable")

    backend = caches["default"]  # the object behind django.core.cache.cache
    monkeypatch.setattr(backend, "add", down)
    with override_settings(REGISTRATION_RATE_LIMIT=1):
        assert post(client, meeting).status_code == 302
        assert post(client, meeting, email="b@example.org").status_code == 302
    # django-redis with IGNORE_EXCEPTIONS answers None instead of raising.
    monkeypatch.setattr(backend, "add", lambda *args, **kwargs: None)
    monkeypatch.setattr(backend, "incr", lambda *args, **kwargs: None)
    with override_settings(REGISTRATION_RATE_LIMIT=1):
        assert post(client, meeting, email="c@example.org").status_code == 302
    assert Registration.objects.count() == 3


def test_the_cache_never_holds_the_address(client, meeting):
    post(client, meeting)
    keys = list(cache._cache)  # local-memory cache internals: the stored keys
    assert any("registration-rate" in key for key in keys)
    assert not any(ADDRESS in key for key in keys)
