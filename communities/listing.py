"""The Komunitas listing: filters that live in the URL, combine, and never fail.

Unknown or malformed values are dropped with a message; the rest still apply.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.pagination import paginate

from . import reference
from .models import (
    CommunityPage,
    CommunityType,
    MeetingMode,
    Regency,
    SchoolLevel,
    Subject,
)
from .terms import prefetch_terms

PAGE_SIZE = 12


class CommunityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    province = forms.ChoiceField(label=_("Province"), required=False)
    regency = forms.ChoiceField(label=_("Regency/city"), required=False)
    level = forms.ChoiceField(label=_("School level"), required=False)
    subject = forms.ChoiceField(label=_("Subject"), required=False)
    type = forms.ChoiceField(label=_("Type of community"), required=False)
    mode = forms.ChoiceField(label=_("How they meet"), required=False)

    def __init__(self, *args, choices, **kwargs):
        """`choices`: (slug, name) pairs of province, regency, level and subject."""
        super().__init__(*args, **kwargs)
        anything = [("", gettext("All"))]
        for name, pairs in choices.items():
            self.fields[name].choices = anything + pairs
        self.fields["type"].choices = anything + list(CommunityType.choices)
        self.fields["mode"].choices = anything + list(MeetingMode.choices)


def filter_communities(queryset, data):
    """Apply cleaned filter values to a CommunityPage queryset."""
    if q := (data.get("q") or "").strip():
        queryset = queryset.filter(
            Q(title__icontains=q)
            | Q(goal__icontains=q)
            | Q(summary__icontains=q)
            | Q(schools__icontains=q)
        )
    if data.get("province"):
        queryset = queryset.filter(regency__province__slug=data["province"])
    if data.get("regency"):
        queryset = queryset.filter(regency__slug=data["regency"])
    if data.get("level"):
        queryset = queryset.filter(levels__slug=data["level"])
    if data.get("subject"):
        queryset = queryset.filter(subjects__slug=data["subject"])
    if data.get("type"):
        queryset = queryset.filter(community_type=data["type"])
    if data.get("mode"):
        queryset = queryset.filter(meeting_mode=data["mode"])
    return queryset


def community_listing(request, index_page):
    locale_id = index_page.locale_id or Locale.get_active().pk
    base = CommunityPage.objects.live().public().descendant_of(index_page)
    # Only regencies that have communities: a usable list instead of 514 options.
    regencies = Regency.objects.filter(pk__in=base.values("regency_id"))
    choices = {
        "province": reference.province_choices(request),
        "regency": reference.regency_choices(request, f"communities:{index_page.pk}", regencies),
        "level": reference.term_choices(request, SchoolLevel, locale_id),
        "subject": reference.term_choices(request, Subject, locale_id),
    }
    form = CommunityFilterForm(request.GET or None, choices=choices)
    messages = []
    applied = {}
    if form.is_bound:
        form.is_valid()
        applied = {k: v for k, v in form.cleaned_data.items() if v}
        for name in form.errors:
            label = form.fields[name].label if name in form.fields else name
            messages.append(
                gettext("The filter “%(filter)s” had a value we don't know; it was ignored.")
                % {"filter": label}
            )

    queryset = (
        filter_communities(base, applied).select_related("regency__province").order_by("title")
    )
    page_obj = paginate(queryset, request.GET.get("page", "1"), PAGE_SIZE, messages)
    page_obj.object_list = prefetch_terms(page_obj.object_list, ("levels", "subjects"))

    query = request.GET.copy()
    query.pop("page", None)
    for name in form.errors:
        query.pop(name, None)
    return {
        "filter_form": form,
        "communities": page_obj.object_list,
        "page_obj": page_obj,
        "result_count": page_obj.paginator.count,
        "filter_messages": messages,
        "filters_active": bool(applied),
        "query_string": query.urlencode(),
    }
