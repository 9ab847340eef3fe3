"""Tags: what each cached page shows, and when each of those things last changed.

While a reader's page renders, whatever it loads names itself with a tag (``p12`` for a page,
``i7`` for an image: website.cache_keys says which); the page is stored with its tags, in the
app's page cache (website.cache) and at the edge (website.cache_edge, as surrogate keys).

A change stamps its tags with the next tick of a *clock* kept in the shared cache (Redis), once
its transaction commits. A reader's request reads the clock as it starts, with the page it asks
for; the page stored is served again while none of its tags was stamped after the clock it was
rendered under. A render that began before a change (and may have read what the change
replaced) is never served after it, nor stored; an unrelated page stays cached. One counter,
not the time of day: the app servers' clocks need not agree.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache

CLOCK_KEY = "page-cache:clock"
# Every public page carries SITE_KEY, so one stamp (or purge) renews them all; pages that list
# pages (home, the sections, feeds, search, the sitemap) carry LISTS_KEY, stamped by every publish.
SITE_KEY = "site"
LISTS_KEY = "lists"
# Search results carry FOUND_KEY in its place: renewed by the same changes, but at the edge served
# once more while renewed (website.cache_keys.changed), as a search of a large archive takes a
# tenth of a second or more to render, too long for all its readers to wait on after each publish.
FOUND_KEY = "found"
TAG_PREFIX = "page-tag:"
_collected = ContextVar("page_tags", default=None)


@contextmanager
def collecting():
    """Collect the tags added inside; yields the set they go into (nested: each level sees its own)."""
    tags = set()
    token = _collected.set(tags)
    try:
        yield tags
    finally:
        _collected.reset(token)


def add_keys(*tags):
    """Name what the page being rendered shows (a page, an image, a keyword): a change to it
    renews the page, here and at the edge. Does nothing outside a reader's request."""
    collected = _collected.get()
    if collected is not None:
        collected.update(tags)


def keys_so_far():
    """The tags collected so far in this request."""
    return set(_collected.get() or ())


def tags_for(request):
    """The tags of the response to `request`: those collected, the site's, and the lists' for
    a view that is not a page's own (a feed, search, the sitemap, the API, a page's sub-route),
    which lists pages whose own tags it cannot know before they exist (search: FOUND_KEY)."""
    tags = keys_so_far() | {SITE_KEY}
    if not getattr(request, "served_page", False):
        tags.add(getattr(request, "lists_key", LISTS_KEY))
    return tags


def read_clock():
    """The clock now, started if the cache has none; None while the cache is down.

    Started from the time in milliseconds: a clock the cache lost starts again ahead of
    every tag stamped before, so no page stored before the loss looks fresh."""
    clock = cache.get(CLOCK_KEY)
    if clock is None:
        start = time.time_ns() // 1_000_000
        clock = start if cache.add(CLOCK_KEY, start, None) else cache.get(CLOCK_KEY)
    return clock


def stamp(tags):
    """Mark `tags` changed now: every page showing one of them, rendered before, is stale.
    Called once the change has committed (website.cache_keys)."""
    tags = set(tags)
    if not tags:
        return
    read_clock()
    try:
        tick = cache.incr(CLOCK_KEY)
    except ValueError:  # evicted between the two calls
        tick = read_clock()
    cache.set_many({TAG_PREFIX + tag: tick for tag in tags}, None)


def fresh(tags, clock):
    """True when none of `tags` changed after `clock`, the clock a page was rendered under:
    one round trip to the cache.

    A tag the cache does not know (never stamped, or evicted since) is marked at the clock now:
    any page rendered before may have missed its change, and is not fresh."""
    return fresh_each([(tags, clock)])[0]


def fresh_each(rendered):
    """`fresh` for each (tags, clock) of `rendered`, in one round trip for them all."""
    keys = list({TAG_PREFIX + tag for tags, _clock in rendered for tag in tags})
    if not keys:
        return [True for _ in rendered]
    stamps = cache.get_many(keys)
    missing = [key for key in keys if key not in stamps]
    if missing:
        now = read_clock()
        if now is None:
            return [False for _ in rendered]
        for key in missing:
            cache.add(key, now, None)
        stamps.update(cache.get_many(missing))
    return [
        all(TAG_PREFIX + tag in stamps and stamps[TAG_PREFIX + tag] <= clock for tag in tags)
        for tags, clock in rendered
    ]
