"""Calendar files: valid RFC 5545, recurrences that expand to the dates the site lists."""

import datetime

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from communities.models import AgendaPage
from tests.conftest import add_page

from . import meeting_helpers
from .meeting_helpers import (
    EXPECTED_DATES,
    NOW,
    WIB,
    WITA,
    local,
    make_meeting,
    second_thursday,
)

pytestmark = pytest.mark.django_db
frozen_now = meeting_helpers.frozen_now  # a fixture


@pytest.fixture
def agenda(home_id):
    return add_page(home_id, AgendaPage, title="Agenda", slug="agenda")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    for event in calendar.walk("VEVENT"):
        assert event["UID"] and event["DTSTAMP"]
    return calendar


def expand(event, count):
    """Expand an event's RRULE minus its EXDATEs with dateutil, as a client would."""
    start = event.decoded("DTSTART")
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    excluded = set()
    exdates = event.get("EXDATE", [])
    for exdate in exdates if isinstance(exdates, list) else [exdates]:
        excluded |= {value.dt for value in exdate.dts}
    return [value for value in rule if value not in excluded and value >= NOW][:count]


def test_meeting_ics_matches_page(client, frozen_now, community_a):
    meeting = second_thursday(community_a, WITA)
    response = client.get(meeting.url + "kalender/")
    assert response["Content-Disposition"].startswith("attachment")
    calendar = parse(response)
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Asia/Makassar"
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Asia/Makassar"
    occurrences = expand(event, 6)
    assert [value.date() for value in occurrences] == EXPECTED_DATES
    assert all(
        value.hour == 14 and value.utcoffset() == datetime.timedelta(hours=8)
        for value in occurrences
    )
    # The page lists the very same starts.
    page_starts = [o.start for o in meeting.occurrences(after=NOW, limit=6)]
    assert occurrences == page_starts


def test_ics_is_get_only(client, frozen_now, community_a):
    meeting = second_thursday(community_a, WITA)
    assert client.post(meeting.url + "kalender/").status_code == 405


def test_single_meeting_ics_has_no_rule(client, frozen_now, community_b):
    meeting = make_meeting(
        community_b, "Sekali saja", local(WIB, 2026, 12, 3, 9), local(WIB, 2026, 12, 3, 11)
    )
    (event,) = parse(client.get(meeting.url + "kalender/")).walk("VEVENT")
    assert "RRULE" not in event
    assert event.decoded("DTSTART") == local(WIB, 2026, 12, 3, 9)
    assert event["DTSTART"].params["TZID"] == "Asia/Jakarta"


def test_community_feed(client, frozen_now, agenda, community_a, community_b):
    second_thursday(community_a, WITA, title="Bulanan A")
    make_meeting(
        community_a, "Lama sekali", local(WITA, 2025, 1, 9, 14), local(WITA, 2025, 1, 9, 16)
    )
    make_meeting(
        community_a, "Bulan lalu", local(WITA, 2026, 11, 5, 14), local(WITA, 2026, 11, 5, 16)
    )
    second_thursday(community_b, WIB, title="Bulanan B")
    response = client.get(f"{agenda.url}kalender/{community_a.slug}/")
    calendar = parse(response)
    titles = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    # Upcoming and recent meetings of this community only.
    assert titles == ["Bulan lalu", "Bulanan A"]
    assert client.get(f"{agenda.url}kalender/tidak-ada/").status_code == 404


def test_portal_feed_filtered_by_region(client, frozen_now, agenda, community_a, community_b):
    second_thursday(community_a, WITA, title="Bulanan A")
    second_thursday(community_b, WIB, title="Bulanan B")
    all_events = parse(client.get(agenda.url + "kalender/")).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in all_events) == ["Bulanan A", "Bulanan B"]
    calendar = parse(client.get(agenda.url + "kalender/?province=bali"))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Bulanan A"]
    assert {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")} == {"Asia/Makassar"}
    calendar = parse(client.get(agenda.url + "kalender/?regency=kota-bandung"))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Bulanan B"]
    assert client.get(agenda.url + "kalender/?province=atlantis").status_code == 404


def test_feed_time_zones_come_first_in_a_stable_order(
    client, frozen_now, agenda, community_a, community_b
):
    """The same meetings give the same file in every process (icalendar alone orders the
    time zones by set iteration, which changes with Python's hash seed)."""
    second_thursday(community_a, WITA, title="Bulanan A")
    second_thursday(community_b, WIB, title="Bulanan B")
    calendar = parse(client.get(agenda.url + "kalender/"))
    names = [component.name for component in calendar.subcomponents]
    assert names == ["VTIMEZONE", "VTIMEZONE", "VEVENT", "VEVENT"]
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == [
        "Asia/Jakarta",
        "Asia/Makassar",
    ]
