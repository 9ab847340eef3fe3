"""The title score, the first key of the site search's order, the same on SQLite and PostgreSQL.

Pages whose title holds the query's terms come first, scored by those terms' frequency in
the title against the title's length (BM25's shape, computed here from the indexed title
terms, so both databases agree). The backend computes it on the index entry it matched
(search.backend), under the name TITLE_SCORE, for the caller to order by.
"""

from django.db.models import Case, F, FloatField, Value, When
from django.db.models.functions import Cast, Concat, Length, Replace, StrIndex, Substr
from django.db.models.lookups import GreaterThan

from .analysis import contains_han

TITLE_SCORE = "title_score"

# Keeps an indexed field's languages apart (no tokeniser indexes it), so that a term is
# counted in the title of its own language.
LANGUAGE_SEPARATOR = "|"

# BM25's constants for the title score, and a typical title's length in terms (one language).
K1 = 1.2
B = 0.75
AVERAGE_TITLE_TERMS = 8.0


def _float(expression):
    return Cast(expression, FloatField())


def _segment(title, han):
    """The part of the indexed title in the source language (before the separator) or the
    other (after it); a title without the separator counts as source language only."""
    padded = Concat(title, Value(f" {LANGUAGE_SEPARATOR} "))
    position = StrIndex(padded, Value(LANGUAGE_SEPARATOR))
    if han:
        return Substr(padded, 1, position - 1)
    return Substr(padded, position + 1)


def _term_score(title, term):
    segment = _segment(title, contains_han(term))
    # Every space is doubled first, so that " term " finds repeated terms side by side.
    spaced = Concat(Value(" "), Replace(segment, Value(" "), Value("  ")), Value(" "))
    length = _float(Length(segment) - Length(Replace(segment, Value(" "), Value(""))))
    norm = Value(K1) * (Value(1 - B) + Value(B) * length / Value(AVERAGE_TITLE_TERMS))
    needle = f" {term} "
    tf = _float(Length(spaced) - Length(Replace(spaced, Value(needle), Value("")))) / Value(
        float(len(needle))
    )
    return tf / (tf + norm)


def title_score(terms, title_lookup):
    """Σ over the terms of tf / (tf + K1·(1 − B + B·length/average)), counted in the indexed
    title (`title_lookup`) of the term's own language: Chinese terms in the Chinese title,
    others in the English.

    Most matches have none of the terms in their title: a plain substring test spares them
    the arithmetic, which is most of the search's time when thousands of pages match.
    """
    if not terms:
        return Value(0.0)
    title = F(title_lookup)
    score = Value(0.0)
    found = Value(0)
    for term in terms:
        score = score + _term_score(title, term)
        found = found + StrIndex(title, Value(term))
    # A lookup, not a Q: a Q with OR would turn the entry's join into an outer join, and
    # SQLite would then run the full-text match once per page again.
    return Case(When(GreaterThan(found, 0), then=score), default=Value(0.0), output_field=FloatField())
