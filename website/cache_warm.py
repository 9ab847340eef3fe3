"""After a publish, render the pages readers use most before they ask: a task for the worker
(`manage.py db_worker`) asks the edge for them once the purge is done, so the edge and the app's
page cache hold them again and the first reader gets a cached page (docs/deployment.md).

Warmed, in both languages: the page itself, home, its section index and its keyword pages.
Only with an edge (`EDGE_PURGE_URLS`): the edge's miss renders the page on an app server.
"""

import logging
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import translation

logger = logging.getLogger(__name__)


def addresses_to_warm(page):
    """Absolute addresses of the page, home, its section index and its keyword pages, in both
    languages (each only where the page has that language)."""
    from website.languages import SECOND_LANGUAGE, SOURCE_LANGUAGE

    addresses = []
    parent = page.get_parent().specific
    keywords = list(page.keywords.all()) if hasattr(page, "keywords") else []
    for language in (SOURCE_LANGUAGE, SECOND_LANGUAGE):
        with translation.override(language):
            for shown in (page, parent.get_parent(), parent):
                if shown is not None and shown.depth > 1 and (url := shown.get_full_url()):
                    addresses.append(url)
            if hasattr(parent, "keyword_url"):
                base = parent.get_full_url()
                if base:
                    addresses += [base + parent.reverse_subpage("keyword", args=[k.slug]) for k in keywords]
    return list(dict.fromkeys(addresses))


def warm_after_commit(page):
    """Enqueue the warming once the publish (and its purge) has committed."""
    if not settings.EDGE_PURGE_URLS:
        return
    addresses = addresses_to_warm(page)

    def enqueue():
        try:
            warm_pages.enqueue(addresses)
        except Exception:
            logger.exception("Could not enqueue warming %s", addresses)

    transaction.on_commit(enqueue)


@task()
def warm_pages(addresses):
    """Ask the first edge for each address, with the reader's Host, so it is cached again."""
    edge = urlsplit(settings.EDGE_PURGE_URLS[0])
    warmed = 0
    for address in addresses:
        parts = urlsplit(address)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        target = f"{edge.scheme}://{edge.netloc}{path}"
        request = urllib.request.Request(target, headers={"Host": parts.netloc})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 -- operator's URL
                response.read()
            warmed += 1
        except OSError as error:
            logger.warning("Could not warm %s: %s", address, error)
    return warmed
