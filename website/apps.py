from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"

    def ready(self):
        from . import cache, pages, redirects

        redirects.connect()
        cache.connect()
        pages.undo_slug_loop()
