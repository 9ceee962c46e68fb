"""Recurrence rules expand to the right dates and times in WIB, WITA and WIT."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from communities.models import MeetingPage
from tests.communities.conftest import make_community, make_region

from . import meeting_helpers
from .meeting_helpers import (
    EXPECTED_DATES,
    NOW,
    WIB,
    WIT,
    WITA,
    local,
    make_meeting,
    second_thursday,
)

pytestmark = pytest.mark.django_db
frozen_now = meeting_helpers.frozen_now  # a fixture


@pytest.fixture
def community_papua(community_index):
    region = make_region(community_index, "91.71")
    return make_community(region, "Komunitas Belajar Guru SMA Kota Jayapura")


@pytest.mark.parametrize(
    ("fixture", "zone", "utc_hour"),
    [("community_b", WIB, 7), ("community_a", WITA, 6), ("community_papua", WIT, 5)],
)
def test_second_thursday_in_each_time_zone(request, frozen_now, fixture, zone, utc_hour):
    offset = datetime.timedelta(hours=14 - utc_hour)
    community = request.getfixturevalue(fixture)
    meeting = MeetingPage.objects.get(pk=second_thursday(community, zone).pk)
    occurrences = meeting.occurrences(after=NOW, limit=6)
    assert [o.start.date() for o in occurrences] == EXPECTED_DATES
    for occurrence in occurrences:
        # 14.00 local stays 14.00 local, whatever the zone: 7, 6 or 5 o'clock UTC.
        assert (occurrence.start.hour, occurrence.end.hour) == (14, 16)
        assert occurrence.start.utcoffset() == offset
        assert occurrence.start.astimezone(datetime.UTC).hour == utc_hour
    assert meeting.zone_label == {WIB: "WIB", WITA: "WITA", WIT: "WIT"}[zone]


def test_weekly_with_count_and_interval(frozen_now, community_a):
    meeting = make_meeting(
        community_a,
        "Rabu malam",
        local(WITA, 2026, 12, 2, 19, 30),
        local(WITA, 2026, 12, 2, 21),
        repeat="weekly",
        repeat_interval=2,
        repeat_count=3,
    )
    assert [o.start.date().isoformat() for o in meeting.occurrences()] == [
        "2026-12-02",
        "2026-12-16",
        "2026-12-30",
    ]
    # A finite series knows when it ends, so listings can skip it afterwards.
    assert meeting.series_end == local(WITA, 2026, 12, 30, 21)


def test_last_weekday_until_date(frozen_now, community_b):
    meeting = make_meeting(
        community_b,
        "Jumat terakhir",
        local(WIB, 2026, 12, 25, 13),
        local(WIB, 2026, 12, 25, 15),
        repeat="monthly_weekday",
        repeat_position=-1,
        repeat_until=datetime.date(2027, 3, 26),
    )
    assert [o.start.date().isoformat() for o in meeting.occurrences()] == [
        "2026-12-25",
        "2027-01-29",
        "2027-02-26",
        "2027-03-26",
    ]


def test_monthly_by_day(frozen_now, community_b):
    meeting = make_meeting(
        community_b,
        "Tanggal lima",
        local(WIB, 2026, 12, 5, 9),
        local(WIB, 2026, 12, 5, 11),
        repeat="monthly_day",
        repeat_count=3,
    )
    assert [o.start.day for o in meeting.occurrences()] == [5, 5, 5]


def test_rule_validation(frozen_now, community_a):
    meeting = MeetingPage(
        title="Salah",
        slug="salah",
        start=local(WITA, 2026, 12, 10, 14),
        end=local(WITA, 2026, 12, 10, 16),
        mode="face_to_face",
        address="Ruang guru",
        activity="reflect",
        repeat="monthly_weekday",
        repeat_position=1,  # 10 December is the second Thursday, not the first
        excluded_dates="2027-01-14\nbesok",
    )
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "excluded_dates" in error.value.message_dict
    meeting.excluded_dates = ""
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "start" in error.value.message_dict


def test_mode_needs_address_or_link(community_a):
    meeting = MeetingPage(
        title="Daring",
        slug="daring",
        start=local(WITA, 2026, 12, 10, 14),
        end=local(WITA, 2026, 12, 10, 13),
        mode="blended",
        activity="reflect",
    )
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert {"end", "address", "online_link"} <= set(error.value.message_dict)
