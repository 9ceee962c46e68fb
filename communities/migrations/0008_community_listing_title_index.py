"""An index on Wagtail's page table for "the live pages of a type, by title" (PostgreSQL).

The Komunitas listing sorts communities by title. At the national scale (10,000
communities among 340,000 pages) PostgreSQL read each community's page row to sort them
(25–55 ms a listing) and again to count them. With (content type, title, id) and the path
included, a listing counts its communities and reads one page of their ids, in order,
from the index alone (communities/listing.py, community_ids).
"""

from django.db import migrations

INDEX = "communities_live_page_type_title"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (content_type_id, title, id) "
            "INCLUDE (path) WHERE live"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0007_article_date_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop)]
