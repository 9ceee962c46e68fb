"""Listings of meetings: a community's next and past meetings, the portal-wide agenda.

Each function runs a fixed number of queries whatever the number of meetings: recurrences
are expanded in Python from the page rows, parents fetched in one query.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page

from .models import CommunityPage, MeetingPage

# How far ahead a listing expands open-ended recurrences.
HORIZON = datetime.timedelta(days=400)


@dataclass(frozen=True)
class MeetingItem:
    """One occurrence of a meeting in a listing."""

    meeting: MeetingPage
    occurrence: object
    community: Page | None = None

    @property
    def start(self):
        return self.occurrence.start

    @property
    def end(self):
        return self.occurrence.end


def meetings_queryset():
    return (
        MeetingPage.objects.live()
        .public()
        .select_related("regency__province", "locale")
        .order_by("start", "pk")
    )


def not_finished(now=None):
    now = now or timezone.now()
    return Q(series_end__isnull=True) | Q(series_end__gt=now)


def expand_upcoming(meetings, now=None, until=None):
    """MeetingItems for every occurrence not ended by `now`, sorted by start."""
    now = now or timezone.now()
    until = until or now + HORIZON
    items = []
    for meeting in meetings:
        for occurrence in meeting.occurrences(after=now):
            if occurrence.start >= until:
                break
            items.append(MeetingItem(meeting, occurrence))
    items.sort(key=lambda item: (item.start, item.meeting.title))
    return items


def attach_communities(items):
    """Set each item's community (the meeting's parent page) with one query."""
    parent_paths = {item.meeting.path[: -Page.steplen] for item in items}
    parents = {
        page.path: page
        for page in CommunityPage.objects.filter(path__in=parent_paths).only(
            "id", "path", "title", "slug", "url_path", "locale_id", "depth"
        )
    }
    return [
        MeetingItem(item.meeting, item.occurrence, parents.get(item.meeting.path[: -Page.steplen]))
        for item in items
    ]


def upcoming_meetings(community_page, limit=5):
    """The next `limit` dates of a community's meetings (each repetition counts)."""
    meetings = meetings_queryset().child_of(community_page).filter(not_finished())
    items = expand_upcoming(meetings)[:limit]
    return [MeetingItem(item.meeting, item.occurrence, community_page) for item in items]


def past_meetings_with_documentation(community_page, limit=5):
    """A community's meetings that have taken place and have a summary, newest first."""
    now = timezone.now()
    return list(
        meetings_queryset()
        .child_of(community_page)
        .filter(start__lt=now)
        .exclude(summary="")
        .order_by("-start", "-pk")[:limit]
    )


def community_feed_url(community_page, request=None):
    """The webcal:// address of a community's calendar feed (served by the Agenda page in
    the community's language), or None when there is no Agenda page."""
    from .models import AgendaPage

    agenda = AgendaPage.objects.live().filter(locale_id=community_page.locale_id).first()
    if agenda is None:
        return None
    url = agenda.get_full_url(request)
    if not url:
        return None
    url += agenda.reverse_subpage("community_feed", kwargs={"community_slug": community_page.slug})
    return "webcal://" + url.split("://", 1)[1]


def community_meetings_context(community_page, limit=5, request=None):
    """Context for templates/communities/includes/community_meetings.html."""
    return {
        "upcoming_meetings": upcoming_meetings(community_page, limit),
        "past_meetings": past_meetings_with_documentation(community_page, limit),
        "meetings_feed_url": community_feed_url(community_page, request),
    }


def active_locale_meetings():
    return meetings_queryset().filter(locale=Locale.get_active())
