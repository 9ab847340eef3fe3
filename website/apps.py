from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import cache, cache_keys, pages, redirects, traditional
        from .models import GlossaryTerm

        redirects.connect()
        cache.connect()
        cache_keys.connect()
        pages.undo_slug_loop()
        traditional.limit_admin_to_stored_languages()
        for signal in (post_save, post_delete):
            signal.connect(traditional.glossary_changed, sender=GlossaryTerm, dispatch_uid="glossary")
