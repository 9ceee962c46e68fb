"""Benchmark the bulk import of learning resources.

Usage (from the project root; the database is migrated first):

    DATABASE_URL=sqlite:////tmp/bench-import.sqlite3 .venv/bin/python bench/import_resources.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_import .venv/bin/python \
        bench/import_resources.py --rows 10000

It writes a CSV of N generated rows, then times reading + validating and the import
(published pages, one transaction), then a re-import of the same file (which must
change nothing). Use a throwaway database: the resources it creates stay there.
"""

import argparse
import csv
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

LEVELS = ["sd", "smp", "sma", "smk"]
SUBJECTS = ["matematika", "bahasa-indonesia", "ipas", "ipa", "ips", "bahasa-inggris", "biologi"]
TOPICS = ["literasi", "numerasi", "asesmen", "refleksi", "pembelajaran-berdiferensiasi"]
TYPES = ["teaching_module", "worksheet", "video", "assessment", "guide", "presentation"]
LICENCES = ["cc-by", "cc-by-sa", "cc-by-nc", "cc0"]


def generate(rows):
    from resources.importer import COLUMN_NAMES

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMN_NAMES)
    writer.writeheader()
    for n in range(rows):
        kind = TYPES[n % len(TYPES)]
        writer.writerow(
            {
                "external_id": f"bench-{n:06d}",
                "title": f"Sumber Belajar Uji {n:06d}",
                "summary": "Sumber belajar yang dibuat untuk mengukur kecepatan impor.",
                "resource_type": kind,
                "licence": LICENCES[n % len(LICENCES)],
                "author": f"Tim Guru {n % 50}",
                "language": "id",
                "levels": LEVELS[n % len(LEVELS)],
                "phases": "ABCDEF"[n % 6],
                "subjects": f"{SUBJECTS[n % len(SUBJECTS)]};{SUBJECTS[(n + 3) % len(SUBJECTS)]}",
                "topics": TOPICS[n % len(TOPICS)],
                "learning_objectives": "Tujuan pertama;Tujuan kedua",
                "description": "Deskripsi singkat.",
                "video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
                if kind == "video"
                else "",
                "external_url": f"https://example.org/sumber/{n}",
                "source_url": "",
                "last_reviewed": "2026-11-01",
            }
        )
    return buffer.getvalue().encode("utf-8")


def library():
    from wagtail.models import Page

    from home.models import HomePage
    from resources.models import LearningResourceIndexPage

    home = HomePage.objects.filter(locale__language_code="id", depth=2).first()
    existing = LearningResourceIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    page = LearningResourceIndexPage(title="Sumber Belajar (bench)", slug="sumber-belajar-bench")
    home.add_child(instance=page)
    return Page.objects.get(pk=page.pk).specific


def run(content, index, user):
    from resources import importer

    upload = SimpleUploadedFile("bench.csv", content, "text/csv")
    start = time.perf_counter()
    header, rows = importer.read_table(upload)
    cleaned, errors = importer.validate(header, rows, index)
    validated = time.perf_counter()
    assert not errors, errors[:5]
    result = importer.apply(cleaned, index, user, publish=True)
    done = time.perf_counter()
    return validated - start, done - validated, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)

    user, _ = get_user_model().objects.get_or_create(
        username="bench-import", defaults={"is_superuser": True}
    )
    index = library()
    content = generate(args.rows)
    print(f"database: {connection.vendor}; rows: {args.rows}; file: {len(content) / 1e6:.1f} MB")

    read, write, result = run(content, index, user)
    print(
        f"first import : read+validate {read:6.1f} s, write {write:6.1f} s, "
        f"total {read + write:6.1f} s  (created {result.created}, updated {result.updated}, "
        f"unchanged {result.unchanged})"
    )
    read, write, result = run(content, index, user)
    print(
        f"re-import    : read+validate {read:6.1f} s, write {write:6.1f} s, "
        f"total {read + write:6.1f} s  (created {result.created}, updated {result.updated}, "
        f"unchanged {result.unchanged})"
    )


if __name__ == "__main__":
    main()
