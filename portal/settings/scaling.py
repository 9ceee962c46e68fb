"""Beyond one machine: each piece of the production architecture is switched on by an
environment variable, never by a fork (docs/scaling.md). base.py calls these functions;
tests/test_scaling_settings.py loads the settings with each switch on.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def _env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def media_storage():
    """STORAGES["default"]: S3-compatible object storage when AWS_STORAGE_BUCKET_NAME is set,
    else the local MEDIA_ROOT.

    Credentials come from boto3's own chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the
    instance's role), never from settings files. The bucket stays private: documents are
    streamed by Wagtail's serve view after its privacy check (WAGTAILDOCS_SERVE_METHOD), and
    images are read through AWS_S3_CUSTOM_DOMAIN, a CDN allowed to read renditions only.
    """
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        # Wagtail gives each upload a free name; never replace an existing object.
        "file_overwrite": False,
        # No ACL on objects: the bucket's policy decides (many S3-compatible stores refuse ACLs).
        "default_acl": None,
        # Without a custom domain, URLs are signed (the bucket is private).
        "querystring_auth": True,
        "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "3600")),
    }
    for option, variable in (
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),  # MinIO, Ceph, Wasabi, ... (unset for AWS)
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),  # the CDN in front of the bucket
        ("location", "AWS_LOCATION"),  # a prefix inside a shared bucket
    ):
        value = os.environ.get(variable, "").strip()
        if value:
            options[option] = value
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


# SEARCH_BACKEND -> Wagtail's backend module (wagtail.search.backends.<module>, from modelsearch).
SEARCH_ENGINES = {
    "opensearch": "opensearch3",
    "opensearch3": "opensearch3",
    "opensearch2": "opensearch2",
    "elasticsearch": "elasticsearch9",
    "elasticsearch9": "elasticsearch9",
    "elasticsearch8": "elasticsearch8",
    "elasticsearch7": "elasticsearch7",
}


def search_backends():
    """WAGTAILSEARCH_BACKENDS: the database by default; OpenSearch or Elasticsearch with
    SEARCH_BACKEND and SEARCH_URL. This is Wagtail's search (the admin, choosers, the API);
    the public search page stays on the portal's own PostgreSQL index (docs/scaling.md)."""
    name = os.environ.get("SEARCH_BACKEND", "").strip().lower()
    if name in ("", "database"):
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
    if name not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"Unknown SEARCH_BACKEND {name!r}: use database, {', '.join(SEARCH_ENGINES)}."
        )
    urls = _env_list("SEARCH_URL")
    if not urls:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND={name} needs SEARCH_URL (https://user:password@host:9200)."
        )
    return {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_ENGINES[name]}",
            "URLS": urls,
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "portal_"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
        }
    }


def read_replica(default):
    """({"replica": ...}, routers) when DATABASE_REPLICA_URL is set, else ({}, []).

    portal.db_router sends the search index's reads there; every write, and every other
    read, stays on the primary. Tests read the primary (TEST MIRROR)."""
    url = os.environ.get("DATABASE_REPLICA_URL", "").strip()
    if not url:
        return {}, []
    replica = dj_database_url.parse(
        url,
        conn_max_age=default.get("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
    if replica["ENGINE"] != default["ENGINE"]:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL must use the same database as DATABASE_URL."
        )
    replica["OPTIONS"] = {**default.get("OPTIONS", {}), **replica.get("OPTIONS", {})}
    replica["TEST"] = {"MIRROR": "default"}
    return {"replica": replica}, ["portal.db_router.SearchReplicaRouter"]


def task_backends():
    """(TASKS, extra apps): background tasks (Wagtail's search and reference index updates,
    the portal's search index) run inline in the request by default (immediate), or in
    `manage.py db_worker` processes when TASKS_BACKEND=database."""
    name = os.environ.get("TASKS_BACKEND", "").strip().lower() or "immediate"
    if name == "immediate":
        return {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}, []
    if name == "database":
        return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}, ["django_tasks_db"]
    raise ImproperlyConfigured(f"Unknown TASKS_BACKEND {name!r}: use immediate or database.")
