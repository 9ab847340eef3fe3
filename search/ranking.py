"""The title score, the first key of the site search's order, the same on SQLite and PostgreSQL.

Pages whose title holds the query's terms come first, scored by those terms' frequency in
the title against the title's length (BM25's shape, computed here from the indexed title
terms, so both databases agree). The backend computes it on the index entry it matched
(search.backend), under the name TITLE_SCORE, for the caller to order by.
"""

from django.db.models import Case, F, FloatField, Func, Value, When
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


def title_score(terms, title_lookup, in_sql=True):
    """Σ over the terms of tf / (tf + K1·(1 − B + B·length/average)), counted in the indexed
    title (`title_lookup`) of the term's own language: Chinese terms in the Chinese title,
    others in the English.

    Most matches have none of the terms in their title: a plain substring test spares them
    the arithmetic, which is most of the search's time when thousands of pages match.
    The arithmetic is SQL string functions, or with `in_sql=False` a call of
    `python_title_score` (SQLite, where it is registered on each connection as
    SQLITE_FUNCTION, runs it in a third of the time of its own string functions).
    """
    if not terms:
        return Value(0.0)
    title = F(title_lookup)
    if in_sql:
        score = Value(0.0)
        for term in terms:
            score = score + _term_score(title, term)
    else:
        score = Func(title, *map(Value, terms), function=SQLITE_FUNCTION, output_field=FloatField())
    found = Value(0)
    for term in terms:
        found = found + StrIndex(title, Value(term))
    # A lookup, not a Q: a Q with OR would turn the entry's join into an outer join, and
    # SQLite would then run the full-text match once per page again.
    return Case(When(GreaterThan(found, 0), then=score), default=Value(0.0), output_field=FloatField())


SQLITE_FUNCTION = "site_title_score"


def python_title_score(title, *terms):
    """The arithmetic of title_score, step for step as its SQL does it, so that both give
    the same floating-point score: the segment and its length in spaces, the repeated
    terms counted by removing them, the sum in the terms' order."""
    padded = (title or "") + f" {LANGUAGE_SEPARATOR} "
    position = padded.index(LANGUAGE_SEPARATOR)
    score = 0.0
    for term in terms:
        segment = padded[:position] if contains_han(term) else padded[position + 1 :]
        spaced = " " + segment.replace(" ", "  ") + " "
        length = float(len(segment) - len(segment.replace(" ", "")))
        norm = K1 * ((1 - B) + B * length / AVERAGE_TITLE_TERMS)
        needle = f" {term} "
        tf = float(len(spaced) - len(spaced.replace(needle, ""))) / float(len(needle))
        score = score + tf / (tf + norm)
    return score


def register_sqlite_function(sender, connection, **kwargs):
    """connection_created: python_title_score as SQLITE_FUNCTION on each SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, -1, python_title_score, deterministic=True)
