"""An index on Wagtail's page table for "the page at this URL" (url_path = '/beranda/x/y/').

HomePage.route finds the requested page by its url_path in one query instead of two per
level of the tree; without an index that is a scan of every page. A hash index on
PostgreSQL: only equality is asked, and a long url_path can't outgrow a B-tree entry.
"""

from django.db import migrations

INDEX = "portal_page_url_path"


def create(apps, schema_editor):
    method = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page {method}(url_path)"
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("home", "0003_page_depth_path_index")]

    operations = [migrations.RunPython(create, drop)]
