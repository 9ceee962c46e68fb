"""Suggestions read titles from a narrow table of their own (search/models.SearchTitle):
created, filled from the documents, GIN-indexed on PostgreSQL; then the documents'
title vector, which only suggestions used, goes."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

KINDS = [
    ("resource", "Learning resource"),
    ("article", "Practice article"),
    ("community", "Community"),
    ("meeting", "Meeting"),
    ("page", "Page"),
]


def fill(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    words = "to_tsvector('simple', title)" if postgres else "NULL"
    copy = f"SELECT page_id, locale_id, kind, title, date, {words} FROM search_searchdocument"  # noqa: S608
    schema_editor.execute(
        f"INSERT INTO search_searchtitle (page_id, locale_id, kind, title, date, words) {copy}"
    )
    if postgres:
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_title_words_gin ON search_searchtitle"
            " USING gin (words)"
        )
        schema_editor.execute("DROP INDEX IF EXISTS search_document_title_vector_gin")


def empty(apps, schema_editor):
    schema_editor.execute("DELETE FROM search_searchtitle")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_title_words_gin")


def restore_title_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE search_searchdocument SET title_vector = to_tsvector('simple', title)"
        )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_document_title_vector_gin"
            " ON search_searchdocument USING gin (title_vector)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_library_facets"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchTitle",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("kind", models.CharField(choices=KINDS, max_length=20)),
                ("title", models.TextField()),
                ("date", models.DateTimeField(blank=True, null=True)),
                (
                    "words",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["locale", "date", "page"],
                        include=("words",),
                        name="search_title_walk_idx",
                    )
                ],
            },
        ),
        migrations.RunPython(fill, empty),
        migrations.RunPython(migrations.RunPython.noop, restore_title_vectors),
        migrations.RemoveField(model_name="searchdocument", name="title_vector"),
    ]
