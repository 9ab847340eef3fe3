"""Fetching files the way the public can: /media/ straight from MEDIA_ROOT, as the web server serves it."""

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.test import RequestFactory
from django.views.static import serve

from ..html import parse


def status_of(client, url):
    """What an anonymous reader gets for `url`: /media/ from MEDIA_ROOT as nginx does, else from Django."""
    if not url.startswith(settings.MEDIA_URL):
        return client.get(url).status_code
    request = RequestFactory().get(url)
    try:
        return serve(
            request, url.removeprefix(settings.MEDIA_URL), document_root=settings.MEDIA_ROOT
        ).status_code
    except Http404:
        return 404


def public_files_named(stem):
    """Files under MEDIA_ROOT whose name holds `stem`: what a person guessing names could fetch."""
    return sorted(path.name for path in Path(settings.MEDIA_ROOT).rglob(f"*{stem}*"))


def image_urls(response):
    """Every image address in the page's main part: img src and srcset, picture sources."""
    doc = parse(response)
    urls = [img["src"] for img in doc.select("main img[src]")]
    for element in doc.select("main img[srcset], main source[srcset]"):
        urls += [candidate.strip().split(" ")[0] for candidate in element["srcset"].split(",")]
    return urls
