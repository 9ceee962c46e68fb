"""Translation status: the live Indonesian pages whose English version is missing or behind.

An admin report (*Reports → Translation status*) for editors. Each row is a live page in the
default language (Indonesian) that the user may edit, and is either

- **missing**: there is no live English version (no translation at all, only an alias, or
  only an unpublished draft); or
- **outdated**: the English version is older than the last change of the Indonesian page.

"Last change" is ``last_published_at``: what visitors read and what wagtail-localize's
*Sync translated pages* (``TranslationSource.update_from_db()``) copies is the page's live
row, not its drafts, so an unpublished draft does not make a translation outdated. A page
is outdated when

- its wagtail-localize ``TranslationSource.last_updated_at`` (the last time its content
  was extracted for translation, i.e. submitted or synced) is older than its last publish:
  it needs a *sync*; or
- its English page was last published before it: synced but not yet translated and
  published, or an English page maintained by hand (translation stopped). Pages that are
  wagtail-localize translations *of* an English page are not held to this rule.

Status, region and links come from one annotated query (correlated subqueries on indexed
columns), so the number of queries does not grow with the number of rows.
"""

from urllib.parse import urlencode

import django_filters
from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Length, Substr
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_type_label
from wagtail.models import Locale, Page, get_page_content_types
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import TranslationSource

from communities.models import CommunityPage, MeetingPage, Province, Regency, RegionPage
from home.spreadsheets import FormulaSafeExportMixin

MISSING = "missing"
OUTDATED = "outdated"
STATUS_LABELS = {
    MISSING: _("No English translation"),
    OUTDATED: _("English translation is outdated"),
}
STATUS_CHOICES = [
    (MISSING, _("Missing")),
    (OUTDATED, _("Outdated")),
]
# Page permissions that make someone a page editor (as Wagtail's own page reports use).
EDITOR_PERMISSIONS = ["add", "change", "publish"]


def source_language():
    return settings.LANGUAGE_CODE


def target_language():
    """The other content language (English)."""
    source = source_language()
    return next(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != source)


def _regency_expression():
    """The regency of a page: its own (region, community, meeting) or its parent
    community's (practice articles). NULL for pages outside the community tree."""
    own = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values("regency_id")[:1])
        for model in (CommunityPage, MeetingPage, RegionPage)
    ]
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    parent = Subquery(CommunityPage.objects.filter(path=parent_path).values("regency_id")[:1])
    return Coalesce(*own, parent)


def translation_status_queryset(user, source_locale=None, target_locale=None):
    """Live source-language pages `user` may edit, annotated with their translation status
    (``translation_status`` is NULL when the English version is up to date)."""
    source_locale = source_locale or Locale.objects.get(language_code=source_language())
    target_locale = target_locale or Locale.objects.get(language_code=target_language())

    translations = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale=target_locale,
        alias_of__isnull=True,  # an alias shows the Indonesian text
    )
    live_translation = translations.filter(live=True)
    synced_source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale=source_locale,
        translations__target_locale=target_locale,
        translations__enabled=True,
    )
    # Pages that are themselves wagtail-localize translations of an English page: their
    # English version is the source, so it being older says nothing.
    translated_from_target = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale=target_locale,
        translations__target_locale=source_locale,
        translations__enabled=True,
    )
    regency = Regency.objects.filter(pk=OuterRef("regency_id"))

    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        pages.filter(locale=source_locale, live=True, depth__gt=1, alias_of__isnull=True)
        .annotate(
            translation_id=Subquery(translations.values("pk")[:1]),
            live_translation_id=Subquery(live_translation.values("pk")[:1]),
            translation_published_at=Subquery(live_translation.values("last_published_at")[:1]),
            translation_source_id=Subquery(synced_source.values("pk")[:1]),
            source_synced_at=Subquery(synced_source.values("last_updated_at")[:1]),
            regency_id=_regency_expression(),
        )
        .annotate(
            province_id=Subquery(regency.values("province_id")[:1]),
            province_name=Subquery(regency.values("province__name")[:1]),
            regency_name=Subquery(regency.values("name")[:1]),
            needs_sync=Case(
                When(source_synced_at__lt=F("last_published_at"), then=Value(True)),
                default=Value(False),
            ),
            translation_status=Case(
                When(live_translation_id__isnull=True, then=Value(MISSING)),
                When(
                    Q(source_synced_at__lt=F("last_published_at"))
                    | Q(
                        Q(translation_published_at__lt=F("last_published_at")),
                        ~Exists(translated_from_target),
                    ),
                    then=Value(OUTDATED),
                ),
                default=None,
                output_field=CharField(),
            ),
        )
        .filter(translation_status__isnull=False)
        .select_related("content_type")
        .order_by(
            "content_type__model",
            F("province_name").asc(nulls_last=True),
            F("regency_name").asc(nulls_last=True),
            "title",
            "pk",
        )
    )


def _regions_with_pages():
    return Regency.objects.filter(region_pages__isnull=False).distinct()


class TranslationStatusFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_CHOICES,
        empty_label=_("All"),
        field_name="translation_status",
    )
    content_type = ContentTypeFilter(
        label=_("Type"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )
    province = django_filters.ModelChoiceFilter(
        label=_("Province"),
        queryset=lambda request: Province.objects.filter(
            pk__in=_regions_with_pages().values("province_id")
        ),
        method="filter_province",
    )
    regency = django_filters.ModelChoiceFilter(
        label=_("Regency or city"),
        queryset=lambda request: _regions_with_pages().select_related("province"),
        method="filter_regency",
    )

    class Meta:
        model = Page
        fields = []

    def _add_locale_filter(self):
        """The report is always about Indonesian sources; no locale filter."""

    def filter_province(self, queryset, name, value):
        return queryset.filter(province_id=value.pk)

    def filter_regency(self, queryset, name, value):
        return queryset.filter(regency_id=value.pk)


class TranslationStatusView(FormulaSafeExportMixin, ReportView):
    """Reports → Translation status."""

    model = Page  # Wagtail's page permission policy guards the view
    any_permission_required = EDITOR_PERMISSIONS
    template_name = "home/admin/translation_status.html"
    results_template_name = "home/admin/translation_status_results.html"
    index_url_name = "home_translation_status"
    index_results_url_name = "home_translation_status_results"
    page_title = _("Translation status")
    header_icon = "site"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50
    export_filename = "status-terjemahan"
    list_export = [
        "title",
        "status_label",
        "type_label",
        "province_name",
        "regency_name",
        "url_path",
        "last_published_at",
        "translation_published_at",
        "source_synced_at",
        "admin_url",
    ]
    export_headings = {
        "title": _("Title"),
        "status_label": _("Status"),
        "type_label": _("Type"),
        "province_name": _("Province"),
        "regency_name": _("Regency or city"),
        "url_path": _("Path"),
        "last_published_at": _("Indonesian last published"),
        "translation_published_at": _("English last published"),
        "source_synced_at": _("Last submitted or synced for translation"),
        "admin_url": _("Edit URL"),
    }

    def get_queryset(self):
        return translation_status_queryset(self.request.user)

    def stream_csv(self, queryset):
        """Wagtail streams the CSV after the view returns, outside the user's admin
        language; write it in that language all the same."""
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_admin_language():
            with translation.override(language):
                yield from rows

        return in_admin_language()

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        user = self.request.user
        can_translate = user.has_perm("wagtail_localize.submit_translation")
        back = urlencode({"next": self.index_url})
        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        for page in rows:
            page.status_label = STATUS_LABELS[page.translation_status]
            page.type_label = get_content_type_label(page.content_type)
            page.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            page.admin_url = base_url + page.edit_url
            page.translation_edit_url = (
                reverse("wagtailadmin_pages:edit", args=[page.translation_id])
                if page.translation_id
                else None
            )
            page.translate_url = page.sync_url = None
            if not can_translate:
                continue
            if page.translation_id is None:
                page.translate_url = "{}?{}".format(
                    reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                    urlencode({"select_locale": target_language(), "next": self.index_url}),
                )
            elif page.needs_sync and page.translation_source_id:
                page.sync_url = "{}?{}".format(
                    reverse(
                        "wagtail_localize:update_translations", args=[page.translation_source_id]
                    ),
                    back,
                )
        return rows


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, EDITOR_PERMISSIONS)
