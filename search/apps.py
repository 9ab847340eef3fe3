from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"  # "search" alone reads like Wagtail's own app in the admin and in migrations
    verbose_name = _("Site search")

    def ready(self):
        from . import signals

        signals.connect()
