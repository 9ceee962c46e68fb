from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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
