"""The Komunitas listing: filters that live in the URL, combine, and never fail.

Unknown or malformed values are dropped with a message; the rest still apply.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import ExpressionWrapper, F, IntegerField, Q
from django.db.models.lookups import In
from django.utils.choices import BaseChoiceIterator
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

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


def _attributes(attrs):
    """What django/forms/widgets/attrs.html renders for `attrs`."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


class QuickSelect(forms.Select):
    """forms.Select giving the same HTML as its templates, without a template per option:
    the regency filter has up to 514 options, whose templates took 15–20 ms a page."""

    def render(self, name, value, attrs=None, renderer=None):
        if self.allow_multiple_selected or any(
            isinstance(label, (list, tuple)) for _, label in self.choices
        ):  # option groups and multiple choice: as Django does
            return super().render(name, value, attrs, renderer)
        values = self.format_value(value)
        attrs = self.build_attrs(self.attrs, attrs)
        html = [f'<select name="{conditional_escape(name)}"{_attributes(attrs)}>']
        selected = False
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            chosen = not selected and option_value in values
            selected |= chosen
            html.append(
                f'\n  <option value="{conditional_escape(option_value)}"'
                f"{' selected' if chosen else ''}>{conditional_escape(label)}</option>\n"
            )
        html.append("\n</select>")
        return mark_safe("".join(html))  # noqa: S308 - every value above is escaped


class ChoicePairs(BaseChoiceIterator):
    """(value, label) pairs that a ChoiceField takes as they are: it normalized each of the
    514 regencies twice a request (1.5 ms), though they are already in that form."""

    def __init__(self, pairs):
        self.pairs = pairs

    def __iter__(self):
        return iter(self.pairs)


class CommunityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    province = forms.ChoiceField(label=_("Province"), required=False, widget=QuickSelect)
    regency = forms.ChoiceField(label=_("Regency/city"), required=False, widget=QuickSelect)
    level = forms.ChoiceField(label=_("School level"), required=False, widget=QuickSelect)
    subject = forms.ChoiceField(label=_("Subject"), required=False, widget=QuickSelect)
    type = forms.ChoiceField(label=_("Type of community"), required=False, widget=QuickSelect)
    mode = forms.ChoiceField(label=_("How they meet"), required=False, widget=QuickSelect)

    def __init__(self, *args, choices, **kwargs):
        """`choices`: (slug, name) pairs of province, regency, level and subject."""
        super().__init__(*args, **kwargs)
        anything = [("", gettext("All"))]
        for name, pairs in choices.items():
            self.fields[name].choices = ChoicePairs(anything + pairs)
        self.fields["type"].choices = ChoicePairs(anything + CommunityType.choices)
        self.fields["mode"].choices = ChoicePairs(anything + MeetingMode.choices)


def _id_in(subquery):
    """`pk IN (subquery)`, written `(id + 0) IN (…)` so that PostgreSQL cannot merge it with
    the page table read in primary-key order. It did: it guessed that the 5,000 communities
    of a common school level were 40, and read every page row of the site by id to match
    them. At the large scale the count for `?level=sd` went from 106 to 6 ms and for
    `?type=within_school` from 175 to 13 ms; a province's first page from 10 to 1 ms."""
    return In(ExpressionWrapper(F("pk") + 0, output_field=IntegerField()), subquery)


def filter_communities(pages, data):
    """Apply cleaned filter values to a queryset of community pages (of Page or CommunityPage),
    each as a subquery on their ids: one on the communities' own fields, one on the link table
    of each vocabulary."""
    own = Q()
    if q := (data.get("q") or "").strip():
        own &= (
            Q(title__icontains=q)
            | Q(goal__icontains=q)
            | Q(summary__icontains=q)
            | Q(schools__icontains=q)
        )
    if data.get("province"):
        own &= Q(regency__province__slug=data["province"])
    if data.get("regency"):
        own &= Q(regency__slug=data["regency"])
    if data.get("type"):
        own &= Q(community_type=data["type"])
    if data.get("mode"):
        own &= Q(meeting_mode=data["mode"])
    if own:
        pages = pages.filter(_id_in(CommunityPage.objects.filter(own).values("pk")))
    if data.get("level"):
        links = CommunityPage.levels.through.objects.filter(schoollevel__slug=data["level"])
        pages = pages.filter(_id_in(links.values("communitypage_id")))
    if data.get("subject"):
        links = CommunityPage.subjects.through.objects.filter(subject__slug=data["subject"])
        pages = pages.filter(_id_in(links.values("communitypage_id")))
    return pages


def community_ids(index_page, applied):
    """Ids of the live, public communities under `index_page` that match the `applied`
    filters, by title (then the older page first among namesakes, so that pages neither
    repeat nor skip a community).

    Read from Wagtail's page table alone, by the communities_live_page_type_title index
    (type, title, id, path): PostgreSQL counts them and finds a page of them in title order
    without reading each community's rows. The filters are subqueries (filter_communities):
    joined instead, PostgreSQL guessed a few dozen rows where there are thousands, and read
    every community's page row to sort them (45 ms at 10,000 communities).
    """
    pages = (
        Page.objects.live()
        .public()
        .filter(
            content_type=ContentType.objects.get_for_model(CommunityPage),
            path__startswith=index_page.path,
        )
    )
    return filter_communities(pages, applied).order_by("title", "pk").values_list("pk", flat=True)


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

    ids = community_ids(index_page, applied)
    if applied.get("q"):
        # A text search reads every community's texts: once for the count and the page
        # together (their ids only), not once for each.
        ids = list(ids)
    page_obj = paginate(ids, request.GET.get("page", "1"), PAGE_SIZE, messages)
    # Only the shown page's rows are read, in one query (the ids are its subquery).
    communities = (
        CommunityPage.objects.filter(pk__in=page_obj.object_list)
        .select_related("regency__province")
        .order_by("title", "pk")
    )
    page_obj.object_list = prefetch_terms(communities, ("levels", "subjects"))

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
