"""The production architecture's switches (docs/scaling.md): each one an environment variable.

The settings module is loaded in a fresh process with the variables set, so the running
test settings are untouched; `manage.py check` runs there too, as a deploy would.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django_tasks import task_backends

from portal.settings import scaling
from search import tasks
from search.models import SearchDocument
from tests.resources.conftest import library, make_resource  # noqa: F401 - fixture

ROOT = Path(__file__).resolve().parent.parent
SWITCHES = {
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_LOCATION",
    "SEARCH_BACKEND",
    "SEARCH_URL",
    "DATABASE_REPLICA_URL",
    "TASKS_BACKEND",
}

# Runs in the child: Django set up with production settings, then what they configured.
PROBE = """
import json
import django
django.setup()
from importlib.util import find_spec
from django.conf import settings
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import router
from django_tasks import task_backends
from wagtail.models import Page
from wagtail.tasks import update_reference_index_task
from search.models import SearchDocument
from tests.resources.conftest import library, make_resource  # noqa: F401 - fixture
from search.tasks import index_pages_task

call_command("check", verbosity=0)
default_storage = storages["default"]
search = settings.WAGTAILSEARCH_BACKENDS["default"]
print(json.dumps({
    "storage": type(default_storage).__module__ + "." + type(default_storage).__name__,
    "storage_options": settings.STORAGES["default"].get("OPTIONS", {}),
    "bucket": getattr(default_storage, "bucket_name", None),
    "endpoint": getattr(default_storage, "endpoint_url", None),
    "custom_domain": getattr(default_storage, "custom_domain", None),
    "serve_method": settings.WAGTAILDOCS_SERVE_METHOD,
    "search": search,
    "search_module_exists": find_spec(search["BACKEND"]) is not None,
    "databases": sorted(settings.DATABASES),
    "replica_test": settings.DATABASES.get("replica", {}).get("TEST"),
    "read_documents": router.db_for_read(SearchDocument),
    "read_pages": router.db_for_read(Page),
    "write_documents": router.db_for_write(SearchDocument),
    "tasks_backend": type(task_backends["default"]).__name__,
    "tasks_app": "django_tasks_db" in settings.INSTALLED_APPS,
    "wagtail_task_backend": type(update_reference_index_task.get_backend()).__name__,
    "portal_task_backend": type(index_pages_task.get_backend()).__name__,
}))
"""


def load_settings(**variables):
    env = {key: value for key, value in os.environ.items() if key not in SWITCHES}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="scaling-test-" + "x" * 50,
        **variables,
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def database_url():
    return os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'db.sqlite3'}"


def test_defaults_are_one_machine():
    loaded = load_settings()
    assert loaded["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert loaded["search"] == {"BACKEND": "wagtail.search.backends.database"}
    assert loaded["databases"] == ["default"]
    assert loaded["read_documents"] == "default"
    assert loaded["tasks_backend"] == "ImmediateBackend"
    assert loaded["tasks_app"] is False


def test_every_switch_on():
    loaded = load_settings(
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.test",
        AWS_S3_REGION_NAME="ap-southeast-3",
        AWS_S3_CUSTOM_DOMAIN="media.example.test",
        SEARCH_BACKEND="opensearch",
        SEARCH_URL="https://search.example.test:9200",
        DATABASE_REPLICA_URL=database_url(),
        TASKS_BACKEND="database",
    )
    # Media: django-storages' S3 backend on the given bucket and endpoint; documents are
    # still streamed through Wagtail's view, which checks collection privacy first.
    assert loaded["storage"] == "storages.backends.s3.S3Storage"
    assert loaded["bucket"] == "portal-media"
    assert loaded["endpoint"] == "https://s3.example.test"
    assert loaded["custom_domain"] == "media.example.test"
    assert loaded["storage_options"]["region_name"] == "ap-southeast-3"
    assert loaded["storage_options"]["file_overwrite"] is False
    assert loaded["serve_method"] == "serve_view"
    # Wagtail's search on OpenSearch 3 (modelsearch's backend module exists).
    assert loaded["search"]["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert loaded["search"]["URLS"] == ["https://search.example.test:9200"]
    assert loaded["search"]["INDEX_PREFIX"] == "portal_"
    assert loaded["search_module_exists"] is True
    # The search index is read from the replica; pages and every write from the primary.
    assert loaded["databases"] == ["default", "replica"]
    assert loaded["replica_test"]["MIRROR"] == "default"
    assert loaded["read_documents"] == "replica"
    assert loaded["read_pages"] == "default"
    assert loaded["write_documents"] == "default"
    # Wagtail's reference index task and the portal's index tasks go to the database queue.
    assert loaded["tasks_backend"] == "DatabaseBackend"
    assert loaded["tasks_app"] is True
    assert loaded["wagtail_task_backend"] == "DatabaseBackend"
    assert loaded["portal_task_backend"] == "DatabaseBackend"


@pytest.mark.parametrize(
    ("name", "module"),
    [("elasticsearch", "elasticsearch9"), ("elasticsearch8", "elasticsearch8")],
)
def test_elasticsearch_versions(monkeypatch, name, module):
    monkeypatch.setenv("SEARCH_BACKEND", name)
    monkeypatch.setenv("SEARCH_URL", "http://a:9200, http://b:9200")
    backend = scaling.search_backends()["default"]
    assert backend["BACKEND"] == f"wagtail.search.backends.{module}"
    assert backend["URLS"] == ["http://a:9200", "http://b:9200"]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"SEARCH_BACKEND": "solr"}, "Unknown SEARCH_BACKEND 'solr'"),
        ({"SEARCH_BACKEND": "opensearch"}, "needs SEARCH_URL"),
        ({"TASKS_BACKEND": "celery"}, "Unknown TASKS_BACKEND 'celery'"),
    ],
)
def test_bad_switches_say_what_is_wrong(monkeypatch, variables, message):
    for key in SWITCHES:
        monkeypatch.delenv(key, raising=False)
    for key, value in variables.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(ImproperlyConfigured, match=message):
        scaling.search_backends()
        scaling.task_backends()


def test_replica_must_be_the_same_database(monkeypatch):
    monkeypatch.setenv("DATABASE_REPLICA_URL", "mysql://replica/portal")
    with pytest.raises(ImproperlyConfigured, match="same database"):
        scaling.read_replica({"ENGINE": "django.db.backends.postgresql"})


@pytest.mark.django_db
def test_publishing_leaves_the_search_index_to_the_worker(library):  # noqa: F811
    """With a queue (here django-tasks' dummy backend, which only records), publishing
    enqueues the index update instead of doing it; the worker's run of the task does it."""
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        page = make_resource(library, "Modul ajar pecahan")
        queued = [
            result
            for result in task_backends["default"].results
            if result.task.module_path == tasks.index_pages_task.module_path
        ]
        assert [result.args for result in queued] == [[[page.pk]]]
        assert not SearchDocument.objects.filter(pk=page.pk).exists()
        tasks.index_pages_task.call(*queued[0].args)  # what `manage.py db_worker` does
    assert SearchDocument.objects.get(pk=page.pk).title == "Modul ajar pecahan"
