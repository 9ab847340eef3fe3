from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"

    def ready(self):
        from . import cache, redirects

        redirects.connect()
        cache.connect()
