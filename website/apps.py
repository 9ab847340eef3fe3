from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"

    def ready(self):
        from . import cache, cache_keys, pages, redirects

        redirects.connect()
        cache.connect()
        cache_keys.connect()
        pages.undo_slug_loop()
