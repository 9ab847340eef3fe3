"""The two languages of the site: the English rule, which record exists in English, and the
twin URLs of a page.

The English rule: a reader of English sees English or nothing. `EnglishOnlyMiddleware`
switches django-modeltranslation's fallbacks off for every English request of the public
site, so no field falls back to Chinese; a record whose `english_required_fields` are not all
filled in English (`EnglishRequired`) is left out of English lists, and its own English
address shows a notice instead (`website.pages.BasePage.untranslated_response`). Mail and
tasks, which have no request, use `reader_fallbacks` for the same rule.
"""

import re

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname, fallbacks
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from .addresses import absolute

SOURCE_LANGUAGE = "zh-hans"
SECOND_LANGUAGE = "en"
# Derived from the Simplified text, never stored (website.traditional).
TRADITIONAL_LANGUAGE = "zh-hant"
HREFLANG = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}
# The languages the database holds a field for; every other public language reads one of them.
STORED_LANGUAGES = (SOURCE_LANGUAGE, SECOND_LANGUAGE)


def same_script_readers(language=None):
    """The languages whose readers read each other's writing (comments, stories): both Chinese
    editions, or English alone. The Traditional edition shows a Simplified comment converted."""
    language = language or translation.get_language()
    return (SECOND_LANGUAGE,) if language == SECOND_LANGUAGE else (SOURCE_LANGUAGE, TRADITIONAL_LANGUAGE)


def stored_language(language):
    """The stored language a public language reads: the Traditional edition reads the Simplified."""
    return language if language in STORED_LANGUAGES else SOURCE_LANGUAGE


# An English rich-text field emptied in the editor can save as "<p></p>" or "<p><br/></p>".
_EMPTY_MARKUP = re.compile(r"<[^>]*>|&nbsp;|\s")


def has_text(value):
    """True when a field value holds real text, not None, blanks or empty markup."""
    if value is None:
        return False
    if isinstance(value, StreamValue):
        # A text block counts when it holds text; any other block (image, figures) is content.
        return any(
            has_text(child.value) if isinstance(child.value, (str, RichText)) else True for child in value
        )
    return bool(_EMPTY_MARKUP.sub("", str(value)))


def reader_fallbacks(language):
    """The English rule outside a request (mail, tasks): fallbacks off for an English reader."""
    return fallbacks(language != SECOND_LANGUAGE)


class EnglishRequired:
    """A record shown in English only when its `english_required_fields` all hold English:
    pages (website.pages.BasePage) and policy entries use the same test."""

    english_required_fields = ("title",)

    def english_is_complete(self):
        return all(has_text(field_in(self, name, SECOND_LANGUAGE)) for name in self.english_required_fields)


class EnglishOnlyMiddleware:
    """English requests of the public site run, and render, with fallbacks off (the English rule).

    Sits inside the page cache (a cached page is already rendered) and after LocaleMiddleware,
    which has chosen the language from the path (/en/…) by then. Django renders a template
    response before it leaves the innermost middleware, so the whole page is covered.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_english_request() or request.path_info.startswith(tuple(settings.ADMIN_PATH_PREFIXES)):
            return self.get_response(request)
        with fallbacks(False):
            return self.get_response(request)


def field_in(instance, field_name, language):
    """The stored value of a translated field in one language, never a fallback."""
    with fallbacks(False):
        return getattr(instance, build_localized_fieldname(field_name, stored_language(language)))


def is_english_request():
    return translation.get_language() == SECOND_LANGUAGE


def page_url_in(page, language, request=None):
    """The URL of `page` as a reader of `language` sees it."""
    with translation.override(language):
        return page.get_url(request)


def reverse_in(language, view_name, args=()):
    """The URL of a named view as a reader of `language` sees it (with or without /en/)."""
    with translation.override(language):
        return reverse(view_name, args=args)


def language_link(request, code, name, url, available=True):
    """One entry of the language switcher and the hreflang alternates."""
    return {
        "code": code,
        "name": name,
        "hreflang": HREFLANG[code],
        "url": url,
        "available": available,
        "current": code == translation.get_language(),
        "absolute_url": absolute(url) if url else "",
    }


def language_links(page, request, subpath_by_language=None):
    """The language switcher's and hreflang's links for `page` (or one of its routes).

    `subpath_by_language` gives a route's path below the page per language, for
    routable pages such as a keyword page under the news index.
    """
    links = []
    for code, name in settings.LANGUAGES:
        url = page_url_in(page, code, request)
        if url and subpath_by_language:
            below = subpath_by_language.get(code, subpath_by_language.get(stored_language(code), ""))
            url = url.rstrip("/") + "/" + below.lstrip("/")
        available = code != SECOND_LANGUAGE or getattr(page.specific_deferred, "has_english", True)
        links.append(language_link(request, code, name, url, available))
    return links


class LanguageSelect(forms.Select):
    """A choice of language whose options are each language's own name, marked with its `lang`
    as in the language switch: read aloud in that language, and left as written by the
    Traditional edition's conversion (简体中文 stays 简体中文 under /zh-hant/)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value in HREFLANG:
            option["attrs"]["lang"] = HREFLANG[value]
        return option
