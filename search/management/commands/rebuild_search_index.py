"""Rewrite the portal's search index from the live, public pages."""

import os
import time

from django.core.management.base import BaseCommand

from search import indexer


class Command(BaseCommand):
    help = "Rebuild the portal search index (one document per live, public page)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=indexer.BATCH_SIZE)
        parser.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="processes writing batches at once (PostgreSQL; default: one per core)",
        )

    def handle(self, *args, batch_size, workers, **options):
        started = time.monotonic()
        total = indexer.rebuild(stdout=self.stdout, batch_size=batch_size, workers=workers)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {total} pages in {time.monotonic() - started:.1f} s.")
        )
