"""Agenda: upcoming meetings of every community, and the calendar feeds."""

import datetime

from django.core.validators import slug_re
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from home.pagination import paginate

from .meetings import Activity
from .pages import CommunityPage, MeetingMode
from .regions import Province, Regency

PER_PAGE = 20


def _month(value):
    """'2026-12' -> (first moment, first moment of next month) as dates, or None."""
    try:
        year, month = (int(part) for part in value.split("-"))
        first = datetime.date(year, month, 1)
    except (TypeError, ValueError):
        return None
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first, following


class AgendaPage(RoutablePageMixin, Page):
    """Agenda: the coming meetings of all communities of practice, to find one to join,
    by region, mode, activity and month; and calendars to subscribe to."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agenda")

    # --- filters --------------------------------------------------------------------------

    def read_filters(self, request):
        """Validated filters from the query string and messages for the invalid ones."""
        params, errors, filters = request.GET, [], {}
        province_slug = params.get("province", "").strip()
        if province_slug:
            province = (
                Province.objects.filter(slug=province_slug).first()
                if slug_re.match(province_slug)
                else None
            )
            if province is None:
                errors.append(_t("Unknown province: %(value)s") % {"value": province_slug})
            else:
                filters["province"] = province
        regency_slug = params.get("regency", "").strip()
        if regency_slug:
            # Not a slug (e.g. a NUL byte, which PostgreSQL refuses): unknown, no query.
            regency = (
                Regency.objects.filter(slug=regency_slug).first()
                if slug_re.match(regency_slug)
                else None
            )
            if regency is None:
                errors.append(_t("Unknown regency or city: %(value)s") % {"value": regency_slug})
            else:
                filters["regency"] = regency
        for name, choices in (("mode", MeetingMode), ("activity", Activity)):
            value = params.get(name, "").strip()
            if value:
                if value in choices.values:
                    filters[name] = value
                else:
                    errors.append(_t("Unknown choice: %(value)s") % {"value": value})
        month = params.get("month", "").strip()
        if month:
            bounds = _month(month)
            if bounds is None:
                errors.append(_t("Give the month as YYYY-MM, e.g. 2026-12."))
            else:
                filters["month"] = month
                filters["month_bounds"] = bounds
        return filters, errors

    def filtered_meetings(self, filters, queryset, prefix=""):
        """`queryset` (of meetings, or of rows whose meeting is at `prefix`) filtered."""
        lookups = {
            "province": "regency__province",
            "regency": "regency",
            "mode": "mode",
            "activity": "activity",
        }
        for name, lookup in lookups.items():
            if name in filters:
                queryset = queryset.filter(**{prefix + lookup: filters[name]})
        return queryset

    def get_context(self, request, *args, **kwargs):
        from communities import meetings_listing as listing
        from home import chrome  # imports Wagtail's views: not while models load

        context = super().get_context(request, *args, **kwargs)
        filters, errors = self.read_filters(request)
        dates = self.filtered_meetings(
            filters,
            listing.upcoming_dates().filter(meeting__locale_id=self.locale_id),
            prefix="meeting__",
        )
        if "month_bounds" in filters:
            first, following = filters["month_bounds"]
            dates = dates.filter(local_date__gte=first, local_date__lt=following)
        page_obj = paginate(dates, request.GET.get("page", 1), PER_PAGE, errors)
        page_obj.object_list = listing.attach_communities(listing.items(page_obj.object_list))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            items=page_obj.object_list,
            page_obj=page_obj,
            filters=filters,
            filter_errors=errors,
            querystring=query.urlencode(),
            # Every meeting joined to its province: remembered until content changes.
            provinces=chrome.remember(
                request,
                "agenda-provinces",
                lambda: list(Province.objects.filter(regencies__meetings__isnull=False).distinct()),
            ),
            modes=MeetingMode.choices,
            activities=Activity.choices,
        )
        return context

    # --- calendar feeds -------------------------------------------------------------------

    @path("kalender/", name="feed")
    def feed(self, request):
        """Every meeting in the active language, filterable by ?province= and ?regency=."""
        from communities import meetings_listing as listing
        from communities.calendars import calendar_response, feed_window

        filters, errors = self.read_filters(request)
        if errors:
            raise Http404(errors[0])
        meetings = self.filtered_meetings(
            filters, listing.active_locale_meetings().filter(feed_window())
        )
        return calendar_response(request, meetings, name=self.title, inline=True)

    @path("kalender/<slug:community_slug>/", name="community_feed")
    def community_feed(self, request, community_slug):
        """One community's upcoming and recent meetings."""
        from communities import meetings_listing as listing
        from communities.calendars import calendar_response, feed_window

        community = (
            CommunityPage.objects.live()
            .public()
            .filter(slug=community_slug, locale=self.locale)
            .first()
        )
        if community is None:
            raise Http404
        meetings = listing.meetings_queryset().child_of(community).filter(feed_window())
        return calendar_response(request, meetings, name=community.title, inline=True)
