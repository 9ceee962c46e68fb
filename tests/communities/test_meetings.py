"""The meeting page: dates in local time, past and upcoming, what happened, JSON-LD."""

import datetime
import json
import re

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from communities.models import MeetingAction, MeetingPage, MeetingReflection
from tests.conftest import translate_page

from . import meeting_helpers
from .meeting_helpers import (
    WITA,
    local,
    make_meeting,
    second_thursday,
)

pytestmark = pytest.mark.django_db
frozen_now = meeting_helpers.frozen_now  # a fixture


def json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.text, re.DOTALL
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_recurring_meeting_lists_next_six_dates(client, frozen_now, community_a):
    meeting = second_thursday(community_a, WITA)
    response = client.get(meeting.url)
    assert response.status_code == 200
    dates = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', response.text)
    assert [value for value, _ in dates] == [
        "2026-12-10T14:00:00+08:00",
        "2027-02-11T14:00:00+08:00",
        "2027-03-11T14:00:00+08:00",
        "2027-04-08T14:00:00+08:00",
        "2027-05-13T14:00:00+08:00",
        "2027-06-10T14:00:00+08:00",
    ]
    assert all(text.endswith("14.00–16.00 WITA") for _, text in dates)
    assert "2027-01-14" not in response.text
    assert "Kamis, 10 Desember 2026" in dates[0][1]
    assert "Upcoming meeting" in response.text or "Pertemuan mendatang" in response.text


def past_meeting(community):
    meeting = make_meeting(
        community,
        "Berbagi masalah asesmen",
        local(WITA, 2026, 11, 12, 14),
        local(WITA, 2026, 11, 12, 16),
        activity="formulate_action",
        summary="<p>Kami membahas asesmen diagnostik.</p>",
    )
    earlier = make_meeting(
        community,
        "Pertemuan Oktober",
        local(WITA, 2026, 10, 8, 14),
        local(WITA, 2026, 10, 8, 16),
    )
    meeting = MeetingPage.objects.get(pk=meeting.pk)
    meeting.actions.add(
        MeetingAction(
            what="Asesmen diagnostik di awal bab",
            who="Bu Ratna",
            due=datetime.date(2026, 12, 5),
            measure="3 kelas mencoba",
            locale=meeting.locale,
        )
    )
    meeting.reflections.add(
        MeetingReflection(
            earlier_meeting=earlier, text="Aksi bulan lalu berjalan", locale=meeting.locale
        )
    )
    meeting.save_revision().publish()
    return MeetingPage.objects.get(pk=meeting.pk), earlier


def test_past_meeting_shows_what_happened(client, frozen_now, community_a):
    meeting, earlier = past_meeting(community_a)
    response = client.get(meeting.url)
    text = response.text
    assert response.status_code == 200
    assert "Kami membahas asesmen diagnostik." in text
    assert "Asesmen diagnostik di awal bab" in text and "3 kelas mencoba" in text
    assert "Aksi bulan lalu berjalan" in text and f'href="{earlier.url}"' in text
    assert "meeting__status--past" in text
    assert 'action="' not in text or "daftar" not in text  # no registration for the past
    assert "Kamis, 12 November 2026, 14.00–16.00 WITA" in text


def test_english_translation_keeps_times(client, frozen_now, english_tree, locale_en):
    _, _, community_en = english_tree
    community_a = Page.objects.get(
        translation_key=community_en.translation_key, locale__language_code="id"
    )
    meeting = second_thursday(community_a.specific, WITA)
    translate_page(meeting, locale_en, title="Monthly meeting", slug="monthly-meeting")
    meeting_en = MeetingPage.objects.get(pk=meeting.get_translation(locale_en).pk)
    assert meeting_en.start == meeting.start and meeting_en.repeat == "monthly_weekday"
    response = client.get(meeting_en.url)
    assert response.status_code == 200
    assert "Thursday, 10 December 2026, 14.00–16.00 WITA" in response.text
    assert "Every month on the second Thursday" in response.text
    assert json_ld(response)["inLanguage"] == "en"


def test_json_ld_event(client, frozen_now, community_a):
    meeting = second_thursday(
        community_a, WITA, mode="blended", online_link="https://meet.google.com/abc-defg-hij"
    )
    data = json_ld(client.get(meeting.url))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-12-10T14:00:00+08:00"
    assert data["endDate"] == "2026-12-10T16:00:00+08:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["address"]["addressRegion"] == "Bali"
    assert virtual == {"@type": "VirtualLocation", "url": "https://meet.google.com/abc-defg-hij"}
    assert data["organizer"]["name"] == community_a.title
    assert data["organizer"]["url"].endswith(community_a.url)


def test_json_ld_online_only(client, frozen_now, community_a):
    meeting = second_thursday(
        community_a, WITA, mode="online", address="", online_link="https://zoom.us/j/1"
    )
    data = json_ld(client.get(meeting.url))
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://zoom.us/j/1"}
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")


def test_admin_enters_local_time_of_the_community(client, admin_user, community_a):
    """An editor in Jakarta (WIB) enters 14.00 for a Bali community: it means 14.00 WITA."""
    client.force_login(admin_user)
    url = f"/admin/pages/add/communities/meetingpage/{community_a.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    assert "WITA" in form.text
    data = {
        "title": "Pertemuan Desember",
        "slug": "pertemuan-desember",
        "start": "2026-12-10 14:00",
        "end": "2026-12-10 16:00",
        "repeat": "",
        "repeat_interval": "1",
        "mode": "face_to_face",
        "address": "SD Negeri 1 Negara",
        "activity": "share_practice",
        "agenda": rich_text(""),
        "summary": rich_text(""),
        "documentation": streamfield([]),
        "actions": inline_formset([]),
        "reflections": inline_formset([]),
        "action-publish": "publish",
    }
    response = client.post(url, nested_form_data(data))
    assert response.status_code == 302, response.content[:3000]
    meeting = MeetingPage.objects.get(slug="pertemuan-desember")
    assert meeting.start == local(WITA, 2026, 12, 10, 14)
    assert meeting.regency_id == community_a.regency_id
    edit = client.get(f"/admin/pages/{meeting.pk}/edit/")
    assert "2026-12-10 14:00" in edit.text


def test_reflections_link_to_earlier_meetings_of_the_same_community(
    client, admin_user, frozen_now, community_a, community_b
):
    make_meeting(
        community_a,
        "Rapat Oktober Negara",
        local(WITA, 2026, 10, 8, 14),
        local(WITA, 2026, 10, 8, 16),
    )
    make_meeting(
        community_b,
        "Rapat Oktober Bandung",
        local(WITA, 2026, 10, 8, 14),
        local(WITA, 2026, 10, 8, 16),
    )
    meeting = second_thursday(community_a, WITA)
    form_class = MeetingPage.get_edit_handler().get_form_class()
    form = form_class(instance=meeting, for_user=admin_user, parent_page=community_a)
    choices = form.formsets["reflections"].empty_form.fields["earlier_meeting"].queryset
    # The chooser validates against this queryset: other communities' meetings are refused.
    assert [m.title for m in choices] == ["Rapat Oktober Negara"]
