"""The Agenda page and the community's meeting listings."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from communities.meetings_listing import community_meetings_context
from communities.models import AgendaPage
from tests.communities.conftest import make_community
from tests.conftest import add_page, translate_page

from . import meeting_helpers
from .meeting_helpers import (
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


def titles(response):
    return [item.meeting.title for item in response.context["items"]]


@pytest.fixture
def meetings(frozen_now, community_a, community_b):
    second_thursday(community_a, WITA, title="Bulanan Negara", activity="reflect")
    make_meeting(
        community_b,
        "Daring Bandung",
        local(WIB, 2026, 12, 3, 19),
        local(WIB, 2026, 12, 3, 21),
        mode="online",
        address="",
        online_link="https://zoom.us/j/1",
        activity="share_practice",
    )
    make_meeting(
        community_b, "Sudah lewat", local(WIB, 2026, 11, 3, 19), local(WIB, 2026, 11, 3, 21)
    )


def test_agenda_lists_upcoming_occurrences_in_order(client, agenda, meetings):
    response = client.get(agenda.url)
    assert response.status_code == 200
    found = titles(response)
    assert found[:3] == ["Daring Bandung", "Bulanan Negara", "Bulanan Negara"]
    assert "Sudah lewat" not in found
    starts = [item.start for item in response.context["items"]]
    assert starts == sorted(starts)
    assert "Kamis, 3 Desember 2026, 19.00–21.00 WIB" in response.text
    assert "Kamis, 10 Desember 2026, 14.00–16.00 WITA" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("province=bali", {"Bulanan Negara"}),
        ("regency=kota-bandung", {"Daring Bandung"}),
        ("mode=online", {"Daring Bandung"}),
        ("activity=reflect", {"Bulanan Negara"}),
        ("month=2027-01", set()),  # 14 January 2027 is excluded
        ("month=2027-02", {"Bulanan Negara"}),
        ("month=2026-12", {"Bulanan Negara", "Daring Bandung"}),
    ],
)
def test_filters(client, agenda, meetings, query, expected):
    response = client.get(f"{agenda.url}?{query}")
    assert set(titles(response)) == expected
    assert not response.context["filter_errors"]


@pytest.mark.parametrize(
    "query",
    [
        "province=atlantis",
        "regency=x",
        "mode=teleport",
        "activity=x",
        "month=2026-13",
        "month=desember",
        "page=999",
        "page=abc",
    ],
)
def test_bad_filters_give_a_message_not_an_error(client, agenda, meetings, query):
    response = client.get(f"{agenda.url}?{query}")
    assert response.status_code == 200
    assert response.context["filter_errors"]


def test_agenda_in_english_lists_english_meetings_only(
    client, frozen_now, agenda, english_tree, locale_en, community_b
):
    _, _, community_en = english_tree
    community_a = community_en.get_translation(agenda.locale).specific
    meeting = second_thursday(community_a, WITA)
    second_thursday(community_b, WIB, title="Hanya bahasa Indonesia")
    translate_page(meeting, locale_en, title="Monthly meeting", slug="monthly-meeting")
    translate_page(agenda, locale_en, title="Agenda", slug="agenda")
    response = client.get("/en/agenda/")
    assert response.status_code == 200
    assert set(titles(response)) == {"Monthly meeting"}
    assert "Thursday, 10 December 2026" in response.text


def make_many(community, count, zone):
    for number in range(count):
        second_thursday(community, zone, title=f"Pertemuan {number}", slug=f"pertemuan-{number}")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_agenda_query_count_is_constant(client, frozen_now, agenda, region_x, region_y):
    make_many(make_community(region_x, "Komunitas Satu"), 2, WITA)
    make_many(make_community(region_y, "Komunitas Dua"), 2, WIB)
    filtered = agenda.url + "?province=bali&month=2027-03"
    small = count_queries(client, agenda.url), count_queries(client, filtered)
    make_many(make_community(region_x, "Komunitas Tiga"), 8, WITA)
    make_many(make_community(region_y, "Komunitas Empat"), 8, WIB)
    assert (count_queries(client, agenda.url), count_queries(client, filtered)) == small


def test_community_listing(frozen_now, community_a):
    second_thursday(community_a, WITA, title="Bulanan")
    make_meeting(
        community_a,
        "Refleksi November",
        local(WITA, 2026, 11, 12, 14),
        local(WITA, 2026, 11, 12, 16),
        summary="<p>Ringkasan</p>",
    )
    make_meeting(
        community_a, "Tanpa catatan", local(WITA, 2026, 10, 8, 14), local(WITA, 2026, 10, 8, 16)
    )
    context = community_meetings_context(community_a, limit=3)
    assert [item.meeting.title for item in context["upcoming_meetings"]] == ["Bulanan"] * 3
    assert [m.title for m in context["past_meetings"]] == ["Refleksi November"]
    html = render_to_string("communities/includes/community_meetings.html", context)
    assert "Kamis, 10 Desember 2026, 14.00–16.00 WITA" in html
    assert "Refleksi November" in html and "Tanpa catatan" not in html


def make_past(community, count, start=0):
    for number in range(start, start + count):
        make_meeting(
            community,
            f"Lalu {number}",
            local(WITA, 2026, 9, 1, 14),
            local(WITA, 2026, 9, 1, 16),
            slug=f"lalu-{number}",
            summary="<p>Catatan</p>",
        )


def render_listing_queries(community):
    context = community_meetings_context(community)
    render_to_string("communities/includes/community_meetings.html", context)  # warm caches
    with CaptureQueriesContext(connection) as queries:
        render_to_string(
            "communities/includes/community_meetings.html",
            community_meetings_context(community),
        )
    return len(queries)


def test_community_listing_query_count_is_constant(frozen_now, community_a):
    make_many(community_a, 2, WITA)
    make_past(community_a, 2)
    small = render_listing_queries(community_a)
    for number in range(2, 12):
        second_thursday(community_a, WITA, title=f"Lagi {number}", slug=f"lagi-{number}")
    make_past(community_a, 10, start=2)
    assert render_listing_queries(community_a) == small


def test_community_feed_link_is_webcal(client, frozen_now, agenda, community_a):
    second_thursday(community_a, WITA)
    context = community_meetings_context(community_a)
    url = context["meetings_feed_url"]
    assert url.startswith("webcal://") and url.endswith(f"/agenda/kalender/{community_a.slug}/")
    html = render_to_string("communities/includes/community_meetings.html", context)
    assert f'href="{url}"' in html
    feed = client.get("/" + url.split("/", 3)[3])
    assert feed.status_code == 200 and b"BEGIN:VCALENDAR" in feed.content


def test_meetings_in_a_private_section_are_listed_nowhere(client, agenda, meetings, community_b):
    from wagtail.models import PageViewRestriction

    hidden = make_meeting(
        community_b, "Rapat Tertutup", local(WIB, 2026, 12, 2, 9), local(WIB, 2026, 12, 2, 11)
    )
    assert "Rapat Tertutup" in titles(client.get(agenda.url))
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    for _ in range(2):  # the restricted sections are then read from the cache
        assert "Rapat Tertutup" not in titles(client.get(agenda.url))
        assert "Daring Bandung" in titles(client.get(agenda.url))
        shown = community_meetings_context(community_b)["upcoming_meetings"]
        assert [item.meeting.title for item in shown] == ["Daring Bandung"]
