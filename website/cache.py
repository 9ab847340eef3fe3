"""Whole-page cache for anonymous readers, shared by every app server, renewed by publishing.

Each cached page carries the site's *generation*, a value kept in the shared cache (Redis) and
read with the page in one round trip. Any change a reader could see (a page published,
unpublished, moved or deleted; a keyword, person, media contact, image, document, view
restriction or the site settings edited; a comment approved) replaces the generation once its
transaction commits, so every server's next request misses and renders afresh; a page of an
older generation is never served again, and is replaced or expires.
One generation for the whole site, not per page, because a change shows in many places at once
(its indexes, home, keyword pages, feeds, other articles' related section, the sitemap).
What a reader's page needs and only such a change can alter is also kept in each process for
the generation (`kept`, `remembered`), so a page the cache misses renders faster.
"""

import secrets
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.crypto import salted_hmac
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "page-cache:generation"
# Shown on public pages outside page revisions; pages' own inline rows publish with the page.
PUBLIC_MODELS = [
    "news.Keyword",
    "news.Person",
    "newsroom.MediaContact",
    "investment.InvestmentOfficer",
    "website.SiteSettings",
    "website.GlossaryTerm",  # the Traditional edition's terms (website.traditional)
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtaildocs.Document",
    settings.WAGTAILIMAGES_IMAGE_MODEL,
]
# A request carrying one of these may see something of its own (a signed-in page, a message).
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
UNCACHEABLE_CONTROLS = ("private", "no-store", "no-cache")
# The generation a reader's request started with, read once per request (website.cache.kept).
_request_generation = ContextVar("request_generation", default=None)
# What this process keeps for one generation: name -> (generation, value). Its names come from
# bounded sets (the site, its settings, its section pages, its keywords); the bound is a safety net.
_kept = {}
KEPT_AT_MOST = 1000


class PageCacheMiddleware:
    """Serves anonymous GET/HEAD requests from the cache; ``X-Cache`` says hit, miss or skip.

    Sits just inside LocaleMiddleware, so the key knows the reader's language, and outside
    the CSRF, authentication and message middleware, whose work a hit does not need. Off
    while ``PAGE_CACHE_SECONDS`` is 0 (development, tests, a site without a shared cache).
    For a reader's request it also reads the generation that `kept` keeps objects for, while
    either cache is on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        cacheable = is_cacheable_request(request)
        key = page_key(request) if seconds and cacheable else None
        if cacheable and (seconds or settings.FRAGMENT_CACHE_SECONDS):
            generation, stored = generation_and_page(key)
        else:
            generation, stored = None, None
        token = _request_generation.set(generation)
        try:
            if not seconds:
                return self.get_response(request)
            if generation is None:
                return marked(self.get_response(request), "skip")
            if stored is not None and stored[0] == generation:
                return marked(rebuilt(stored), "hit")
            response = self.get_response(request)
            if not is_storable(request, response):
                return marked(response, "skip")
            from website.cache_edge import keys_so_far

            if keys := keys_so_far():
                response["xkey"] = keys  # stored with the page, so a hit names what it shows
            content = (generation, response.status_code, list(response.headers.items()), response.content)
            cache.set(key, content, seconds)
            return marked(response, "miss")
        finally:
            _request_generation.reset(token)


class KeptSiteMiddleware:
    """Finds the request's Wagtail site, and loads its root page, once per generation in this
    process (`kept`): three queries a page otherwise, before routing begins.

    Sets ``request._wagtail_site``, where Wagtail's ``Site.find_for_request`` keeps its answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _request_generation.get() is not None:
            name = f"site:{request.get_host()}:{request.get_port()}"
            request._wagtail_site = kept(name, lambda: site_with_root(request))
        return self.get_response(request)


def site_with_root(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 -- loaded now, so every request shares it
    return site


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

    A page with a form is stored with placeholders for the reader's own CSRF token, which
    `website.per_reader` fills in each response; a template that calls ``{% csrf_token %}``
    sets the cookie, and its page is not stored. Nor are previews and embargo preview links,
    which say ``private, no-store``.
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


def page_key(request):
    """One key per address and language; the page stored under it carries its generation.

    Keyed with SECRET_KEY: a page stored under another key, whose form placeholders were made
    from it (website.per_reader), is never served after the key changes.
    """
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = salted_hmac("website.cache.page_key", address, algorithm="sha256").hexdigest()
    return f"page-cache:{translation.get_language()}:{digest}"


def generation_and_page(key):
    """The shared generation and, given a page's key, what is stored under it: one round trip."""
    if key is None:
        return current_generation(), None
    found = cache.get_many([GENERATION_KEY, key])
    return found.get(GENERATION_KEY) or current_generation(), found.get(key)


def rebuilt(stored):
    _generation, status, headers, content = stored
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
    In a reader's request this process also keeps it (`kept`), so a second page asks no one.
    """
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not seconds:
        return compute()
    if _request_generation.get() is not None:
        return kept(name, lambda: _shared_fragment(name, compute, _request_generation.get(), seconds))
    generation = current_generation()
    if generation is None:
        return compute()
    return _shared_fragment(name, compute, generation, seconds)


def _shared_fragment(name, compute, generation, seconds):
    key = f"fragment:{generation}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def keeping():
    """True in a reader's request while the generation is known: `kept` keeps."""
    return _request_generation.get() is not None


def kept(name, compute, keep_if=None):
    """`compute()`, kept in this process until the generation changes, in a reader's request.

    For objects every page needs and only a change that renews the generation can alter:
    the site, its settings, the section pages routing passes through. The generation is the
    one the request started with, read once, so keeping costs no round trip to the cache.
    Outside a reader's request (the admin, a signed-in editor, tasks, the cache down, both
    caches off) it is computed afresh, so nobody edits or previews a kept object.
    `keep_if(value)` false leaves a value unkept (a page not worth a place).
    """
    generation = _request_generation.get()
    if generation is None:
        return compute()
    entry = _kept.get(name)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    if keep_if is None or keep_if(value):
        if len(_kept) >= KEPT_AT_MOST:
            _kept.clear()
        _kept[name] = (generation, value)
    return value


def kept_ids(name, ids):
    """The set of `ids` (a values_list query) kept for the generation in a reader's request,
    else None: for "which articles have X", asked once instead of once a page."""
    if not keeping():
        return None
    return kept(name, lambda: frozenset(ids))


def start_new_generation(**kwargs):
    """After the change commits, so no server caches what it read before the commit as new.
    (The edge drops exactly the pages a change shows on: website.cache_keys.)"""
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, secrets.token_hex(8), None))


def renew_everywhere():
    """A new generation here and every page dropped at the edge: the day changed (dated lists)."""
    from website.cache_edge import SITE_KEY, purge_edge

    start_new_generation()
    transaction.on_commit(lambda: purge_edge([SITE_KEY]))


def comment_changed(instance, created=False, **kwargs):
    # A reader's new comment awaits moderation and shows nowhere yet: no need to empty the cache.
    if not (created and instance.status == instance.Status.PENDING):
        start_new_generation()


def keep_site_root_paths():
    """wagtail-modeltranslation reads the site root paths (every page URL needs them) from the
    shared cache once per call outside a request object: three round trips to Redis an article.
    In a reader's request they are kept in the process for the generation instead (`kept`);
    a change to a site or a publish renews it."""
    from wagtail_modeltranslation import patch_wagtailadmin

    shared = patch_wagtailadmin._localized_site_get_site_root_paths
    if getattr(shared, "kept", False):
        return

    def site_root_paths():
        return kept(f"site-root-paths:{translation.get_language()}", shared)

    site_root_paths.kept = True
    patch_wagtailadmin._localized_site_get_site_root_paths = site_root_paths


def connect():
    from wagtail.models import Page

    keep_site_root_paths()

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
