"""Highlighting the reader's words in a search result, server-side and escaped."""

import unicodedata

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from ..analysis import _TOKEN, _english_term, _segmenter, contains_han, markup_free

register = template.Library()


def _marked(text):
    return format_html("<mark>{}</mark>", text)


def _highlight_han(run, han_terms):
    """Marks the Chinese terms in a run of Han characters as whole words: the run is cut
    into words as the index cuts it, and a word is marked if it is a term, or the term's
    parts the index holds inside it (质子 in 质子治疗); a character inside an unrelated word
    (人 in 机器人) is not."""
    segmenter = _segmenter()
    pieces = []
    for word in segmenter.cut(run):
        if word in han_terms:
            pieces.append(_marked(word))
            continue
        parts = set(segmenter.cut_for_search(word)) - {word}
        inside = [t for t in han_terms if len(t) > 1 and t in parts]
        pieces.append(_highlight_within(word, inside) if inside else conditional_escape(word))
    return "".join(pieces)


def _highlight_within(run, han_terms):
    """Marks every occurrence of the terms in a word, longest first."""
    pieces, start = [], 0
    while start < len(run):
        term = next((t for t in han_terms if run.startswith(t, start)), None)
        if term:
            pieces.append(_marked(term))
            start += len(term)
        else:
            pieces.append(conditional_escape(run[start]))
            start += 1
    return "".join(pieces)


@register.filter
def highlight(text, terms):
    """`text` (markup removed, otherwise as written) with each word matching one of the
    query's `terms` in <mark>."""
    text = markup_free(text or "")
    terms = set(terms or ())
    han_terms = sorted((t for t in terms if contains_han(t)), key=len, reverse=True)  # longest first
    pieces, position = [], 0
    for match in _TOKEN.finditer(text):
        pieces.append(conditional_escape(text[position : match.start()]))
        word = match.group()
        if match.lastgroup == "han":
            pieces.append(_highlight_han(word, han_terms) if han_terms else conditional_escape(word))
        elif match.lastgroup == "joined" and word.replace("-", "").lower() in terms:
            pieces.append(_marked(word))
        elif _english_term(unicodedata.normalize("NFKC", word)) in terms:
            pieces.append(_marked(word))
        else:
            pieces.append(conditional_escape(word))
        position = match.end()
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(pieces))


@register.simple_tag
def url_for_word(word):
    """The query string of a plain search for `word`, for the no-results suggestions."""
    from django.utils.http import urlencode

    return urlencode({"q": word})
