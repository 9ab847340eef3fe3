"""Whole-page cache for anonymous readers, shared by every app server, renewed by what changed.

Each page is stored with its *tags*, what it shows (website.cache_tags, website.cache_keys),
and the clock it was rendered under, a counter kept in the shared cache (Redis) and read with
the page in one round trip. A change a reader could see (a page published, unpublished, moved
or deleted; a keyword, person, media contact, image, document, view restriction or the site
settings edited; a comment approved) stamps its tags with the next tick once its transaction
commits: a stored page showing one of them is not served again, in any language or edition,
and every other page stays cached. Settings every page shows stamp a tag every page carries.
What a reader's page needs and a change rarely alters is also kept in each process until the
clock moves on (`kept`, `remembered`), with the tags it was made from, so a page the cache
misses renders faster and still names everything it shows.
"""

from collections import namedtuple
from contextvars import ContextVar

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.crypto import salted_hmac

from website.cache_tags import (
    CLOCK_KEY,
    SITE_KEY,
    add_keys,
    collecting,
    fresh,
    fresh_each,
    keys_so_far,
    read_clock,
    tags_for,
)

# A request carrying one of these may see something of its own (a signed-in page, a message).
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
UNCACHEABLE_CONTROLS = ("private", "no-store", "no-cache")
# The clock a reader's request started with, read once per request (website.cache.kept).
_request_clock = ContextVar("request_clock", default=None)
# What this process keeps for one clock: name -> (clock, value, tags). Its names come from
# bounded sets (the site, its settings, its section pages, its keywords); the bound is a safety net.
_kept = {}
KEPT_AT_MOST = 1000


class PageCacheMiddleware:
    """Serves anonymous GET/HEAD requests from the cache; ``X-Cache`` says hit, miss or skip.

    Sits just inside LocaleMiddleware, so the key knows the reader's language, and outside
    the CSRF, authentication and message middleware, whose work a hit does not need. Off
    while ``PAGE_CACHE_SECONDS`` is 0 (development, tests, a site without a shared cache).
    For a reader's request it also reads the clock that `kept` keeps objects for, while
    either cache is on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        cacheable = is_cacheable_request(request)
        key = page_key(request) if seconds and cacheable else None
        if cacheable and (seconds or settings.FRAGMENT_CACHE_SECONDS):
            clock, stored = clock_and_page(key)
        else:
            clock, stored = None, None
        token = _request_clock.set(clock)
        try:
            if not seconds:
                return self.get_response(request)
            if clock is None:
                return marked(self.get_response(request), "skip")
            if stored is not None and fresh(stored[1], stored[0]):
                return marked(rebuilt(stored), "hit")
            response = self.get_response(request)
            if not is_storable(request, response):
                return marked(response, "skip")
            tags = tags_for(request)
            response["xkey"] = " ".join(sorted(tags))  # stored with the page, so a hit names what it shows
            # A change committed while the page rendered may be missing from it: not stored.
            if fresh(tags, clock):
                headers = list(response.headers.items())
                cache.set(key, (clock, tags, response.status_code, headers, response.content), seconds)
            return marked(response, "miss")
        finally:
            _request_clock.reset(token)


class KeptSiteMiddleware:
    """Finds the request's Wagtail site, and loads its root page, once per clock in this
    process (`kept`): three queries a page otherwise, before routing begins.

    Sets ``request._wagtail_site``, where Wagtail's ``Site.find_for_request`` keeps its answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _request_clock.get() is not None:
            name = f"site:{request.get_host()}:{request.get_port()}"
            request._wagtail_site = kept(name, lambda: site_with_root(request), tagged=True)
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
    """One key per address and language; the page stored under it carries its clock and tags.

    Keyed with SECRET_KEY: a page stored under another key, whose form placeholders were made
    from it (website.per_reader), is never served after the key changes.
    """
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = salted_hmac("website.cache.page_key", address, algorithm="sha256").hexdigest()
    return f"page-cache:{translation.get_language()}:{digest}"


def clock_and_page(key):
    """The shared clock and, given a page's key, what is stored under it: one round trip."""
    if key is None:
        return read_clock(), None
    found = cache.get_many([CLOCK_KEY, key])
    clock = found.get(CLOCK_KEY)
    if clock is None:
        return read_clock(), None
    return clock, found.get(key)


def rebuilt(stored):
    _clock, _tags, status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def marked(response, status):
    response["X-Cache"] = status
    return response


def remembered(name, compute, tagged=False, keep_if=None):
    """`compute()`, kept in the shared cache until the clock moves on while
    FRAGMENT_CACHE_SECONDS is set: for what many pages show and changes rarely alter (the main
    menu); the tags it was made from come with it. Computed afresh when off or the cache is
    down. In a reader's request this process also keeps it (`kept`), so a second page asks no one.
    `tagged`: kept until one of its tags changes instead (see `kept`). `keep_if(value)` false:
    kept nowhere (a made-up address's missing page).
    """
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not seconds:
        return compute()
    if _request_clock.get() is not None:
        clock = _request_clock.get()
        return kept(
            name,
            lambda: _shared_fragment(name, compute, clock, seconds, tagged, keep_if),
            keep_if=keep_if,
            tagged=tagged,
        )
    clock = read_clock()
    if clock is None:
        return compute()
    return _shared_fragment(name, compute, clock, seconds, tagged, keep_if)


def _shared_fragment(name, compute, clock, seconds, tagged=False, keep_if=None):
    key = f"fragment:{name}" if tagged else f"fragment:{clock}:{name}"
    stored = cache.get(key)
    if stored is not None and tagged:
        stored_clock, value, tags = stored
        if stored_clock != clock and not fresh(tags, stored_clock):
            stored = None
    if stored is None:
        with collecting() as tags:
            value = compute()
        tags = frozenset(tags | {SITE_KEY}) if tagged else tags
        stored = (clock, value, tags)
        # A change committed while it was made: not kept.
        if (keep_if is None or keep_if(value)) and (not tagged or fresh(tags, clock)):
            cache.set(key, stored, seconds)
    _clock, value, tags = stored
    add_keys(*tags)
    return value


def page_fragment(name, page, request, render):
    """`render()`, a part of `page` that shows the page's own content (its article, its
    structured data), kept in the shared cache per revision while FRAGMENT_CACHE_SECONDS is
    set, in a reader's request; rendered afresh otherwise (editors, previews, the cache off).

    A page the page cache misses is rarely a page that changed: a publish renews the lists,
    the related articles and the keyword pages of many pages whose own content is as it was.
    Their content is then served from here and only the rest of the page renders.

    Besides what it loads, the part carries the tags the request had collected before it (the
    page, its section, its lead image: loaded before the part, shown in it); see `page_parts`.
    """
    return page_parts(name, [page], request, lambda _page: render(), before=lambda _page: keys_so_far())[0]


# A page of a list, read as its ids first (`page_parts`): what its part is keyed and tagged by.
Listed = namedtuple("Listed", ["pk", "live_revision_id", "lead_image_id"])


class ListedPages(list):
    """Pages of a list as `Listed` rows, with `load(listed)`, which gives the whole pages of
    those rows by id: the pages whose parts are kept are never read (`page_parts`)."""

    def __init__(self, listed, load):
        super().__init__(listed)
        self.load = load

    @classmethod
    def of(cls, pages, pks=None, limit=None):
        """The pages of the query `pages`, in its order or, given `pks`, in that order (the
        first `limit` of them found)."""
        rows = pages.prefetch_related(None).values_list("pk", "live_revision_id", "lead_image_id")
        if pks is not None:
            found = {row[0]: row for row in rows.filter(pk__in=pks).order_by()}
            rows = [found[pk] for pk in pks if pk in found][:limit]
        unsliced = pages._chain()
        unsliced.query.clear_limits()
        return cls(
            [Listed(*row) for row in rows], lambda listed: unsliced.in_bulk([page.pk for page in listed])
        )


def page_parts(name, pages, request, render, before=None, load=None):
    """[render(page) for page in pages] (a card for each article of a list), each kept in the
    shared cache per page revision like `page_fragment`, all read in one round trip.

    Each part is kept with its tags (website.cache_tags): those of what it loaded, the page's
    own, the site's, and `before(page)` (what it shows that was loaded before it); it is served
    again while none of them changed after the clock it was rendered under, the page cache's
    own rule. Keyed by the page's live revision, the language (the Traditional edition is
    converted afterwards, from the Simplified part) and the site's address (a part may name
    absolute URLs).

    `pages` need only their ``pk`` and ``live_revision_id`` (and what `before` reads) when
    `load` is given: `load(missing)` gives the whole pages of those whose part must render,
    by id, so a list whose cards are kept reads no page rows.
    """
    seconds = settings.FRAGMENT_CACHE_SECONDS
    clock = _request_clock.get()
    if not seconds or clock is None:
        whole = load(pages) if load else {page.pk: page for page in pages}
        return [render(whole[page.pk]) for page in pages if page.pk in whole]
    address = f"{request.scheme}://{request.get_host()}"
    language = translation.get_language()
    keys = [f"page-part:{name}:{page.pk}:{page.live_revision_id}:{language}:{address}" for page in pages]
    stored = cache.get_many(keys)
    # Under the request's own clock nothing has changed since: no tag needs reading.
    moved_on = [key for key in keys if key in stored and stored[key][0] != clock]
    checked = fresh_each([(stored[key][1], stored[key][0]) for key in moved_on]) if moved_on else []
    still = dict(zip(moved_on, checked, strict=True))
    kept_keys = {key for key in keys if key in stored and still.get(key, True)}
    missing = [page for page, key in zip(pages, keys, strict=True) if key not in kept_keys]
    whole = load(missing) if load and missing else {page.pk: page for page in missing}
    parts, rendered = [], {}
    for page, key in zip(pages, keys, strict=True):
        if key in kept_keys:
            _clock, tags, part = stored[key]
            add_keys(*tags)
            parts.append(part)
            continue
        if page.pk not in whole:  # gone since the list was read
            continue
        earlier = (before(page) if before else set()) | {SITE_KEY, f"p{page.pk}"}
        with collecting() as loaded:
            part = render(whole[page.pk])
        add_keys(*loaded)
        rendered[key] = (clock, frozenset(earlier | loaded), part)
        parts.append(part)
    # A change committed while they rendered: not kept.
    if rendered and fresh(frozenset().union(*(tags for _clock, tags, _part in rendered.values())), clock):
        cache.set_many(rendered, seconds)
    return parts


def keeping():
    """True in a reader's request while the clock is known: `kept` keeps."""
    return _request_clock.get() is not None


def kept(name, compute, keep_if=None, tagged=False):
    """`compute()`, kept in this process until the clock moves on, in a reader's request.

    For objects every page needs and changes rarely alter: the site, its settings, the section
    pages routing passes through. The clock is the one the request started with, read once,
    so keeping costs no round trip to the cache; any change moves it on. What `compute` loaded
    named itself once (website.cache_tags); each page using the kept value names it again.
    Outside a reader's request (the admin, a signed-in editor, tasks, the cache down, both
    caches off) it is computed afresh, so nobody edits or previews a kept object.
    `keep_if(value)` false leaves a value unkept (a page not worth a place).

    `tagged`: kept until one of its tags changes, not the clock. For values whose tags name
    everything they were made from (the site and its settings, the menu, the footer, the
    section pages: not an "ids of the articles that…" query, which loads no object): a publish
    moves the clock, and every process then rendered its next page with all of them made
    again (the first page after a publish took three times a miss). Checked once per clock in
    each process, for all of them in one round trip (`_still_kept`).
    """
    clock = _request_clock.get()
    if clock is None:
        return compute()
    if tagged:
        _still_kept(clock)
    entry = _kept.get(name)
    if entry is not None and entry[0] == clock:
        add_keys(*entry[2])
        return entry[1]
    with collecting() as tags:
        value = compute()
    add_keys(*tags)
    if keep_if is None or keep_if(value):
        if len(_kept) >= KEPT_AT_MOST:
            _kept.clear()
        _kept[name] = (clock, value, frozenset(tags | {SITE_KEY}) if tagged else frozenset(tags), tagged)
    return value


_last_check = {"clock": None}


def _still_kept(clock):
    """Carry this process's tagged values kept under an earlier clock over to `clock`, those
    none of whose tags changed since: once per clock, in one round trip for them all."""
    if _last_check["clock"] == clock:
        return
    earlier = [(name, entry) for name, entry in list(_kept.items()) if entry[3] and entry[0] != clock]
    checked = fresh_each([(entry[2], entry[0]) for _name, entry in earlier]) if earlier else []
    for (name, entry), still in zip(earlier, checked, strict=True):
        if still:
            _kept[name] = (clock, *entry[1:])
        elif _kept.get(name) is entry:
            del _kept[name]
    _last_check["clock"] = clock


def kept_ids(name, ids):
    """The set of `ids` (a values_list query) kept for the clock in a reader's request,
    else None: for "which articles have X", asked once instead of once a page."""
    if not keeping():
        return None
    return kept(name, lambda: frozenset(ids))


def keep_site_root_paths():
    """wagtail-modeltranslation reads the site root paths (every page URL needs them) from the
    shared cache once per call outside a request object: three round trips to Redis an article.
    In a reader's request they are kept in the process until the clock moves on (`kept`);
    a change to a site or a publish moves it."""
    from wagtail_modeltranslation import patch_wagtailadmin

    shared = patch_wagtailadmin._localized_site_get_site_root_paths
    if getattr(shared, "kept", False):
        return

    def site_root_paths():
        return kept(f"site-root-paths:{translation.get_language()}", shared, tagged=True)

    site_root_paths.kept = True
    patch_wagtailadmin._localized_site_get_site_root_paths = site_root_paths


def connect():
    keep_site_root_paths()
