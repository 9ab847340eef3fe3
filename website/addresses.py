"""The site's public address (the SITE_URL setting) and absolute links built from it.

Links that leave the page — the API, feeds, the sitemap, mails, Open Graph — are made from
the configured address, never from the Host header of whichever request (or worker) made
them, nor from Wagtail's Site record, so none reads `http://localhost/`.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url():
    """The configured address without a trailing slash, such as `https://www.example.cn`."""
    return settings.SITE_URL.rstrip("/")


def absolute(path):
    """`path` (`/en/news/`) on the site's address; an address that already is absolute is kept."""
    if not path:
        return path
    if urlsplit(path).scheme:
        return path
    return site_url() + "/" + path.lstrip("/")


def site_host_and_port():
    """The hostname and port of the address, for Wagtail's Site record (demo/loader.py)."""
    parts = urlsplit(site_url())
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
