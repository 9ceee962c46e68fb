"""A backup restores: bin/backup dumps the demo content and its media, bin/restore loads them
into an empty database and media folder, and the restored site serves the same pages.

Both sites run as in production (gunicorn, production settings, each with its own local
memory cache) on loopback ports: one on the test database, one on the restored copy.
"""

import http.client
import re
import shutil
import subprocess
import tarfile
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

import psycopg2
import pytest
from django.conf import settings
from django.db import connection
from wagtail.documents.models import Document
from wagtail.images.models import Rendition

from bench.httpbench import ROOT, collected_static, gunicorn, production_env
from communities.models import (
    AgendaPage,
    CommunityIndexPage,
    CommunityPage,
    MeetingPage,
    PracticeArticlePage,
    SchoolLevel,
)
from home.models import HomePage
from resources.models import LearningResourceIndexPage, LearningResourcePage
from tests.e2e.conftest import demo_site  # noqa: F401 - the demo content, shared with e2e

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="backups are pg_dump archives: the restore test needs PostgreSQL",
    ),
    pytest.mark.skipif(
        not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("psql")),
        reason="pg_dump, pg_restore and psql (postgresql-client) are not installed",
    ),
]

# What differs between two renderings of the same page: per-response tokens.
VOLATILE = [
    re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+'),
    re.compile(r'(nonce=")[^"]+'),
    re.compile(r"^(DTSTAMP:).*$", re.MULTILINE),  # iCalendar: when the file was made
]


def database_url(name):
    """A libpq URL for database `name` on the test database's server."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = db["HOST"] or "localhost"
    return f"postgres://{db['USER']}{password}@{host}:{db['PORT'] or 5432}/{name}"


def table_counts(cursor):
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    tables = [row[0] for row in cursor.fetchall()]
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from the catalogue
        counts[table] = cursor.fetchone()[0]
    return counts


def fetch(base_url, path):
    """(status, body) of a GET as a visitor sends it (Host: localhost), no redirects followed."""
    host, port = base_url.removeprefix("http://").split(":")
    client = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        client.request("GET", path, headers={"Host": "localhost"})
        response = client.getresponse()
        return response.status, response.read()
    finally:
        client.close()


def comparable(body, content_type):
    """The part that shows the content: <main> of an HTML page (the same template chrome around
    it), the whole body otherwise; per-response tokens blanked."""
    text = body.decode()
    if content_type == "html":
        match = re.search(r"<main\b.*?</main>", text, re.DOTALL)
        assert match, "no <main> element"
        text = match.group(0)
    for pattern in VOLATILE:
        text = pattern.sub(r"\1…", text)
    return text


def pages_to_compare():
    """(path, kind, text the page must show): every public page type, both languages."""
    home_id = HomePage.objects.get(locale__language_code="id", depth=2)
    home_en = HomePage.objects.live().get(locale__language_code="en")
    meeting = next(
        m for m in MeetingPage.objects.live().filter(locale__language_code="id")
        if m.upcoming_occurrences(limit=1)
    )  # fmt: skip
    library = LearningResourceIndexPage.objects.live().get(locale__language_code="id")
    level = SchoolLevel.objects.filter(locale__language_code="id").first()
    agenda = AgendaPage.objects.live().get(locale__language_code="id")
    document = Document.objects.order_by("pk").first()
    # A search result, not just the query echoed in the search box: the index came back.
    found = LearningResourcePage.objects.live().filter(
        locale__language_code="id", title__icontains="asesmen diagnostik"
    )[0]
    pages = [
        home_id,
        home_en,
        CommunityIndexPage.objects.live().get(locale__language_code="id"),
        CommunityPage.objects.live().filter(locale__language_code="en").first(),
        meeting,
        PracticeArticlePage.objects.live().filter(locale__language_code="id").first(),
        library,
        LearningResourcePage.objects.live().filter(locale__language_code="en").first(),
    ]
    return [
        *[(page.url, "html", page.title) for page in pages],
        (f"{library.url}?{urlencode({'level': level.slug})}", "html", level.name),
        ("/id/cari/?" + urlencode({"q": "asesmen diagnostik"}), "html", found.title),
        ("/en/search/?" + urlencode({"q": "assessment"}), "html", "ssessment"),
        (meeting.url + "kalender/", "ics", meeting.title),
        (agenda.url + "kalender/", "ics", "BEGIN:VEVENT"),
        ("/healthz", "json", '"database": "ok"'),
        (document.url, "file", None),
    ]


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_database_and_serves_the_same_pages(
    demo_site,  # noqa: F811 - the fixture imported above
    tmp_path,
):
    original_db = connection.settings_dict["NAME"]
    restored_db = f"{original_db}_restored"[:63]
    media = Path(settings.MEDIA_ROOT)
    restored_media = tmp_path / "media"
    backups = tmp_path / "backups"
    env = production_env(REDIS_URL="", DATABASE_URL=database_url(original_db))
    env["MEDIA_ROOT"] = str(media)

    output = subprocess.run(  # noqa: S603
        [ROOT / "bin" / "backup", str(backups)], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    dump, media_archive, checksums = (Path(line) for line in output)
    assert dump.stat().st_size > 0 and checksums.exists()
    with tarfile.open(media_archive) as archive:
        archived = {name.removeprefix("./") for name in archive.getnames()}
    assert f"documents/{Path(Document.objects.first().file.name).name}" in archived

    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored_db}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{restored_db}"')
    try:
        restored_env = {
            **env,
            "DATABASE_URL": database_url(restored_db),
            "MEDIA_ROOT": str(restored_media),
        }
        restore = subprocess.run(  # noqa: S603
            [ROOT / "bin" / "restore", str(dump), str(media_archive)],
            env=restored_env,
            check=True,
            capture_output=True,
            text=True,
        )
        assert "No migrations to apply" in restore.stdout  # the dump has the whole schema

        # Every row of every table came back, the search index and registrations included.
        with connection.cursor() as cursor:
            original_counts = table_counts(cursor)
        restored = psycopg2.connect(restored_env["DATABASE_URL"])
        try:
            with restored.cursor() as cursor:
                assert table_counts(cursor) == original_counts
        finally:
            restored.close()
        assert original_counts["search_searchdocument"] > 0

        # Every file the database points at is in the restored media folder.
        files = [doc.file.name for doc in Document.objects.all()]
        files += [rendition.file.name for rendition in Rendition.objects.all()]
        assert files and all((restored_media / name).is_file() for name in files)

        # Restoring again over the restored database is refused, never mixed in.
        again = subprocess.run(  # noqa: S603
            [ROOT / "bin" / "restore", str(dump)], env=restored_env, capture_output=True, text=True
        )
        assert again.returncode == 1 and "already has" in again.stderr

        pages = pages_to_compare()
        with (
            collected_static(env),
            gunicorn(env, workers=1, threads=2) as original,
            gunicorn({**restored_env, "STATIC_ROOT": env["STATIC_ROOT"]}, 1, 2) as copy,
        ):
            for path, kind, shown in pages:
                status, body = fetch(original, path)
                restored_status, restored_body = fetch(copy, path)
                assert (status, restored_status) == (200, 200), path
                if kind == "file":
                    assert restored_body == body and body, path
                    continue
                # The page itself, not an error page (text without tags: search highlights).
                assert shown in unescape(re.sub(r"<[^>]+>", "", body.decode())), path
                expected = comparable(body, kind)
                assert comparable(restored_body, kind) == expected, path
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored_db}" WITH (FORCE)')
