"""The demo meetings in both languages (loading twice adds no page: tests/home/test_demo.py)."""

import pytest

from communities.models import AgendaPage, MeetingPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content")]


def test_demo_meetings_in_both_languages(client):
    assert MeetingPage.objects.count() == 12  # six meetings, two languages
    assert AgendaPage.objects.count() == 2
    recurring = MeetingPage.objects.get(locale__language_code="en", repeat="monthly_weekday")
    assert recurring.excluded_date_list and recurring.zone_label == "WIB"
    labels = {m.zone_label for m in MeetingPage.objects.filter(locale__language_code="id")}
    assert labels == {"WIB", "WITA", "WIT"}
    past = MeetingPage.objects.get(slug="reflecting-on-exit-tickets")
    response = client.get(past.url)
    assert response.status_code == 200
    assert "Three teachers have tried exit tickets" in response.text
    assert "Mapping classroom problems" in response.text  # the reflection's earlier meeting
    assert "All Grade 8 teachers" in response.text
    response = client.get("/en/agenda/")
    assert response.status_code == 200
    assert "Monthly meeting: second Thursday" in response.text
    assert "Diagnostic assessment workshop" in response.text
