from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SchoolLevel, Subject, Topic


class SchoolLevelViewSet(SnippetViewSet):
    model = SchoolLevel
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Categories")
    menu_icon = "tag"
    items = (SchoolLevelViewSet, SubjectViewSet, TopicViewSet)


register_snippet(TaxonomyGroup)


# Meetings: registrations, visible to the community's maintainers and district editors.
@hooks.register("register_admin_viewset")
def register_registration_viewset():
    from .admin_registrations import registration_viewset

    return registration_viewset


# Personal data requests (UU PDP): superusers export and erase one person's registrations.
@hooks.register("register_admin_urls")
def register_personal_data_urls():
    from django.urls import include, path

    from .admin_personal_data import urlpatterns

    return [
        path("personal-data/", include((urlpatterns, "personal_data"), namespace="personal_data"))
    ]


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    from django.urls import reverse

    from .admin_personal_data import SuperuserMenuItem

    return SuperuserMenuItem(
        _("Personal data requests"),
        reverse("personal_data:search"),
        name="personal-data",
        icon_name="user",
        order=900,
    )


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    from django.utils.translation import ngettext_lazy
    from wagtail.log_actions import LogFormatter

    from .admin_personal_data import ERASE_ACTION, EXPORT_ACTION

    class CountFormatter(LogFormatter):
        """The entry holds a count only, never the person's details."""

        message = None  # ngettext_lazy(..., "count"): the plural follows the count

        def format_message(self, log_entry):
            return self.message % {"count": log_entry.data.get("count", 0)}

    @actions.register_action(EXPORT_ACTION)
    class ExportFormatter(CountFormatter):
        label = _("Personal data: export")
        message = ngettext_lazy(
            "Exported %(count)s registration at a person's request",
            "Exported %(count)s registrations at a person's request",
            "count",
        )

    @actions.register_action(ERASE_ACTION)
    class EraseFormatter(CountFormatter):
        label = _("Personal data: erasure")
        message = ngettext_lazy(
            "Erased %(count)s registration at a person's request",
            "Erased %(count)s registrations at a person's request",
            "count",
        )


# The page chooser (links, page fields) browses and searches the whole tree for anyone in the
# admin. Live pages may be linked by all, but a page that is not live is shown only to those
# who may edit it: otherwise a maintainer of one community reads the titles of another
# community's drafts (tests/trust/test_permission_matrix.py, "page chooser" rows).
@hooks.register("construct_page_chooser_queryset")
def hide_drafts_of_other_people(pages, request):
    if request.user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
