"""Recurring meetings: one RFC 5545 rule entered once, expanded in the community's time zone.

A meeting's first date and time is its `start`; the rule repeats it weekly or monthly
(on the same weekday position, e.g. "second Thursday", or on the same day of the month).
Occurrences are computed on local wall-clock time, so 14.00 WITA stays 14.00 WITA.
"""

import datetime
from dataclasses import dataclass

from dateutil import rrule
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Enough for the listings and calendars we show: a weekly meeting for ten years.
MAX_OCCURRENCES = 520


class Frequency(models.TextChoices):
    NONE = "", _("Does not repeat")
    WEEKLY = "weekly", _("Every week (or every few weeks) on the same weekday")
    MONTHLY_WEEKDAY = "monthly_weekday", _("Every month on a weekday, e.g. the second Thursday")
    MONTHLY_DAY = "monthly_day", _("Every month on the same date")


class Position(models.IntegerChoices):
    FIRST = 1, _("first")
    SECOND = 2, _("second")
    THIRD = 3, _("third")
    FOURTH = 4, _("fourth")
    LAST = -1, _("last")


@dataclass(frozen=True)
class Occurrence:
    """One date of a meeting: aware start and end in the community's time zone."""

    start: datetime.datetime
    end: datetime.datetime

    @property
    def key(self):
        """Stable identifier used in forms and URLs."""
        return self.start.strftime("%Y%m%dT%H%M")


def parse_excluded_dates(text):
    """ISO dates, one per line (commas also accepted) -> sorted list of dates.
    Raises ValidationError naming the values that are not dates."""
    values, bad = set(), []
    for raw in (text or "").replace(",", "\n").splitlines():
        raw = raw.strip()
        if not raw:
            continue
        try:
            values.add(datetime.date.fromisoformat(raw))
        except ValueError:
            bad.append(raw)
    if bad:
        raise ValidationError(
            _("Not a date in the form YYYY-MM-DD: %(values)s"),
            params={"values": ", ".join(bad)},
        )
    return sorted(values)


def weekday_position(day):
    """1..4 for the first..fourth weekday of its month, 5 for a fifth."""
    return (day.day - 1) // 7 + 1


def default_position(day):
    position = weekday_position(day)
    if position == 5:
        return Position.LAST
    return position


def rule_parts(frequency, start_local, interval=1, position=None, until=None, count=None):
    """The RRULE as a dict of RFC 5545 parts (icalendar vRecur keys)."""
    if not frequency:
        return None
    weekday = WEEKDAY_CODES[start_local.weekday()]
    parts = {"FREQ": "WEEKLY" if frequency == Frequency.WEEKLY else "MONTHLY"}
    if interval and interval > 1:
        parts["INTERVAL"] = interval
    if frequency == Frequency.WEEKLY:
        parts["BYDAY"] = weekday
    elif frequency == Frequency.MONTHLY_WEEKDAY:
        parts["BYDAY"] = f"{position or default_position(start_local.date())}{weekday}"
    else:
        parts["BYMONTHDAY"] = start_local.day
    if count:
        parts["COUNT"] = count
    elif until:
        # Inclusive of the whole last day; floating local time is converted by the caller.
        parts["UNTIL"] = until
    return parts


def build_rrule(frequency, start_local, interval=1, position=None, until=None, count=None):
    """A dateutil rrule on naive local wall-clock time starting at `start_local` (naive)."""
    if not frequency:
        return None
    weekday = WEEKDAYS[start_local.weekday()]
    kwargs = {"dtstart": start_local, "interval": interval or 1}
    if frequency == Frequency.WEEKLY:
        freq, kwargs["byweekday"] = rrule.WEEKLY, weekday
    elif frequency == Frequency.MONTHLY_WEEKDAY:
        freq = rrule.MONTHLY
        kwargs["byweekday"] = weekday(position or default_position(start_local.date()))
    else:
        freq, kwargs["bymonthday"] = rrule.MONTHLY, start_local.day
    if count:
        kwargs["count"] = count
    elif until:
        kwargs["until"] = datetime.datetime.combine(until, datetime.time.max)
    else:
        kwargs["count"] = MAX_OCCURRENCES
    return rrule.rrule(freq, **kwargs)


def expand(meeting_start, meeting_end, zone, rule=None, excluded=(), after=None, limit=None):
    """Occurrences of a meeting, as Occurrence objects with aware datetimes in `zone`.

    `after` (aware) keeps occurrences that have not ended by then; `limit` caps the count.
    """
    start_local = meeting_start.astimezone(zone).replace(tzinfo=None)
    duration = meeting_end - meeting_start
    starts = [start_local] if rule is None else rule
    excluded = set(excluded)
    result = []
    for local in starts:
        if local.date() in excluded:
            continue
        start = local.replace(tzinfo=zone)
        end = start + duration
        if after is not None and end <= after:
            continue
        result.append(Occurrence(start, end))
        if limit is not None and len(result) >= limit:
            break
    return result
