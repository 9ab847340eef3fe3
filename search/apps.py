from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"  # "search" alone reads like Wagtail's own app in the admin and in migrations
    verbose_name = _("Site search")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import ranking, signals

        signals.connect()
        connection_created.connect(ranking.register_sqlite_function, dispatch_uid="site_search_title_score")
