"""Security headers: a strict Content-Security-Policy on the public site (not the admin),
nosniff, referrer policy and framing rules; and templates that need no inline script or style."""

import re
import runpy

import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from portal.settings.base import BASE_DIR

TEMPLATES_DIR = BASE_DIR / "templates"
# Admin screens: the admin has no Content-Security-Policy (it would not work under one).
ADMIN_TEMPLATES = ("axes/", "resources/admin/")


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("boss", "boss@example.id", "x-long-pw-123")


def test_public_pages_have_a_strict_content_security_policy(client, home_id):
    policy = directives(client.get("/id/"))

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert not [name for name, values in policy.items() if "'unsafe-inline'" in values]


@pytest.mark.parametrize("path", ["/en/no-such-page/", "/healthz"])
def test_other_public_responses_have_it_too(client, db, path):
    assert "Content-Security-Policy" in client.get(path)


def test_public_pages_have_the_other_security_headers(client, home_id):
    response = client.get("/id/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_admin_has_no_content_security_policy(client, superuser):
    assert "Content-Security-Policy" not in client.get("/admin/login/")
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_page_preview_can_be_framed_by_the_admin(client, superuser, home_id):
    """Wagtail's preview panel frames the preview view. Wagtail renders it through the whole
    middleware stack with the page's public URL, so it gets the public policy: that policy
    must let the admin (same origin) frame it."""
    client.force_login(superuser)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[home_id.pk])).content.decode()
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[home_id.pk])
    post_data = querydict_from_html(edit, form_id="page-edit-form")
    post_data["body-count"] = "0"  # StreamFields are drawn by JavaScript: an empty body

    assert client.post(preview_url, post_data).json() == {"is_valid": True, "is_available": True}
    preview = client.get(preview_url)

    assert preview.status_code == 200
    assert home_id.title in preview.content.decode()
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(preview)["frame-ancestors"] == ["'self'"]


def public_templates():
    for path in sorted(TEMPLATES_DIR.rglob("*.html")):
        name = path.relative_to(TEMPLATES_DIR).as_posix()
        if not name.startswith(ADMIN_TEMPLATES):
            yield name, path.read_text()


def test_public_templates_have_no_inline_script_or_style():
    """What the policy would block: inline <script> (JSON-LD data blocks are not scripts),
    <style>, style="" and on*="" event handler attributes."""
    found = []
    for name, text in public_templates():
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and 'type="application/ld+json"' not in tag:
                found.append((name, tag))
        found += [(name, match) for match in re.findall(r"<style\b|\sstyle=", text)]
        found += [(name, match) for match in re.findall(r"\son[a-z]+=", text)]

    assert found == []
    assert len(list(public_templates())) > 20  # the scan did look at the templates


def test_error_pages_are_styled_from_the_stylesheet():
    for template in ("500.html", "503.html"):
        html = render_to_string(template)
        assert "/static/css/portal.css" in html
        assert "<style" not in html


def test_production_redirects_to_https_except_the_health_check(monkeypatch, db):
    monkeypatch.setenv("SECRET_KEY", "a-production-like-secret-key-for-this-test-only-0123456789")
    production = runpy.run_module("portal.settings.production")
    names = ["SECURE_SSL_REDIRECT", "SECURE_REDIRECT_EXEMPT", "SECURE_HSTS_SECONDS"]

    with override_settings(**{name: production[name] for name in names}):
        client = Client()  # its middleware is built with these settings
        assert client.get("/id/").status_code == 301
        assert client.get("/healthz").status_code == 200
        assert client.get("/id/", secure=True)["Strict-Transport-Security"].startswith(
            "max-age=31536000"
        )
