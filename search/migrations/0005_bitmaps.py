"""Bitmaps of the search index (search/bitmaps.py), the function that sets their bits, and
an index for ranking across languages by date."""

import django.db.models.fields.composite
from django.db import migrations, models

import search.models

SET_BITS = """
CREATE OR REPLACE FUNCTION search_set_bits(bits bit varying, positions int[], value int)
RETURNS bit varying LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE position int;
BEGIN
    FOREACH position IN ARRAY positions LOOP
        bits := set_bit(bits, position, value);
    END LOOP;
    RETURN bits;
END $$;
"""


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SET_BITS)


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS search_set_bits(bit varying, int[], int)")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_browse_index")]

    operations = [
        migrations.CreateModel(
            name="SearchBitmap",
            fields=[
                (
                    "pk",
                    django.db.models.fields.composite.CompositePrimaryKey(
                        "key",
                        "chunk",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("key", models.CharField(max_length=300)),
                ("chunk", models.IntegerField()),
                ("bits", search.models.BitStringField()),
            ],
        ),
        migrations.CreateModel(
            name="SearchBitmapBuild",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("built_at", models.DateTimeField(auto_now_add=True)),
                ("documents", models.PositiveIntegerField()),
                ("words", models.PositiveIntegerField()),
                ("min_documents", models.PositiveIntegerField()),
            ],
        ),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["date", "page"], name="search_doc_date_page_idx"),
        ),
        migrations.RunPython(create_function, drop_function),
    ]
