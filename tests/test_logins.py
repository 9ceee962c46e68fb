"""Throttled sign-in on the Wagtail admin (django-axes): 5 wrong passwords for one username
from one address lock that pair out for 15 minutes, with a clear page rather than an error."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.db.models import F
from django.test import override_settings
from django.utils import translation

from portal.settings.base import BASE_DIR

LOGIN_URL = "/admin/login/"
PASSWORD = "a-good-long-passphrase-for-tests"
IP_A = "203.0.113.10"
IP_B = "198.51.100.20"
PROXY = "10.0.0.2"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        username="editor", email="editor@example.id", password=PASSWORD, is_superuser=True
    )


def sign_in(client, password, username="editor", **meta):
    meta.setdefault("REMOTE_ADDR", IP_A)
    return client.post(
        LOGIN_URL, {"username": username, "password": password, "next": "/admin/"}, **meta
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def lockout_texts():
    """The lockout page's heading and message, in the admin's language (Indonesian)."""
    with translation.override("id"):
        heading = translation.gettext("Too many failed sign-in attempts")
        message = translation.ngettext(
            "For your security, signing in to this account from your network is blocked for "
            "%(minutes)s minute.",
            "For your security, signing in to this account from your network is blocked for "
            "%(minutes)s minutes.",
            15,
        ) % {"minutes": 15}
    return heading, message


def lock_out(client, **meta):
    responses = [sign_in(client, "wrong", **meta) for _ in range(5)]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]
    return responses[-1]


def test_the_right_password_signs_in(client, editor):
    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert signed_in(client)


def test_wrong_passwords_get_the_normal_form_error_until_the_limit(client, editor):
    response = sign_in(client, "wrong")

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not signed_in(client)


def test_five_wrong_passwords_lock_out_username_and_address(client, editor):
    response = lock_out(client)

    heading, message = lockout_texts()
    html = " ".join(response.content.decode().split())
    assert heading in html
    assert message in html
    assert "axes/lockout.html" in [template.name for template in response.templates]

    # Even the right password is refused now, with the same page.
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert heading in response.content.decode()
    assert not signed_in(client)


def test_another_address_is_not_locked_out(client, editor):
    lock_out(client, REMOTE_ADDR=IP_A)

    response = sign_in(client, PASSWORD, REMOTE_ADDR=IP_B)

    assert response.status_code == 302
    assert signed_in(client)


def test_another_username_from_the_same_address_is_not_locked_out(client, editor):
    get_user_model().objects.create_user(username="other", password=PASSWORD, is_superuser=True)
    lock_out(client)

    assert sign_in(client, PASSWORD, username="other").status_code == 302


def test_sign_in_works_again_after_the_cool_off(client, editor):
    lock_out(client)
    # Sixteen minutes later.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))

    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_a_success_resets_the_count(client, editor):
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302


def test_lockouts_are_never_permanent(rf):
    # django-axes locks out for good unless AXES_COOLOFF_TIME is set.
    assert get_cool_off(rf.get(LOGIN_URL)) == timedelta(minutes=15)


# Behind a reverse proxy


def proxy_settings(count):
    """The django-axes / django-ipware settings base.py makes for TRUSTED_PROXY_COUNT=count."""
    names = ["AXES_IPWARE_META_PRECEDENCE_ORDER", "AXES_IPWARE_PROXY_COUNT", "IPWARE_STRICT"]
    code = (
        "import json; from django.conf import settings;"
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {names!r}}}))"
    )
    # The browser tests relax Django's async check for this process; a deployment never does.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "TRUSTED_PROXY_COUNT"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    if count is not None:
        env["TRUSTED_PROXY_COUNT"] = str(count)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    values = json.loads(result.stdout.strip().splitlines()[-1])
    return {name: value for name, value in values.items() if value is not None}


def test_without_a_trusted_proxy_forwarded_for_is_ignored(client, editor):
    assert proxy_settings(None) == {"AXES_IPWARE_META_PRECEDENCE_ORDER": ["REMOTE_ADDR"]}
    lock_out(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=IP_A)

    # A client cannot escape the lockout by sending its own header.
    response = sign_in(client, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=IP_B)
    assert response.status_code == 429


def test_behind_one_proxy_the_client_address_comes_from_forwarded_for(client, editor):
    with override_settings(**proxy_settings(1)):
        lock_out(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=IP_A)

        # The proxy appends the real address; what the client wrote in front does not count.
        forged = sign_in(
            client, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{IP_B}, {IP_A}"
        )
        assert forged.status_code == 429
        other = sign_in(client, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=IP_B)
        assert other.status_code == 302


def test_behind_two_proxies(client, editor):
    with override_settings(**proxy_settings(2)):
        lock_out(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{IP_A}, 10.0.0.3")

        response = sign_in(
            client, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{IP_B}, 10.0.0.3"
        )
        assert response.status_code == 302
