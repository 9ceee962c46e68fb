"""Meeting dates stored one row per occurrence, so listings page through them in SQL.

A meeting's dates come from its recurrence rule. Expanding every meeting's rule on every
request made the Agenda take seconds with 100,000 meetings; instead the dates of the next
HORIZON are written when a meeting is published (communities/signals.py), and
`manage.py refresh_meeting_occurrences` (daily) moves the horizon on for open-ended series
and forgets dates that have ended. Listings ask for the next N rows.
"""

import datetime

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How far ahead open-ended series are written (and listed).
HORIZON = datetime.timedelta(days=400)


class MeetingOccurrence(models.Model):
    """One date of a live meeting, from now up to HORIZON ahead."""

    meeting = models.ForeignKey(
        "communities.MeetingPage", on_delete=models.CASCADE, related_name="occurrence_rows"
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    # The start's date in the meeting's own time zone: the Agenda's month filter.
    local_date = models.DateField()

    class Meta:
        verbose_name = _("meeting date")
        verbose_name_plural = _("meeting dates")
        indexes = [models.Index(fields=["start"], name="meeting_occurrence_start")]

    def __str__(self):
        return f"{self.meeting_id} @ {self.start:%Y-%m-%d %H:%M}"


def occurrence_rows(meeting, now=None):
    """Unsaved rows for the dates of `meeting` that have not ended by `now`, up to HORIZON."""
    now = now or timezone.now()
    until = now + HORIZON
    rows = []
    for occurrence in meeting.occurrences(after=now):
        if occurrence.start >= until:
            break
        rows.append(
            MeetingOccurrence(
                meeting_id=meeting.pk,
                start=occurrence.start,
                end=occurrence.end,
                local_date=occurrence.start.date(),
            )
        )
    return rows


def write_occurrences(meetings, now=None):
    """Replace the stored dates of `meetings` (live ones get rows, others none)."""
    meetings = list(meetings)
    rows = [row for meeting in meetings if meeting.live for row in occurrence_rows(meeting, now)]
    with transaction.atomic():
        MeetingOccurrence.objects.filter(meeting__in=[m.pk for m in meetings]).delete()
        MeetingOccurrence.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def refresh_occurrences(now=None, batch_size=2000):
    """Forget ended dates and rewrite the dates of every unfinished live meeting.

    Returns (meetings rewritten, rows written)."""
    from .meetings import MeetingPage

    now = now or timezone.now()
    MeetingOccurrence.objects.filter(end__lte=now).delete()
    meetings = (
        MeetingPage.objects.live()
        .filter(models.Q(series_end__isnull=True) | models.Q(series_end__gt=now))
        .select_related("regency__province")
        .order_by("pk")
    )
    count = written = 0
    batch = []
    for meeting in meetings.iterator(chunk_size=batch_size):
        batch.append(meeting)
        if len(batch) >= batch_size:
            written += write_occurrences(batch, now)
            count, batch = count + len(batch), []
    if batch:
        written += write_occurrences(batch, now)
        count += len(batch)
    return count, written
