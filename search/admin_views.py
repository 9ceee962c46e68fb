"""Admin report: what visitors search for most, and which searches found nothing."""

import csv
import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.spreadsheets import spreadsheet_text

from .models import SearchQueryStat

PERIODS = [("7", _("Last 7 days")), ("30", _("Last 30 days")), ("365", _("Last 12 months"))]
ROWS = 100


def can_view(user):
    return user.is_active and user.has_perm("search.view_search_statistics")


class StatsFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False)
    language = forms.ModelChoiceField(
        label=_("Language"),
        queryset=Locale.objects.all(),
        required=False,
        empty_label=_("All languages"),
        to_field_name="language_code",
    )
    no_results = forms.BooleanField(label=_("Only searches that found nothing"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].label_from_instance = lambda locale: locale.get_display_name()


def search_terms(request):
    if not can_view(request.user):
        raise PermissionDenied
    form = StatsFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    days = int(filters.get("period") or "30")
    rows = SearchQueryStat.objects.filter(
        date__gte=timezone.localdate() - datetime.timedelta(days=days - 1)
    )
    if filters.get("language"):
        rows = rows.filter(locale=filters["language"])
    rows = rows.values("query_string", "locale__language_code").annotate(
        searches=Sum("hits"), empty=Sum("misses")
    )
    if filters.get("no_results"):
        rows = rows.filter(empty__gt=0).order_by("-empty", "-searches", "query_string")
    else:
        rows = rows.order_by("-searches", "query_string")
    languages = {locale.language_code: locale.get_display_name() for locale in Locale.objects.all()}
    rows = [
        {**row, "language": languages.get(row["locale__language_code"], "")}
        for row in rows[: ROWS if request.GET.get("export") != "csv" else None]
    ]
    if request.GET.get("export") == "csv":
        return _csv(rows)
    export_query = request.GET.copy()
    export_query["export"] = "csv"
    return render(
        request,
        "search/admin/search_terms.html",
        {"form": form, "rows": rows, "export_query": export_query.urlencode()},
    )


def _csv(rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="search-terms.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [_("Search terms"), _("Language"), _("Searches"), _("Searches with no results")]
    )
    for row in rows:
        # A query starting like a formula would run in a spreadsheet.
        text = spreadsheet_text(row["query_string"])
        writer.writerow([text, row["language"], row["searches"], row["empty"]])
    return response
