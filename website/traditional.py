"""The Traditional Chinese edition: every public response of `/zh-hant/…` is the Simplified one,
converted by OpenCC after the editors' glossary (website.models.GlossaryTerm) has set its terms.

Nothing Traditional is stored. Conversion touches text only: HTML and XML text nodes and the
attributes a reader sees (alt, title, aria-label, placeholder, meta content), never a URL, a
reader's own input (form values, textarea) or anything marked `lang="zh-Hans"` or
`translate="no"` (the language switcher's 简体中文). Converted text is kept in this process per
glossary version, so a page the page cache misses costs one dictionary look-up per text, not
OpenCC's time. The standard (Hong Kong or Taiwan) is TRADITIONAL_CHINESE_STANDARD.
"""

import hashlib
import re
import secrets
from functools import cache as memoize

import opencc
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from .cache_edge import TRADITIONAL_KEY, add_keys
from .languages import STORED_LANGUAGES

TRADITIONAL = "zh-hant"
STANDARDS = {"s2hk": "Hong Kong", "s2twp": "Taiwan"}
GLOSSARY_VERSION_KEY = "traditional:glossary-version"
CONVERTED_TYPES = ("text/html", "application/xhtml+xml", "application/rss+xml", "application/atom+xml")
XML_TYPES = ("application/xml", "text/xml")
WHOLE_TEXT_TYPES = ("application/json", "text/csv", "text/plain", "application/ld+json")
# Attributes whose values a reader sees or hears; every other attribute (href, src, value…) is left alone.
READABLE_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "content", "aria-description", "label")
# Glossary terms travel through OpenCC as characters of a private-use plane, which it leaves alone.
_PLACEHOLDER_BASE = 0xF0000
_KEPT_AT_MOST = 1000

_TOKENS = re.compile(
    r"(<!--.*?-->|<!\[CDATA\[.*?\]\]>|<(?:script|style|textarea)\b[^>]*>.*?</(?:script|style|textarea)\s*>|<[^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)")
_ATTRIBUTE = re.compile(r"""(\s)([\w:-]+)(\s*=\s*)("[^"]*"|'[^']*')""")
_KEEP_MARK = re.compile(r"""\s(?:lang\s*=\s*["']zh-Hans["']|translate\s*=\s*["']no["'])""", re.IGNORECASE)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_LD_JSON = re.compile(r"""<script\b[^>]*type\s*=\s*["']application/ld\+json["']""", re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u9fff]")

_converted = {}  # (standard, glossary version, text digest) -> converted text
_documents = {}  # (kind, standard, glossary version, document digest) -> converted document
_DOCUMENTS_AT_MOST = 200


def is_traditional_request():
    return translation.get_language() == TRADITIONAL


def standard():
    chosen = settings.TRADITIONAL_CHINESE_STANDARD
    return chosen if chosen in STANDARDS else "s2hk"


@memoize
def _opencc(config):
    return opencc.OpenCC(config)


# ---- The glossary, kept in this process per version ----

_glossary = {"version": None, "terms": ()}


def glossary_version():
    version = cache.get(GLOSSARY_VERSION_KEY)
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(GLOSSARY_VERSION_KEY, version, None):
            version = cache.get(GLOSSARY_VERSION_KEY) or version
    return version


def glossary_changed(**kwargs):
    """After an edit commits: every process reads the glossary afresh on its next Traditional text."""
    transaction.on_commit(lambda: cache.set(GLOSSARY_VERSION_KEY, secrets.token_hex(8), None))


def glossary_terms(version):
    """[(simplified, traditional)] for the active standard, longest term first."""
    if _glossary["version"] != (version, standard()):
        from .models import GlossaryTerm

        _glossary["terms"] = GlossaryTerm.terms_for(standard())
        _glossary["version"] = (version, standard())
    return _glossary["terms"]


# ---- Conversion ----


def convert_text(text, config=None, terms=None):
    """Simplified text in Traditional, the glossary's terms first (each written as it says)."""
    if not text or not _HAN.search(text):
        return text
    config = config or standard()
    if terms is None:
        terms = glossary_terms(glossary_version())
    placed = []
    for simplified, traditional in terms:
        if simplified in text:
            placeholder = chr(_PLACEHOLDER_BASE + len(placed))
            text = text.replace(simplified, placeholder)
            placed.append((placeholder, traditional))
    text = _opencc(config).convert(text)
    for placeholder, traditional in placed:
        text = text.replace(placeholder, traditional)
    return text


def convert_kept(text):
    """`convert_text`, kept in this process per standard and glossary version."""
    if not text or not _HAN.search(text):
        return text
    version = glossary_version()
    key = (standard(), version, hashlib.blake2b(text.encode(), digest_size=16).digest())
    found = _converted.get(key)
    if found is None:
        found = convert_text(text, terms=glossary_terms(version))
        if len(_converted) >= _KEPT_AT_MOST:
            _converted.clear()
        _converted[key] = found
    return found


def for_reader(text):
    """`text` as the active edition shows it: converted for a Traditional reader, else unchanged.
    For text inside binary files (XLSX, ZIP), which the middleware cannot reach."""
    return convert_kept(text) if is_traditional_request() and isinstance(text, str) else text


def convert_markup(markup):
    """HTML or XML with its readable text in Traditional; tags, URLs and marked parts unchanged.

    The readable pieces are gathered, converted in one call (joined by a private-use character
    OpenCC leaves alone) and put back, so a page costs one conversion, kept per text.
    """
    parts = _TOKENS.split(markup)
    pieces = []  # (index in parts, kind, extra)
    keep_until = None  # (tag name, depth) while inside an element marked to stay Simplified
    for index, part in enumerate(parts):
        if not part:
            continue
        if index % 2 == 0:  # text between tags
            if keep_until is None and _HAN.search(part):
                pieces.append((index, None))
            continue
        if part.startswith("<!--"):
            continue
        match = _TAG_NAME.match(part)
        name = match.group(2).lower() if match else ""
        closing = bool(match and match.group(1))
        if keep_until is not None:
            kept_name, depth = keep_until
            if name == kept_name and not part.endswith("/>") and name not in _VOID:
                depth += -1 if closing else 1
                keep_until = None if depth == 0 else (kept_name, depth)
            continue
        if part.startswith("<![CDATA["):
            pieces.append((index, "cdata"))
            continue
        if name in ("script", "style", "textarea"):
            if name == "script" and _LD_JSON.match(part):
                pieces.append((index, "whole"))
            continue
        if not closing and _KEEP_MARK.search(part.split(">", 1)[0]):
            if name not in _VOID and not part.endswith("/>"):
                keep_until = (name, 1)
            continue
        if not closing and _HAN.search(part):
            pieces.append((index, "attributes"))
    if not pieces:
        return markup
    texts = []
    for index, kind in pieces:
        if kind == "attributes":
            texts.extend(_readable_values(parts[index]))
        else:
            texts.append(parts[index])
    joined = convert_kept("\ue000".join(texts)).split("\ue000")
    if len(joined) != len(texts):  # a separator lost: convert piece by piece instead
        joined = [convert_kept(text) for text in texts]
    position = 0
    for index, kind in pieces:
        if kind == "attributes":
            count = len(_readable_values(parts[index]))
            parts[index] = _with_values(parts[index], joined[position : position + count])
            position += count
        else:
            parts[index] = joined[position]
            position += 1
    return "".join(parts)


def _readable_values(tag):
    return [m.group(4)[1:-1] for m in _ATTRIBUTE.finditer(tag) if m.group(2).lower() in READABLE_ATTRIBUTES]


def _with_values(tag, values):
    values = iter(values)

    def replace(match):
        if match.group(2).lower() not in READABLE_ATTRIBUTES:
            return match.group(0)
        quote = match.group(4)[0]
        return f"{match.group(1)}{match.group(2)}{match.group(3)}{quote}{next(values)}{quote}"

    return _ATTRIBUTE.sub(replace, tag)


def kept_document(text, convert):
    """A whole document converted, kept in this process per standard and glossary version: the
    same Simplified page (the same revision) is converted once, whatever the number of requests."""
    if not _HAN.search(text):
        return text
    version = glossary_version()
    key = (convert.__name__, standard(), version, hashlib.blake2b(text.encode(), digest_size=16).digest())
    found = _documents.get(key)
    if found is None:
        found = convert(text)
        if len(_documents) >= _DOCUMENTS_AT_MOST:
            _documents.clear()
        _documents[key] = found
    return found


def convert_response(response):
    """The response's text in Traditional, once; binary and streamed responses pass unchanged."""
    if getattr(response, "_traditional", False) or response.streaming:
        return response
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type in CONVERTED_TYPES or content_type in XML_TYPES:
        convert = convert_markup
    elif content_type in WHOLE_TEXT_TYPES:
        convert = convert_kept
    else:
        return response
    charset = response.charset or "utf-8"
    text = response.content.decode(charset)
    converted = kept_document(text, convert)
    response._traditional = True
    if converted != text:
        response.content = converted.encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
    return response


class TraditionalChineseMiddleware:
    """Converts every public response of a `/zh-hant/…` request (website.traditional).

    Sits inside the page cache, so a cached Traditional page is stored converted, under its own
    key (the key names the language), and after LocaleMiddleware, which has read the prefix.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        traditional = is_traditional_request()
        response = self.get_response(request)
        if traditional and not request.path_info.startswith(tuple(settings.ADMIN_PATH_PREFIXES)):
            convert_response(response)
            add_keys(TRADITIONAL_KEY)  # a glossary change purges it at the edge (website.cache_keys)
        return response


class _StoredLanguagesSettings:
    """Django's settings as wagtail-modeltranslation's admin code should see them: its copy
    form and editor script build a field per code in `settings.LANGUAGES`, and the Traditional
    edition has no fields of its own (it is derived from the Simplified ones)."""

    def __getattr__(self, name):
        if name == "LANGUAGES":
            return [(code, name) for code, name in settings.LANGUAGES if code in STORED_LANGUAGES]
        return getattr(settings, name)


def limit_admin_to_stored_languages():
    """Give wagtail-modeltranslation's copy form and editor script the stored languages only."""
    from wagtail_modeltranslation import patch_wagtailadmin_forms, wagtail_hooks

    patch_wagtailadmin_forms.settings = wagtail_hooks.settings = _StoredLanguagesSettings()
