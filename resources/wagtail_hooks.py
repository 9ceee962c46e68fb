from django.db.models import F
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import DownloadCount, ResourceCollection, ResourceDocument


class ResourceCollectionViewSet(SnippetViewSet):
    model = ResourceCollection
    icon = "folder-open-inverse"
    menu_label = _("Resource collections")
    list_display = ["title", "featured", "sort_order"]
    search_fields = ["title"]


register_snippet(ResourceCollectionViewSet)


@hooks.register("register_admin_urls")
def register_resource_admin_urls():
    return [
        path("resources/import/", views.import_view, name="resources_import"),
        path(
            "resources/import/template.<str:fmt>",
            views.import_template,
            name="resources_import_template",
        ),
        path("resources/downloads/", views.most_downloaded, name="resources_downloads"),
    ]


class PermissionMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("Import resources"), reverse("resources_import"), icon_name="upload", order=950
    )


@hooks.register("register_reports_menu_item")
def register_downloads_report():
    return PermissionMenuItem(
        _("Most downloaded resources"),
        reverse("resources_downloads"),
        icon_name="download",
        order=900,
    )


# After Wagtail's own hook (order 0), which refuses documents of private collections:
# a refused request is not a download.
@hooks.register("before_serve_document", order=100)
def count_resource_download(document, request):
    """Attribute a download to every resource page that lists this document."""
    page_ids = set(
        ResourceDocument.objects.filter(document=document).values_list("page_id", flat=True)
    )
    for page_id in page_ids:
        counter, created = DownloadCount.objects.get_or_create(
            resource_id=page_id, document=document, defaults={"count": 1}
        )
        if not created:
            DownloadCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)
