"""iCalendar (RFC 5545) files for meetings: one meeting, one community, the whole portal.

Recurring meetings are one VEVENT with RRULE and EXDATE in the community's time zone,
with its VTIMEZONE, so calendar apps expand them to the same dates the site lists.
"""

import datetime

from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from icalendar import Calendar, Event, vRecur

PRODID = "-//Komunitas Praktisi//Portal//ID"
# Community feeds show what is coming and what happened recently.
RECENT = datetime.timedelta(days=90)


def feed_window(now=None):
    now = now or timezone.now()
    return Q(series_end__isnull=True) | Q(series_end__gte=now - RECENT)


def uid(meeting, request):
    return f"meeting-{meeting.translation_key}-{meeting.locale.language_code}@{request.get_host()}"


def meeting_event(meeting, request):
    event = Event()
    event.add("uid", uid(meeting, request))
    event.add("dtstamp", meeting.last_published_at or timezone.now())
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.local_start)
    event.add("dtend", meeting.local_end)
    if meeting.repeat:
        event.add("rrule", vRecur(meeting.rrule_parts))
        excluded = meeting.excluded_date_list
        if excluded:
            start = meeting.local_start
            event.add(
                "exdate",
                [
                    datetime.datetime.combine(day, start.timetz()).replace(tzinfo=meeting.zone)
                    for day in excluded
                ],
            )
    location = meeting.address or meeting.online_link
    if location:
        event.add("location", location)
    url = meeting.get_full_url(request)
    if url:
        event.add("url", url)
    description = "\n\n".join(
        part
        for part in (
            meeting.get_activity_display(),
            strip_tags(meeting.agenda or "").strip(),
            meeting.online_link,
            url,
        )
        if part
    )
    event.add("description", description)
    return event


def build_calendar(meetings, request, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, request))
    calendar.add_missing_timezones()
    # icalendar adds the time zones in set order, which differs from one process to the
    # next: sort them, so the same meetings give the same file from every gunicorn worker.
    zones = sorted(calendar.walk("VTIMEZONE"), key=lambda zone: str(zone["TZID"]))
    calendar.subcomponents[:] = zones + [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    return calendar


def calendar_response(request, meetings, name, filename=None, inline=False):
    """GET only: an .ics file to download (one meeting) or subscribe to (a feed)."""
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse(status=405)
        response["Allow"] = "GET, HEAD"
        return response
    calendar = build_calendar(meetings, request, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    filename = filename or f"{slugify(name) or 'kalender'}.ics"
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
