"""An index on Wagtail's page table for "the children of X" (depth = n AND path LIKE 'X%').

Treebeard indexes `path` alone, so at national scale (hundreds of thousands of pages)
PostgreSQL answered the header menu by scanning the whole subtree of the home page (85 ms
at 270,000 pages). With (depth, path) it reads only the few pages one level down.
"""

from django.db import migrations

INDEX = "portal_page_depth_path"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_locales_and_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
