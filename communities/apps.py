from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    """Communities of practice, their meetings and practice articles."""

    name = "communities"
    verbose_name = _("Communities of practice")

    def ready(self):
        from . import signals  # noqa: F401
