"""Stored meeting dates: written on publish, replaced, dropped, refreshed as time passes."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from communities.models import MeetingOccurrence
from communities.models.occurrences import HORIZON, refresh_occurrences

from . import meeting_helpers
from .meeting_helpers import EXPECTED_DATES, NOW, WITA, local, make_meeting, second_thursday

pytestmark = pytest.mark.django_db
frozen_now = meeting_helpers.frozen_now  # a fixture


def stored_dates(meeting):
    rows = MeetingOccurrence.objects.filter(meeting=meeting).order_by("start")
    return [row.local_date for row in rows]


def test_publishing_writes_the_dates_in_the_meetings_own_zone(frozen_now, community_a):
    meeting = second_thursday(community_a, WITA)
    dates = stored_dates(meeting)
    assert dates[:6] == EXPECTED_DATES
    # Open-ended: written up to the horizon, not forever.
    assert dates[-1] < (NOW + HORIZON).date() <= dates[-1] + datetime.timedelta(days=35)
    # 00.30 WITA on 1 January is still 31 December in UTC: the local date counts.
    new_year = make_meeting(
        community_a, "Tahun baru", local(WITA, 2027, 1, 1, 0, 30), local(WITA, 2027, 1, 1, 2)
    )
    assert stored_dates(new_year) == [datetime.date(2027, 1, 1)]


def test_republishing_replaces_the_dates(frozen_now, community_a):
    meeting = second_thursday(community_a, WITA)
    meeting.repeat_count = 3
    meeting.excluded_dates = ""
    meeting.save_revision().publish()
    assert stored_dates(meeting) == [
        datetime.date(2026, 12, 10),
        datetime.date(2027, 1, 14),
        datetime.date(2027, 2, 11),
    ]


def test_unpublishing_and_deleting_drop_the_dates(frozen_now, community_a):
    first = second_thursday(community_a, WITA, title="Satu", slug="satu")
    second = second_thursday(community_a, WITA, title="Dua", slug="dua")
    first.unpublish()
    assert stored_dates(first) == []
    second.delete()
    assert not MeetingOccurrence.objects.exists()


def test_ended_meetings_have_no_dates(frozen_now, community_a):
    past = make_meeting(
        community_a, "Sudah lewat", local(WITA, 2026, 11, 3, 14), local(WITA, 2026, 11, 3, 16)
    )
    assert stored_dates(past) == []


def test_refresh_moves_the_horizon_on_and_forgets_ended_dates(frozen_now, monkeypatch, community_a):
    meeting = second_thursday(community_a, WITA)
    before = stored_dates(meeting)
    later = NOW + datetime.timedelta(days=90)  # 1 March 2027
    monkeypatch.setattr(timezone, "now", lambda: later)
    out = io.StringIO()
    call_command("refresh_meeting_occurrences", stdout=out)
    after = stored_dates(meeting)
    assert "Meetings: 1" in out.getvalue()
    assert after[0] == datetime.date(2027, 3, 11)  # December to February have ended
    assert after[-1] > before[-1]
    assert after[-1] < (later + HORIZON).date()
    # Idempotent.
    assert refresh_occurrences()[1] == len(after)
    assert stored_dates(meeting) == after
