from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_search_admin_urls():
    return [path("search-terms/", admin_views.search_terms, name="search_terms")]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_view(request.user)


@hooks.register("register_reports_menu_item")
def register_search_terms_report():
    return StatisticsMenuItem(
        _("What visitors search for"),
        reverse("search_terms"),
        name="portal-search-terms",
        icon_name="search",
        order=1290,
    )


@hooks.register("register_permissions")
def register_search_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="search", codename="view_search_statistics"
    )
