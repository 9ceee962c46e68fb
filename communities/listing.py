"""The Komunitas listing: filters that live in the URL, combine, and never fail.

Unknown or malformed values are dropped with a message; the rest still apply.
"""

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.pagination import paginate

from .models import (
    CommunityPage,
    CommunityType,
    MeetingMode,
    Province,
    Regency,
    SchoolLevel,
    Subject,
)

PAGE_SIZE = 12


class CommunityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    province = forms.ChoiceField(label=_("Province"), required=False)
    regency = forms.ChoiceField(label=_("Regency/city"), required=False)
    level = forms.ChoiceField(label=_("School level"), required=False)
    subject = forms.ChoiceField(label=_("Subject"), required=False)
    type = forms.ChoiceField(label=_("Type of community"), required=False)
    mode = forms.ChoiceField(label=_("How they meet"), required=False)

    def __init__(self, *args, locale, regencies, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", gettext("All"))]
        self.fields["province"].choices = anything + [
            (p.slug, p.name) for p in Province.objects.all()
        ]
        self.fields["regency"].choices = anything + [(r.slug, r.name) for r in regencies]
        self.fields["level"].choices = anything + [
            (t.slug, t.name) for t in SchoolLevel.objects.filter(locale=locale)
        ]
        self.fields["subject"].choices = anything + [
            (t.slug, t.name) for t in Subject.objects.filter(locale=locale)
        ]
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
    locale = index_page.locale if index_page.locale_id else Locale.get_active()
    base = CommunityPage.objects.live().public().descendant_of(index_page)
    # Only regencies that have communities: a usable list instead of 514 options.
    regencies = Regency.objects.filter(pk__in=base.values("regency_id")).select_related("province")
    form = CommunityFilterForm(request.GET or None, locale=locale, regencies=regencies)
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
        filter_communities(base, applied)
        .select_related("regency__province")
        .prefetch_related("levels", "subjects")
        .annotate(member_count=Count("members", distinct=True))
        .order_by("title")
    )
    page_obj = paginate(queryset, request.GET.get("page", "1"), PAGE_SIZE, messages)

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
