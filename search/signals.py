"""Reindex a page once it is published, when its inline rows and keywords are saved too.

Wagtail indexes a page on post_save, which for a ClusterableModel runs before its child
rows (policy entries, bylines) and parental many-to-many keywords are written, so text
held there would miss the index until the next save.
"""

from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published


def reindex_published_page(sender, instance, **kwargs):
    insert_or_update_object(instance.specific)


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="site_search_reindex_published_page")
