"""Whole-page cache for anonymous readers, shared by every app server, renewed by publishing.

Each cached page's key holds the site's *generation*, a value kept in the shared cache (Redis).
Any change a reader could see (a page published, unpublished, moved or deleted; a keyword,
person, media contact, image, document, view restriction or the site settings edited; a comment
approved) replaces the generation once its transaction commits, so every server's next request
misses and renders afresh; entries of older generations are never read again and expire.
One generation for the whole site, not per page, because a change shows in many places at once
(its indexes, home, keyword pages, feeds, other articles' related section, the sitemap).
"""

import hashlib
import secrets

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "page-cache:generation"
# Shown on public pages outside page revisions; pages' own inline rows publish with the page.
PUBLIC_MODELS = [
    "news.Keyword",
    "news.Person",
    "news.MediaContact",
    "home.SiteSettings",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtaildocs.Document",
    settings.WAGTAILIMAGES_IMAGE_MODEL,
]
# A request carrying one of these may see something of its own (a signed-in page, a message).
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
UNCACHEABLE_CONTROLS = ("private", "no-store", "no-cache")


class PageCacheMiddleware:
    """Serves anonymous GET/HEAD requests from the cache; ``X-Cache`` says hit, miss or skip.

    Sits just inside LocaleMiddleware, so the key knows the reader's language, and outside
    the CSRF, authentication and message middleware, whose work a hit does not need. Off
    while ``PAGE_CACHE_SECONDS`` is 0 (development, tests, a site without a shared cache).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds:
            return self.get_response(request)
        generation = current_generation() if is_cacheable_request(request) else None
        if generation is None:
            return marked(self.get_response(request), "skip")
        key = page_key(request, generation)
        stored = cache.get(key)
        if stored is not None:
            return marked(rebuilt(stored), "hit")
        response = self.get_response(request)
        if not is_storable(request, response):
            return marked(response, "skip")
        cache.set(key, (response.status_code, list(response.headers.items()), response.content), seconds)
        return marked(response, "miss")


def is_cacheable_request(request):
    """A reader's plain GET or HEAD: no session (so no staff), no pending message, not the admin."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path_info.startswith(tuple(settings.ADMIN_PATH_PREFIXES))
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_storable(request, response):
    """The same for every anonymous reader: a full 200 that sets no cookie and allows caching.

    A page with a form sets the CSRF cookie (its token is the reader's own), so it is never
    stored; nor are previews and embargo preview links, which say ``private, no-store``.
    """
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in UNCACHEABLE_CONTROLS)
        and not getattr(request, "is_preview", False)
        and not (hasattr(request, "session") and request.session.modified)
    )


def page_key(request, generation):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{generation}:{translation.get_language()}:{digest}"


def rebuilt(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def marked(response, status):
    response["X-Cache"] = status
    return response


def current_generation():
    """The shared generation, started if the cache has none; None while the cache is down."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        fresh = secrets.token_hex(8)
        generation = fresh if cache.add(GENERATION_KEY, fresh, None) else cache.get(GENERATION_KEY)
    return generation


def remembered(name, compute):
    """`compute()`, kept in the shared cache for the current generation while
    FRAGMENT_CACHE_SECONDS is set: for what many pages show and only a change that renews
    the generation can alter (the main menu). Computed afresh when off or the cache is down.
    """
    seconds = settings.FRAGMENT_CACHE_SECONDS
    generation = current_generation() if seconds else None
    if generation is None:
        return compute()
    key = f"fragment:{generation}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def start_new_generation(**kwargs):
    """After the change commits, so no server caches what it read before the commit as new."""
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, secrets.token_hex(8), None))


def comment_changed(instance, created=False, **kwargs):
    # A reader's new comment awaits moderation and shows nowhere yet: no need to empty the cache.
    if not (created and instance.status == instance.Status.PENDING):
        start_new_generation()


def connect():
    from wagtail.models import Page

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(start_new_generation, dispatch_uid="page_cache")
    # Deleting any page deletes its wagtailcore_page row, which sends this with sender=Page.
    post_delete.connect(start_new_generation, sender=Page, dispatch_uid="page_cache")
    for label in PUBLIC_MODELS:
        model = apps.get_model(label)
        post_save.connect(start_new_generation, sender=model, dispatch_uid="page_cache")
        post_delete.connect(start_new_generation, sender=model, dispatch_uid="page_cache")
    comment = apps.get_model("participation.Comment")
    post_save.connect(comment_changed, sender=comment, dispatch_uid="page_cache")
    post_delete.connect(comment_changed, sender=comment, dispatch_uid="page_cache")
