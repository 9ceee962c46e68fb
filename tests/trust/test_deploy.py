"""Production behind a TLS-terminating proxy: which header says "this came over HTTPS".
(`check --deploy` itself is run by tests/test_settings.py.)"""

import runpy

import pytest

SECRET = "a-production-like-secret-key-for-this-test-only-0123456789"


@pytest.mark.parametrize(
    ("variable", "expected"),
    [
        (None, ("HTTP_X_FORWARDED_PROTO", "https")),
        ("X-Forwarded-Scheme", ("HTTP_X_FORWARDED_SCHEME", "https")),
        ("", None),
    ],
)
def test_the_trusted_https_header_comes_from_the_environment(monkeypatch, variable, expected):
    monkeypatch.setenv("SECRET_KEY", SECRET)
    if variable is None:
        monkeypatch.delenv("SECURE_PROXY_SSL_HEADER", raising=False)
    else:
        monkeypatch.setenv("SECURE_PROXY_SSL_HEADER", variable)

    production = runpy.run_module("portal.settings.production")

    assert production["SECURE_PROXY_SSL_HEADER"] == expected
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
