"""Redirects from a page's old addresses in both languages when its slug changes or it moves,
and every Simplified redirect again under /zh-hant/.

Wagtail creates them for the editor's active language only; a page here has a path per
language, so each language whose path changed gets its own redirects. The Traditional edition
stores no address of its own: `/zh-hant/<old address>` follows the redirect of `<old address>`
(an archive import's old-site address, an old slug) to the Traditional page.
"""

import copy

from django import http
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Site
from wagtail.signals import post_page_move, pre_page_move

from .languages import SECOND_LANGUAGE, STORED_LANGUAGES, TRADITIONAL_LANGUAGE

LANGUAGES = list(STORED_LANGUAGES)  # the Traditional edition's paths are the Simplified ones
_paths_before_move = {}


def url_paths(page):
    return {code: getattr(page, build_localized_fieldname("url_path", code)) for code in LANGUAGES}


def stored_url_paths(page):
    fields = [build_localized_fieldname("url_path", code) for code in LANGUAGES]
    row = type(page).objects.filter(pk=page.pk).values_list(*fields).first()
    return dict(zip(LANGUAGES, row, strict=True)) if row else {}


def redirect_changed_paths(page, old_paths):
    """Create a redirect, in each language, from every address of `page` that changed."""
    if not page.live or not old_paths:
        return
    from wagtail.contrib.redirects.signal_handlers import create_redirects  # needs the app registry

    page = page.specific
    for code in LANGUAGES:
        old_path = old_paths.get(code)
        field = build_localized_fieldname("url_path", code)
        if not old_path or old_path == getattr(page, field):
            continue
        page_old = copy.copy(page)
        setattr(page_old, field, old_path)
        with translation.override(code):
            sites = Site.objects.exclude(root_page=page)
            create_redirects(page=page, page_old=page_old, sites=sites)


def remember_paths_before_move(sender, instance, **kwargs):
    _paths_before_move[instance.pk] = stored_url_paths(instance)


def redirect_after_move(sender, instance, **kwargs):
    old_paths = _paths_before_move.pop(instance.pk, None)
    instance.refresh_from_db()
    redirect_changed_paths(instance, old_paths)


def connect():
    pre_page_move.connect(remember_paths_before_move, dispatch_uid="bilingual_redirects_pre_move")
    post_page_move.connect(redirect_after_move, dispatch_uid="bilingual_redirects_post_move")


# ---- The Traditional edition's addresses ----

TRADITIONAL_PREFIX = f"/{TRADITIONAL_LANGUAGE}"
_EDITION_PREFIXES = (f"/{SECOND_LANGUAGE}", TRADITIONAL_PREFIX)


def simplified_address(path):
    """The Simplified address a Traditional one stands for (`/zh-hant/old/?p=1` → `/old/?p=1`);
    None for an address outside the Traditional edition."""
    if path == TRADITIONAL_PREFIX or path.startswith((f"{TRADITIONAL_PREFIX}/", f"{TRADITIONAL_PREFIX}?")):
        rest = path[len(TRADITIONAL_PREFIX) :]
        return rest if rest.startswith("/") else "/" + rest
    return None


def in_traditional_edition(link):
    """A redirect's target as a Traditional reader should land on it: a local Simplified address
    gains /zh-hant/; an English or Traditional address, or another site's, is kept."""
    if not link.startswith("/") or link.startswith("//"):
        return link
    first = "/" + link.split("/", 2)[1].split("?")[0]
    return link if first in _EDITION_PREFIXES else TRADITIONAL_PREFIX + link


def traditional_redirect(request):
    """The redirect a `/zh-hant/…` request stands for: the Simplified address's redirect, its
    target in the Traditional edition; None if there is none."""
    from wagtail.contrib.redirects.middleware import get_redirect  # needs the app registry
    from wagtail.contrib.redirects.models import Redirect

    if translation.get_language() != TRADITIONAL_LANGUAGE:
        return None
    path = simplified_address(Redirect.normalise_path(request.get_full_path(), decode_unicode=False))
    if path is None:
        return None
    redirect = get_redirect(request, path)
    if redirect is None and "?" in path:
        redirect = get_redirect(request, path.split("?", 1)[0])
    if redirect is None or not redirect.link:
        return None  # link is worked out with zh-hant active: a page's link is its Traditional URL
    permanent = redirect.is_permanent
    response_class = http.HttpResponsePermanentRedirect if permanent else http.HttpResponseRedirect
    return response_class(in_traditional_edition(redirect.link))


class TraditionalRedirectMiddleware:
    """After Wagtail's RedirectMiddleware: a `/zh-hant/…` address that finds nothing follows the
    redirect of the same Simplified address (`traditional_redirect`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404:
            return traditional_redirect(request) or response
        return response
