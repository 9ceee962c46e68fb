"""The demo meetings load in both languages, twice without duplicates."""

import io

import pytest
from django.core.management import call_command

from communities.models import AgendaPage, MeetingPage

pytestmark = pytest.mark.django_db(transaction=False)


def test_demo_meetings_load_twice(client):
    call_command("load_demo", stdout=io.StringIO())
    count = MeetingPage.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert MeetingPage.objects.count() == count == 12  # six meetings, two languages
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
