from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import FooterText
from .translation_status import TranslationStatusMenuItem, TranslationStatusView

register_snippet(FooterText)


# Reports → Translation status (home/translation_status.py).
@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusView.as_view(),
            name="home_translation_status",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusView.as_view(results_only=True),
            name="home_translation_status_results",
        ),
    ]


# wagtail-localize's Translate / Sync views, with an edit-permission check on what is
# translated (home/localize_permissions.py); order=-1 puts them before wagtail-localize's.
@hooks.register("register_admin_urls", order=-1)
def register_translation_permission_urls():
    from .localize_permissions import urls

    return urls()


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("home_translation_status"),
        name="translation-status",
        icon_name="site",
        order=8900,
    )
