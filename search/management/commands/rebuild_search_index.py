"""Rewrite the portal's search index from the live, public pages."""

import time

from django.core.management.base import BaseCommand

from search import indexer


class Command(BaseCommand):
    help = "Rebuild the portal search index (one document per live, public page)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=indexer.BATCH_SIZE)

    def handle(self, *args, batch_size, **options):
        started = time.monotonic()
        total = indexer.rebuild(stdout=self.stdout, batch_size=batch_size)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {total} pages in {time.monotonic() - started:.1f} s.")
        )
