"""Redirects from a page's old addresses in both languages when its slug changes or it moves.

Wagtail creates them for the editor's active language only; a page here has a path per
language, so each language whose path changed gets its own redirects.
"""

import copy

from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Site
from wagtail.signals import post_page_move, pre_page_move

from .languages import STORED_LANGUAGES

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
