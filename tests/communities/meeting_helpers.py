"""Helpers for the meeting tests: a fixed clock and a meeting builder."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from communities.models import MeetingPage
from tests.conftest import add_page

# Tuesday 1 December 2026, 08.00 UTC: before the December meetings below.
NOW = datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.UTC)
WIB, WITA, WIT = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar"), ZoneInfo("Asia/Jayapura")


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def local(zone, *args):
    return datetime.datetime(*args, tzinfo=zone)


def make_meeting(community, title, start, end, **fields):
    defaults = {
        "mode": "face_to_face",
        "address": "Ruang guru",
        "activity": "share_problem",
    }
    return add_page(
        community, MeetingPage, title=title, start=start, end=end, **{**defaults, **fields}
    )


def second_thursday(community, zone, **fields):
    """Monthly on the second Thursday, 14.00-16.00 local time, from 10 December 2026,
    no meeting on 14 January 2027."""
    return make_meeting(
        community,
        fields.pop("title", "Pertemuan bulanan"),
        local(zone, 2026, 12, 10, 14),
        local(zone, 2026, 12, 10, 16),
        repeat="monthly_weekday",
        excluded_dates="2027-01-14",
        **fields,
    )


EXPECTED_DATES = [
    datetime.date(2026, 12, 10),
    datetime.date(2027, 2, 11),
    datetime.date(2027, 3, 11),
    datetime.date(2027, 4, 8),
    datetime.date(2027, 5, 13),
    datetime.date(2027, 6, 10),
]
