"""Listings of meetings: a community's next and past meetings, the portal-wide agenda.

Each function runs a fixed number of queries whatever the number of meetings: upcoming
dates come from the stored occurrence rows (communities/models/occurrences.py), paged in
SQL; parents are fetched in one query.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import DateTimeField, ExpressionWrapper, F
from django.utils import timezone
from wagtail.models import Locale, Page

from home import restrictions
from home.chrome import first_live_page

from .models import CommunityPage, MeetingOccurrence, MeetingPage
from .recurrence import Occurrence


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


# What a list of meetings never shows: long text that only the meeting's own page reads.
LONG_FIELDS = ("agenda", "summary", "documentation", "excluded_dates", "search_description")


def upcoming_dates(now=None, related=("meeting__regency__province", "meeting__locale")):
    """Stored dates of live, public meetings not ended by `now`, soonest first (a queryset
    of MeetingOccurrence: filter it, slice or paginate it, then turn it into `items`)."""
    now = now or timezone.now()
    dates = (
        MeetingOccurrence.objects.filter(end__gt=now)
        .select_related(*related)
        # Not by title: the start index alone then gives the next N rows without a sort.
        .order_by("start", "meeting_id")
    )
    sections = restrictions.restricted_sections()
    if sections is None:  # no cache: as Wagtail says it
        return dates.filter(meeting__in=MeetingPage.objects.live().public())
    # The same condition on the meeting already joined: a subquery with two more joins
    # cost PostgreSQL 4 ms more to plan than the query takes to run.
    dates = dates.filter(meeting__live=True)
    for path, depth in sections:
        dates = dates.exclude(meeting__path__startswith=path, meeting__depth__gte=depth)
    return dates


def items(dates):
    """MeetingItems for stored dates, in the meeting's own time zone."""
    result = []
    for row in dates:
        zone = row.meeting.zone
        occurrence = Occurrence(row.start.astimezone(zone), row.end.astimezone(zone))
        result.append(MeetingItem(row.meeting, occurrence))
    return result


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


def in_community_regency(meetings, community_page):
    """Give a community's meetings the regency (and province, for the time zone) its page
    already has: a meeting's regency is copied from its community's on save. Joined again,
    they cost PostgreSQL more to plan than the whole list takes to read."""
    regency = community_page.regency if community_page.regency_id else None
    for meeting in meetings:
        if regency is not None and meeting.regency_id == regency.pk:
            meeting.regency = regency
    return meetings


def child_ids(community_page):
    """Ids of a community's live pages (its meetings and articles), read by the page tree's
    path index. The community page's lists filter by these ids, not by path: by path,
    PostgreSQL guessed hundreds of pages where a community has a handful, and walked every
    article by date, or every future meeting date, to find them (up to 100 ms a page)."""
    return list(Page.objects.child_of(community_page).live().values_list("pk", flat=True))


def upcoming_meetings(community_page, limit=5, ids=None):
    """The next `limit` dates of a community's meetings (each repetition counts); `ids`:
    child_ids(community_page), when the caller has them."""
    ids = child_ids(community_page) if ids is None else ids
    dates = (
        upcoming_dates(related=("meeting",))
        .filter(meeting_id__in=ids)
        .defer(*(f"meeting__{name}" for name in LONG_FIELDS))
        # Sorted by an expression, not down the start index: walking that index, PostgreSQL
        # read every future date of the site (28 ms) to find a community's next five.
        .order_by(ExpressionWrapper(F("start") + timedelta(0), DateTimeField()), "meeting_id")
    )
    dates = list(dates[:limit])
    in_community_regency([row.meeting for row in dates], community_page)
    return [MeetingItem(item.meeting, item.occurrence, community_page) for item in items(dates)]


def past_meetings_with_documentation(community_page, limit=5, ids=None):
    """A community's meetings that have taken place and have a summary, newest first."""
    ids = child_ids(community_page) if ids is None else ids
    now = timezone.now()
    meetings = (
        MeetingPage.objects.live()
        .public()
        .filter(pk__in=ids)
        .filter(start__lt=now)
        .exclude(summary="")
        .defer(*LONG_FIELDS)
        .order_by("-start", "-pk")[:limit]
    )
    return in_community_regency(list(meetings), community_page)


def community_feed_url(community_page, request=None):
    """The webcal:// address of a community's calendar feed (served by the Agenda page in
    the community's language), or None when there is no Agenda page."""
    from .models import AgendaPage

    agenda = first_live_page(request, AgendaPage, community_page.locale_id)
    if agenda is None:
        return None
    url = agenda.get_full_url(request)
    if not url:
        return None
    url += agenda.reverse_subpage("community_feed", kwargs={"community_slug": community_page.slug})
    return "webcal://" + url.split("://", 1)[1]


def community_meetings_context(community_page, limit=5, request=None, ids=None):
    """Context for templates/communities/includes/community_meetings.html."""
    ids = child_ids(community_page) if ids is None else ids
    return {
        "upcoming_meetings": upcoming_meetings(community_page, limit, ids),
        "past_meetings": past_meetings_with_documentation(community_page, limit, ids),
        "meetings_feed_url": community_feed_url(community_page, request),
    }


def active_locale_meetings():
    return meetings_queryset().filter(locale=Locale.get_active())
