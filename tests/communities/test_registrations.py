"""Registering for a meeting, and who may see the registrations in the admin."""

import pytest
from django.contrib.auth import get_user_model

from communities.models import MeetingPage, Registration
from communities.registration import normalise_whatsapp
from tests.communities.conftest import make_user
from tests.conftest import translate_page

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

FIRST = "20261210T1400"
SECOND = "20270211T1400"


def form(**changes):
    data = {
        "occurrence": FIRST,
        "name": "Dewi Lestari",
        "school": "SD Negeri 1 Negara",
        "email": "dewi@example.org",
        "whatsapp": "",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def meeting(frozen_now, community_a):
    return second_thursday(community_a, WITA, capacity=2)


def register(client, meeting, **changes):
    return client.post(meeting.url + "daftar/", form(**changes))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("62812.3456.7890", "+6281234567890"),
        ("(0812) 3456 789", "+628123456789"),
        ("", ""),
    ],
)
def test_whatsapp_numbers_are_normalised(value, expected):
    assert normalise_whatsapp(value) == expected


def test_register_then_confirmation(client, meeting):
    page = client.get(meeting.url)
    assert (
        'name="csrfmiddlewaretoken"' in page.text and "UU No. 27 Tahun 2022" in page.text
    )  # the consent notice, in Indonesian
    response = register(client, meeting, whatsapp="0812-3456-7890")
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.whatsapp == "+6281234567890"
    assert registration.occurrence_start == local(WITA, 2026, 12, 10, 14)
    assert registration.consent_given_at is not None
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "Dewi Lestari" in confirmation.text and "SD Negeri 1 Negara" in confirmation.text
    assert "10 Desember 2026, 14.00–16.00 WITA" in confirmation.text
    assert f'href="{meeting.url}kalender/"' in confirmation.text
    assert client.get(meeting.url + "daftar/terima-kasih/bukan-token/").status_code == 404


def test_register_for_a_later_occurrence(client, meeting):
    assert register(client, meeting, occurrence=SECOND).status_code == 302
    assert Registration.objects.get().occurrence_start == local(WITA, 2027, 2, 11, 14)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"consent": None}, "consent"),
        ({"email": "dewi@@example"}, "email"),
        ({"email": "", "whatsapp": ""}, "__all__"),
        ({"whatsapp": "12345"}, "whatsapp"),
        ({"occurrence": "20270114T1400"}, "occurrence"),  # the excluded date
    ],
)
def test_invalid_registration_stores_nothing(client, meeting, changes, field):
    response = register(client, meeting, **changes)
    assert response.status_code == 200
    errors = response.context["registration_form"].errors
    assert list(errors) == [field]
    for message in errors[field]:
        assert str(message).replace("'", "&#x27;") in response.text
    assert Registration.objects.count() == 0


def test_duplicate_refused(client, meeting):
    register(client, meeting, whatsapp="0812 3456 7890")
    response = register(client, meeting, email="lain@example.org", whatsapp="+6281234567890")
    assert response.status_code == 200
    assert "already registered" in response.text
    response = register(client, meeting, email="DEWI@example.org", whatsapp="")
    assert "already registered" in response.text
    assert Registration.objects.count() == 1
    # Another date is another registration.
    assert register(client, meeting, occurrence=SECOND).status_code == 302


def test_capacity(client, meeting):
    register(client, meeting, email="a@example.org")
    register(client, meeting, email="b@example.org")
    response = register(client, meeting, email="c@example.org")
    assert response.status_code == 200
    assert "this date is full" in response.text
    assert Registration.objects.count() == 2


def test_past_meeting_has_no_registration(client, frozen_now, community_b):
    meeting = make_meeting(
        community_b, "Sudah lewat", local(WIB, 2026, 11, 5, 14), local(WIB, 2026, 11, 5, 16)
    )
    assert "daftar/" not in client.get(meeting.url).text
    assert client.post(meeting.url + "daftar/", form(occurrence="20261105T1400")).status_code == 404
    assert Registration.objects.count() == 0


# --- admin --------------------------------------------------------------------------------

ADMIN = "/admin/registrations/"


@pytest.fixture
def registration(client, meeting):
    register(client, meeting, name="Made Suarta", email="made@example.org")
    client.logout()
    return Registration.objects.get()


def test_maintainer_sees_exports_and_marks_attendance(client, registration, maintainer_a):
    client.force_login(maintainer_a)
    index = client.get(ADMIN)
    assert index.status_code == 200 and "Made Suarta" in index.text
    export = client.get(ADMIN + "?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode() if export.streaming else export.text
    assert "Made Suarta" in body and "made@example.org" in body
    edit = client.post(f"{ADMIN}edit/{registration.pk}/", {"attended": "on"})
    assert edit.status_code == 302
    registration.refresh_from_db()
    assert registration.attended


def test_district_editor_sees_them(client, registration, editor_x):
    client.force_login(editor_x)
    assert "Made Suarta" in client.get(ADMIN).text


def test_other_people_see_nothing(client, registration, maintainer_b, editor_y):
    for user in (maintainer_b, editor_y):
        client.force_login(user)
        response = client.get(ADMIN)
        assert response.status_code in (302, 403) or "Made Suarta" not in response.text
        assert "Made Suarta" not in client.get(ADMIN + "?export=csv").content.decode()
        assert client.get(f"{ADMIN}edit/{registration.pk}/").status_code in (302, 403, 404)
        client.post(f"{ADMIN}edit/{registration.pk}/", {"attended": "on"})
        registration.refresh_from_db()
        assert not registration.attended
    client.logout()
    assert client.get(ADMIN).status_code == 302  # to the login page
    outsider = make_user("guru_lain")
    outsider.user_permissions.add(
        *get_user_model()
        ._meta.get_field("user_permissions")
        .related_model.objects.filter(codename="access_admin")
    )
    client.force_login(outsider)
    assert "Made Suarta" not in client.get(ADMIN).content.decode()


def test_capacity_is_shared_by_both_languages(
    client, frozen_now, english_tree, locale_en, community_a
):
    meeting = second_thursday(community_a, WITA, capacity=1)
    translate_page(meeting, locale_en, title="Monthly meeting", slug="monthly-meeting")
    meeting_en = MeetingPage.objects.get(pk=meeting.get_translation(locale_en).pk)
    assert register(client, meeting, email="a@example.org").status_code == 302
    response = register(client, meeting_en, email="b@example.org")
    assert response.status_code == 200
    assert "this date is full" in response.text
    assert "Thursday, 10 December 2026" in response.text  # the English form's date choices
    assert Registration.objects.count() == 1
