"""Reliability: /healthz for load balancers, a 503 page when the database is gone, and a site
that keeps serving when Redis is gone."""

import copy
import json
import runpy
import warnings
from contextlib import contextmanager
from unittest import mock

import pytest
import redis
from django.db import DEFAULT_DB_ALIAS, InterfaceError, connections
from django.db.utils import load_backend
from django.test import override_settings

from home.models import HomePage

CLOSED_PORT_REDIS = "redis://127.0.0.1:1/0"


def unreachable_database():
    """A connection to the test database's engine that cannot connect: PostgreSQL on port 1,
    SQLite in a directory that does not exist."""
    settings_dict = copy.deepcopy(connections[DEFAULT_DB_ALIAS].settings_dict)
    if settings_dict["ENGINE"] == "django.db.backends.postgresql":
        settings_dict.update(HOST="127.0.0.1", PORT="1")
        settings_dict["OPTIONS"] = {**settings_dict["OPTIONS"], "connect_timeout": 2}
    else:
        settings_dict["NAME"] = "/nonexistent-portal-dir/db.sqlite3"
    backend = load_backend(settings_dict["ENGINE"])
    return backend.DatabaseWrapper(settings_dict, alias=DEFAULT_DB_ALIAS)


@contextmanager
def database_down():
    """Every query of the requests made inside goes to an unreachable database server."""
    real = connections[DEFAULT_DB_ALIAS]
    connections[DEFAULT_DB_ALIAS] = unreachable_database()
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS] = real


def caches_from_base_settings(monkeypatch, **options):
    """CACHES exactly as portal/settings/base.py builds it for REDIS_URL on a closed port."""
    monkeypatch.setenv("REDIS_URL", CLOSED_PORT_REDIS)
    # run_module, not run_path: base.py imports its sibling modules relatively. Running a
    # module that is already imported is what we want here: a fresh copy of its settings.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        caches = runpy.run_module("portal.settings.base")["CACHES"]
    caches["default"]["OPTIONS"].update(options)
    return caches


def health(client):
    response = client.get("/healthz")
    return response, json.loads(response.content)


# /healthz


def test_healthz_reports_database_and_cache(client, db):
    response, body = health(client)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert body == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_is_outside_the_language_prefix(client, db):
    assert client.get("/healthz").status_code == 200
    assert client.get("/id/healthz/").status_code == 404


def test_healthz_only_answers_get_and_head(client, db):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_healthz_is_503_when_the_database_is_unreachable(client, db):
    with database_down():
        response, body = health(client)

    assert response.status_code == 503
    assert body == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_reports_a_broken_cache_without_failing(client, db):
    with mock.patch("home.health.cache.get", side_effect=ConnectionError("cache down")):
        response, body = health(client)

    assert response.status_code == 200
    assert body == {"status": "ok", "database": "ok", "cache": "unavailable"}


# The 503 page


def test_unreachable_database_gives_a_translated_503_page(client, home_id, home_en):
    with database_down():
        english = client.get("/en/")
        indonesian = client.get("/id/")

    assert english.status_code == 503
    assert english["Retry-After"] == "30"
    assert "no-store" in english["Cache-Control"]
    html = english.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Temporarily unavailable</h1>" in html
    assert "Traceback" not in html
    assert indonesian.status_code == 503
    assert '<html lang="id">' in indonesian.content.decode()


def test_lost_connection_mid_request_gives_503(client, home_id):
    # psycopg's "connection already closed" surfaces as an InterfaceError.
    connection = connections[DEFAULT_DB_ALIAS]
    with mock.patch.object(connection, "cursor", side_effect=InterfaceError("closed")):
        response = client.get("/id/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_other_errors_are_still_500(client, home_id):
    client.raise_request_exception = False
    with mock.patch.object(HomePage, "serve", side_effect=ValueError("a bug")):
        response = client.get("/id/")

    assert response.status_code == 500


def test_the_site_works_again_when_the_database_is_back(client, home_id):
    with database_down():
        assert client.get("/id/").status_code == 503

    assert client.get("/id/").status_code == 200
    assert health(client)[0].status_code == 200


# Redis down


def test_site_keeps_serving_when_redis_is_unreachable(client, monkeypatch, home_id):
    with override_settings(CACHES=caches_from_base_settings(monkeypatch)):
        page = client.get("/id/")
        response, body = health(client)

    assert page.status_code == 200
    assert response.status_code == 200
    assert body == {"status": "ok", "database": "ok", "cache": "unavailable"}


def test_pages_do_use_the_cache(client, monkeypatch, home_id):
    """The test above proves something: without IGNORE_EXCEPTIONS the same page fails."""
    caches = caches_from_base_settings(monkeypatch, IGNORE_EXCEPTIONS=False)
    with override_settings(CACHES=caches), pytest.raises(redis.exceptions.ConnectionError):
        client.get("/id/")
