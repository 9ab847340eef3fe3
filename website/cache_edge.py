"""What an HTTP cache in front of the site (Varnish, a CDN) may keep, and telling it to let go.

`EdgeCacheMiddleware` gives every response a ``Cache-Control``: a page every anonymous reader
gets alike says ``public, max-age=…, s-maxage=…`` and carries surrogate keys naming what it
shows (``xkey`` for Varnish's xkey vmod, ``Surrogate-Key`` and ``Cache-Tag`` for CDNs); anything
else (signed-in staff, previews, embargo preview links, private pages, form posts, a response
that sets a cookie or holds a reader's own values) says ``private, no-store`` and no edge keeps it.

Pages with a form (an article open for comments) hold the reader's own CSRF token
(website.per_reader): the app's page cache still stores them, with placeholders, but the edge
does not (docs/deployment.md, "The edge").

The keys are the page's tags (website.cache_tags). `purge_edge` asks every address in
``EDGE_PURGE_URLS`` to drop what carries the given keys; website.cache_keys calls it after a
change commits, with the tags the change stamps in the app's own cache.
"""

import logging
import urllib.request

from django.conf import settings

from website.cache import is_cacheable_request
from website.cache_tags import collecting, tags_for

logger = logging.getLogger(__name__)

PRIVATE = "private, no-store"


class EdgeCacheMiddleware:
    """Sets ``Cache-Control`` and the surrogate keys. Sits outside the session, the per-reader
    values and the page cache, so it sees every cookie the response sets and every response the
    page cache serves (a hit carries the keys it was stored with)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with collecting():
            response = self.get_response(request)
            if not settings.EDGE_CACHE_SECONDS:
                return response
            # The page cache's tags where it stored or served the page (a hit renders nothing).
            tags = set(response["xkey"].split()) if "xkey" in response else tags_for(request)
        if is_public(request, response):
            keys = " ".join(sorted(tags))
            if "Cache-Control" not in response:
                response["Cache-Control"] = (
                    f"public, max-age={settings.EDGE_BROWSER_SECONDS}, s-maxage={settings.EDGE_CACHE_SECONDS}"
                )
            response["xkey"] = response["Surrogate-Key"] = keys
            response["Cache-Tag"] = keys.replace(" ", ",")
            # A public page is the same whatever cookies the reader sends (is_public).
            vary = [value.strip() for value in response.get("Vary", "").split(",") if value.strip()]
            vary = [value for value in vary if value.lower() != "cookie"]
            if vary:
                response["Vary"] = ", ".join(vary)
            elif "Vary" in response:
                del response["Vary"]
        else:
            if not is_uncacheable(response):
                response["Cache-Control"] = PRIVATE
            for header in ("xkey", "Surrogate-Key", "Cache-Tag"):
                if header in response:
                    del response[header]
        return response


def is_uncacheable(response):
    control = response.get("Cache-Control", "")
    return any(word in control for word in ("private", "no-store", "no-cache"))


def is_public(request, response):
    """The same for every anonymous reader: a reader's GET (no session, no message, no
    signed-in staff, not the admin), answered with a full 200 that sets no cookie, holds no
    reader's own values and does not itself forbid caching (previews, embargo links)."""
    return (
        is_cacheable_request(request)
        and request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(response, "per_reader", False)
        and not is_uncacheable(response)
        and not getattr(request, "is_preview", False)
        and not getattr(request, "is_dummy", False)
    )


def purge_edge(keys, renew=()):
    """Ask each edge in EDGE_PURGE_URLS to drop every object carrying one of `keys`, and to
    renew those carrying one of `renew` while still serving them (Varnish: ``PURGE`` with
    ``xkey-purge`` and ``xkey-softpurge``, deploy/varnish/default.vcl): an article's related
    section, which every publish under one of its keywords renews, hundreds of pages at once
    that readers would otherwise all wait for. An edge that cannot be reached is logged, not
    raised: its copies expire after EDGE_CACHE_SECONDS at most."""
    headers = {"xkey-purge": " ".join(sorted(keys))}
    if renew:
        headers["xkey-softpurge"] = " ".join(sorted(set(renew) - set(keys)))
    for url in settings.EDGE_PURGE_URLS:
        request = urllib.request.Request(url, method="PURGE", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:  # noqa: S310 -- operator's URL
                answer.read()
        except OSError as error:
            logger.warning("Could not purge %s at the edge %s: %s", " ".join(keys), url, error)
