"""Rewrite the search bitmaps from the index as it is (PostgreSQL).

Writes keep the bitmaps current, but which words are common enough to get their own is
decided here: run it daily (or after a large import) so new common words join them.
"""

from django.core.management.base import BaseCommand

from search import bitmaps


class Command(BaseCommand):
    help = "Rebuild the search bitmaps (fast counts and ranking for common words)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-documents",
            type=int,
            default=None,
            help="a word gets its own bitmap when this many documents of a language have it",
        )

    def handle(self, *args, min_documents, **options):
        if not bitmaps.enabled():
            self.stdout.write("Search bitmaps need PostgreSQL; nothing to do.")
            return
        bitmaps.build(threshold=min_documents, stdout=self.stdout)
