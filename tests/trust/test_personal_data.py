"""Personal data (UU PDP): registrations keep only what the form asks, the privacy page in both
languages, retention (purge_registrations), and export and erasure on request by a superuser."""

import csv
import io
import json
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.models import PageLogEntry

from communities.admin_personal_data import ERASE_ACTION, EXPORT_ACTION
from communities.models import Registration
from communities.registration import RegistrationForm
from home import demo_privacy
from tests.communities.conftest import (  # noqa: F401 - fixtures
    community_a,
    community_b,
    community_index,
    maintainer_a,
    make_user,
    region_x,
    region_y,
)
from tests.communities.meeting_helpers import (  # noqa: F401 - frozen_now is a fixture
    NOW,
    WIB,
    WITA,
    frozen_now,
    local,
    make_meeting,
    second_thursday,
)

pytestmark = pytest.mark.django_db

ADMIN = "/admin/personal-data/"


def admin_text(message, *plural):
    """An admin string as the (Indonesian) admin shows it."""
    with translation.override("id"):
        if plural:
            return translation.ngettext(message, *plural)
        return translation.gettext(message)


def register(meeting, start, **fields):
    values = {"name": "Dewi Lestari", "school": "SD Negeri 1 Negara", "email": ""}
    values.update(fields)
    return Registration.objects.create(
        meeting=meeting, occurrence_start=start, consent_given_at=timezone.now(), **values
    )


# --- what a registration keeps -------------------------------------------------------------


def test_a_registration_keeps_only_what_the_form_asks():
    stored = {field.name for field in Registration._meta.concrete_fields}
    asked = set(RegistrationForm.base_fields) - {"website", "consent"}  # website: the honeypot

    # The date chosen is `occurrence_start`; the rest is what the privacy page explains:
    # when consent was given, when they registered, attendance, and the confirmation link.
    bookkeeping = {"id", "meeting", "occurrence_start", "consent_given_at", "created_at"}
    assert stored - bookkeeping - {"attended", "token"} == asked - {"occurrence"}
    assert not {"ip", "ip_address", "user_agent", "address"} & stored


# --- the privacy page -----------------------------------------------------------------------


@pytest.fixture
def privacy_pages(home_en):
    demo_privacy.load(io.StringIO())


def test_the_privacy_page_exists_in_both_languages_and_the_footer_links_it(
    client, home_en, settings
):
    # The page states the retention periods configured when it was written.
    settings.REGISTRATION_RETENTION_DAYS, settings.ACCESS_LOG_RETENTION_DAYS = 200, 30
    demo_privacy.load(io.StringIO())

    indonesian = client.get("/id/privasi/")
    english = client.get("/en/privacy/")

    assert indonesian.status_code == english.status_code == 200
    assert "<h1>Kebijakan Privasi</h1>" in indonesian.text
    assert "200 hari setelah tanggal pertemuannya" in indonesian.text
    assert "Privacy policy" in english.text and "Kebijakan" not in english.text
    assert "deleted automatically 200 days after their meeting date" in english.text
    assert "kept for 30 days" in english.text
    for field in ("name", "school", "e-mail address", "WhatsApp number"):
        assert field in english.text
    assert '<a href="/id/privasi/">Kebijakan Privasi</a>' in client.get("/id/").text
    assert '<a href="/en/privacy/">Privacy policy</a>' in client.get("/en/").text


def test_the_registration_form_links_the_privacy_page_and_says_why(
    client,
    frozen_now,  # noqa: F811
    community_a,  # noqa: F811
    privacy_pages,
):
    meeting = second_thursday(community_a, WITA)
    html = client.get(meeting.url).text
    form = html[html.index('id="daftar"') :]
    assert 'href="/id/privasi/"' in form
    with translation.override("id"):
        for name in ("name", "school", "email", "whatsapp"):
            assert escape(str(RegistrationForm.base_fields[name].help_text)) in form


def test_without_a_privacy_page_there_is_no_broken_link(client, frozen_now, community_a):  # noqa: F811
    meeting = second_thursday(community_a, WITA)
    assert "privasi" not in client.get(meeting.url).text


# --- retention ------------------------------------------------------------------------------


@pytest.fixture
def old_and_new(frozen_now, community_a):  # noqa: F811
    """With 365 days' retention the cutoff is 1 December 2025, 08.00 UTC (16.00 WITA)."""
    old = make_meeting(
        community_a, "Lama", local(WITA, 2025, 10, 2, 14), local(WITA, 2025, 10, 2, 16)
    )
    # Ends at 15.30 WITA, before the cutoff: expired. The next one ends after it: kept.
    edge = make_meeting(
        community_a, "Batas", local(WITA, 2025, 12, 1, 14), local(WITA, 2025, 12, 1, 15, 30)
    )
    later = make_meeting(
        community_a, "Lewat", local(WITA, 2025, 12, 1, 15), local(WITA, 2025, 12, 1, 16, 30)
    )
    recurring = second_thursday(community_a, WITA, title="Bulanan")
    expired = [
        register(old, old.start, email="a@example.org"),
        register(old, old.start, email="b@example.org"),
        register(edge, edge.start, email="c@example.org"),
        # A past date of a series that goes on: its registrations age on their own.
        register(recurring, local(WITA, 2025, 11, 13, 14), email="d@example.org"),
    ]
    kept = [
        register(later, later.start, email="e@example.org"),
        register(recurring, recurring.start, email="f@example.org"),
    ]
    return expired, kept


def purge(*args):
    out = io.StringIO()
    call_command("purge_registrations", *args, stdout=out)
    return out.getvalue()


def test_purge_deletes_registrations_past_retention_once(old_and_new):
    expired, kept = old_and_new

    dry = purge("--dry-run")
    assert "Registrations: 4 would be deleted" in dry and "365 days" in dry
    assert Registration.objects.count() == 6

    assert "Registrations: 4 deleted" in purge()
    assert set(Registration.objects.values_list("pk", flat=True)) == {r.pk for r in kept}
    assert "Registrations: 0 deleted" in purge()  # idempotent


@override_settings(REGISTRATION_RETENTION_DAYS=30)
def test_the_retention_period_is_a_setting(old_and_new):
    # Everything but the registration for 10 December 2026, still to come.
    assert "Registrations: 5 would be deleted" in purge("--dry-run")


def test_purge_deletes_old_sign_in_records(frozen_now):  # noqa: F811
    for days in (10, 100):
        agent = f"browser {days}"
        AccessLog.objects.create(ip_address="203.0.113.10", username="editor", user_agent=agent)
        AccessAttempt.objects.create(
            ip_address="203.0.113.10", username="editor", user_agent=agent, failures_since_start=1
        )
        for model in (AccessLog, AccessAttempt):
            model.objects.filter(attempt_time=NOW).update(attempt_time=NOW - timedelta(days=days))

    assert "1 access logs, 1 failed attempts, 0 failure logs would be deleted" in purge("--dry-run")
    assert "1 access logs, 1 failed attempts, 0 failure logs deleted" in purge()
    assert AccessLog.objects.count() == AccessAttempt.objects.count() == 1


# --- export and erasure on request ----------------------------------------------------------


@pytest.fixture
def people(frozen_now, community_a, community_b):  # noqa: F811
    first = second_thursday(community_a, WITA)
    second = make_meeting(
        community_b, "Lokakarya", local(WIB, 2026, 12, 17, 9), local(WIB, 2026, 12, 17, 12)
    )
    dewi = [
        register(first, first.start, email="dewi@example.org"),
        register(second, second.start, email="Dewi@Example.org", whatsapp="+6281234567890"),
        register(first, local(WITA, 2027, 2, 11, 14), email="", whatsapp="+6281234567890"),
    ]
    others = [
        register(first, first.start, name="Made Suarta", email="made@example.org"),
        register(second, second.start, name="Tanpa E-mail", whatsapp="+6289876543210"),
    ]
    return dewi, others


@pytest.fixture
def superuser():
    return make_user("admin_pdp", is_superuser=True)


def test_only_superusers_reach_it(client, people, maintainer_a):  # noqa: F811
    dewi, _ = people
    assert client.get(ADMIN).status_code == 302  # to the login page
    staff = make_user("editor_biasa", is_staff=True)
    for user in (maintainer_a, staff):
        client.force_login(user)
        assert admin_text("Personal data requests") not in client.get("/admin/").text
        for response in (
            client.get(ADMIN, {"email": "dewi@example.org"}),
            client.get(ADMIN + "export/", {"email": "dewi@example.org"}),
            client.post(
                ADMIN + "erase/",
                {"email": "dewi@example.org", "registration": [r.pk for r in dewi]},
            ),
        ):
            assert response.status_code == 302
            assert "dewi@example.org" not in response.content.decode().lower()
    assert Registration.objects.count() == 5
    assert not PageLogEntry.objects.filter(action__startswith="portal.personal_data").exists()


def test_the_search_finds_exactly_that_persons_registrations(client, people, superuser):
    dewi, others = people
    client.force_login(superuser)
    assert admin_text("Personal data requests") in client.get("/admin/").text

    by_email = client.get(ADMIN, {"email": "DEWI@example.ORG"})
    assert [r.pk for r in by_email.context["registrations"]] == [dewi[0].pk, dewi[1].pk]
    both = client.get(ADMIN, {"email": "dewi@example.org", "whatsapp": "0812-3456-7890"})
    assert {r.pk for r in both.context["registrations"]} == {r.pk for r in dewi}
    assert "Made Suarta" not in both.text and "Tanpa E-mail" not in both.text
    named = client.get(ADMIN, {"email": "dewi@example.org", "name": "dewi lestari"})
    assert len(named.context["registrations"]) == 2
    assert (
        client.get(ADMIN, {"email": "dewi@example.org", "name": "Dewi"}).context["registrations"]
        == []
    )


@pytest.mark.parametrize(
    "query", [{"email": "", "whatsapp": ""}, {"email": "bukan-email"}, {"whatsapp": "123"}]
)
def test_bad_searches_get_a_form_error(client, people, superuser, query):
    client.force_login(superuser)
    response = client.get(ADMIN, query)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert "registrations" not in response.context


def test_export_as_csv_and_json_is_logged_without_the_person(client, people, superuser):
    dewi, _ = people
    client.force_login(superuser)
    query = {"email": "dewi@example.org", "whatsapp": "+62 812 3456 7890"}

    response = client.get(ADMIN + "export/", {**query, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="data-pribadi.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["meeting"] for row in rows] == [
        "Pertemuan bulanan",
        "Lokakarya",
        "Pertemuan bulanan",
    ]
    assert rows[0]["date"] == "2026-12-10T14:00:00+08:00"
    assert {row["name"] for row in rows} == {"Dewi Lestari"}
    assert rows[2]["whatsapp"] == "+6281234567890"

    data = json.loads(client.get(ADMIN + "export/", {**query, "format": "json"}).content)
    assert len(data["registrations"]) == 3 and data["registrations"][1]["school"]

    entries = PageLogEntry.objects.filter(action=EXPORT_ACTION).order_by("pk")
    assert sorted(e.data["count"] for e in entries) == [1, 1, 2, 2]  # two meetings, twice
    assert {e.user_id for e in entries} == {superuser.pk}
    for entry in entries:
        text = f"{entry.label} {entry.data} {entry.message}"
        assert "dewi" not in text.lower() and "6281234567890" not in text
    exported = admin_text(
        "Exported %(count)s registration at a person's request",
        "Exported %(count)s registrations at a person's request",
        2,
    )
    with translation.override("id"):
        assert entries.filter(data__count=2).first().message == exported % {"count": 2}


def test_erasure_asks_first_and_removes_exactly_those_rows(client, people, superuser):
    dewi, others = people
    client.force_login(superuser)
    query = {"email": "dewi@example.org", "whatsapp": "0812 3456 7890"}

    confirm = client.get(ADMIN + "erase/", query)
    assert confirm.status_code == 200
    assert 'method="post"' in confirm.text and "csrfmiddlewaretoken" in confirm.text
    assert Registration.objects.count() == 5  # GET never deletes

    ids = [r.pk for r in dewi] + [others[0].pk]  # a tampered form cannot widen the erasure
    response = client.post(ADMIN + "erase/", {**query, "registration": ids})
    assert response.status_code == 302
    assert set(Registration.objects.values_list("pk", flat=True)) == {r.pk for r in others}
    entries = PageLogEntry.objects.filter(action=ERASE_ACTION)
    assert sorted(e.data["count"] for e in entries) == [1, 2]
    erased = admin_text("Erased %(count)s registration.", "Erased %(count)s registrations.", 3)
    assert escape(erased % {"count": 3}) in client.get(response["Location"]).text
