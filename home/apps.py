from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Home page, about pages, shared blocks, navigation and footer."""

    name = "home"
    verbose_name = _("Home and site-wide content")

    def ready(self):
        from . import (
            cache_purge,  # noqa: F401  (signal receivers)
            locales,
            renditions,  # noqa: F401  (signal receiver)
            restrictions,
        )

        restrictions.install()
        locales.install()
