"""The passage a search result shows: its summary when the summary (or the title) holds the
query's words, else the sentence of the body that holds most of them (docs/search.md)."""

import re

from .analysis import index_terms, markup_free

PASSAGE_LENGTH = 160
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|(?<=\.)\s+|\n+")


def _found(text, terms):
    return len(set(index_terms(text)) & terms)


def body_text(page):
    """The page's body in the active language as plain text, '' if it has none."""
    value = getattr(page, "body", None)
    stream_block = getattr(value, "stream_block", None)
    if stream_block is None:
        return markup_free(value or "") if isinstance(value, str) else ""
    return "\n".join(markup_free(text) for text in stream_block.get_searchable_content(value))


def best_sentence(text, terms):
    """The sentence of `text` holding most of the terms (the first of equals), cut to
    PASSAGE_LENGTH around its first term; '' if no sentence holds any."""
    best, best_count = "", 0
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        if sentence and (count := _found(sentence, terms)) > best_count:
            best, best_count = sentence, count
    if len(best) <= PASSAGE_LENGTH:
        return best
    # Cut around the first character of a matching word; the highlight marks whole words.
    start = min((best.find(t) for t in terms if t in best.lower() or t in best), default=0)
    start = max(0, start - PASSAGE_LENGTH // 3)
    return ("…" if start else "") + best[start : start + PASSAGE_LENGTH] + "…"


def passage(page, title, summary, terms):
    """The summary if it or the title holds a term, else the body's best sentence, else the summary."""
    terms = set(terms)
    if not terms or _found(f"{title} {markup_free(summary or '')}", terms):
        return summary
    return best_sentence(body_text(page), terms) or summary
