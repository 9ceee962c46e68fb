from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    """Curated learning resources published by district editors."""

    name = "resources"
    verbose_name = _("Learning resources")

    def ready(self):
        from . import signals  # noqa: F401
