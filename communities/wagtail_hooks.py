from django.utils.translation import gettext_lazy as _
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
