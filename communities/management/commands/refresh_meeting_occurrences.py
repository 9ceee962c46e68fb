"""Rewrite the stored dates of unfinished meetings; run daily (cron or a scheduled task).

Publishing a meeting writes its dates up to a year ahead; this moves that horizon on for
open-ended series and forgets dates that have ended.
"""

from django.core.management.base import BaseCommand

from communities.models.occurrences import refresh_occurrences


class Command(BaseCommand):
    help = "Rewrite the stored dates of every unfinished live meeting (run daily)."

    def handle(self, *args, **options):
        meetings, rows = refresh_occurrences()
        self.stdout.write(f"Meetings: {meetings}, dates stored: {rows}")
