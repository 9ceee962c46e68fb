"""Fill a database with communities, meetings, practice articles and learning resources
in Indonesian, a share of them also in English, in bulk."""

import random
import time
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from wagtail.models import Locale

from communities.models import SchoolLevel, Subject, Topic
from communities.models.occurrences import refresh_occurrences

from . import media, skeleton
from .communities import CommunitySteps
from .content import ContentSteps
from .text import Writer
from .tree import Batch, page_defaults

SCALES = {
    "small": {"communities": 500, "meetings": 5_000, "articles": 5_000, "resources": 10_000},
    "large": {"communities": 10_000, "meetings": 100_000, "articles": 50_000, "resources": 100_000},
}


@dataclass
class Options:
    communities: int
    meetings: int
    articles: int
    resources: int
    english_share: float = 0.3
    seed: int = 2026
    batch_size: int = 2000


class Generator(CommunitySteps, ContentSteps):
    def __init__(self, options, stdout):
        self.options = options
        self.stdout = stdout
        self.rng = random.Random(options.seed)
        self.writer = Writer(self.rng)
        self.now = timezone.now()
        self.timings = []
        self.counts = {}

    def log(self, message):
        self.stdout.write(message)

    # --- helpers --------------------------------------------------------------------------

    def timed(self, label, function, *args):
        started = time.perf_counter()
        result = function(*args)
        elapsed = time.perf_counter() - started
        # Page steps return (Indonesian pages, English pages).
        counts = result if isinstance(result, tuple) and isinstance(result[0], int) else None
        self.timings.append((label, elapsed, counts))
        if counts:
            id_count, en_count = counts
            rate = (id_count + en_count) / elapsed if elapsed else 0
            self.log(
                f"{label}: {id_count:,} id + {en_count:,} en pages in {elapsed:.1f} s "
                f"({rate:,.0f} pages/s)"
            )
        else:
            self.log(f"{label}: {elapsed:.1f} s")
        return result

    def flush(self, batch, force=False):
        if len(batch) and (force or len(batch) >= self.options.batch_size):
            batch.write()
            return Batch(batch.model)
        return batch

    def published(self, moment):
        return min(moment, self.now)

    def make(self, model, parent, title, key, published, fields):
        page = model(**page_defaults(model, title, key, published), **fields)
        return parent.place(page, title)

    # --- steps ----------------------------------------------------------------------------

    def run(self):
        started = time.perf_counter()
        options = self.options
        self.locale_en = Locale.objects.get(language_code="en")
        self.indexes = self.timed("Home and index pages", skeleton.ensure, self.stdout)
        self.terms = {
            "levels": dict(
                SchoolLevel.objects.filter(locale__language_code="id").values_list("slug", "pk")
            ),
            "subjects": dict(
                Subject.objects.filter(locale__language_code="id").values_list("slug", "pk")
            ),
            "topics": dict(
                Topic.objects.filter(locale__language_code="id").values_list("slug", "pk")
            ),
        }
        self.image_ids, self.document_ids = self.timed("Images and documents", self.media)
        self.communities = []
        if options.communities:
            self.timed("Communities", self.make_communities, options.communities)
            self.timed("District editors, workflows", self.district_access)
        if (options.meetings or options.articles) and not self.communities:
            self.communities = self.existing_communities()
        if self.communities:
            if options.meetings:
                self.timed("Meetings", self.make_meetings, options.meetings)
                # Bulk inserts fire no page_published: write the listings' dates here.
                self.timed("Meeting dates", self.meeting_dates)
            if options.articles:
                self.timed("Practice articles", self.make_articles, options.articles)
        if options.resources:
            self.timed("Learning resources", self.make_resources, options.resources)
        total = time.perf_counter() - started
        self.summary(total)
        return self.counts

    def meeting_dates(self):
        meetings, rows = refresh_occurrences(now=self.now)
        self.log(f"  {rows:,} dates of {meetings:,} unfinished meetings")
        if connection.vendor == "postgresql":
            # Without statistics the planner sorts every future date for the home page's
            # next four (1.4 s at the large scale, 1 ms after ANALYZE).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE communities_meetingoccurrence")

    def media(self):
        return media.ensure_images(), media.ensure_documents()

    def summary(self, total):
        self.log("")
        self.log("Summary")
        pages = 0
        for label, elapsed, counts in self.timings:
            if counts:
                pages += sum(counts)
                self.log(f"  {label:<28} {counts[0]:>8,} id {counts[1]:>8,} en {elapsed:>8.1f} s")
            else:
                self.log(f"  {label:<28} {'':>23} {elapsed:>8.1f} s")
        self.log(f"  {'Total':<28} {pages:>8,} pages    {total:>12.1f} s")
        self.log(
            "The search index and the reference index were not updated: run "
            "`manage.py update_index` (and the portal's search rebuild) if you need them."
        )


def generate(options, stdout):
    """Run the generator; return {kind: (Indonesian pages, English pages)}."""
    return Generator(options, stdout).run()
