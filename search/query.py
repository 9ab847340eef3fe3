"""The site search: published pages a reader of the active language may see, best first.

Ranking, the same on SQLite and PostgreSQL: pages whose title holds the query's terms come
first, scored by those terms' frequency in the title against the title's length (BM25's
shape, computed here from the indexed title terms, so both databases agree); then the
backend's own relevance over title and body; then the newer page.
"""

from django.db.models import F, FloatField, Value
from django.db.models.functions import Cast, Concat, ExtractYear, Length, Replace, StrIndex, Substr
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from website.languages import is_english_request

from .analysis import contains_han, query_terms
from .backend import LANGUAGE_SEPARATOR
from .kinds import available_kinds, search_date

# BM25's constants for the title score, and a typical title's length in terms (one language).
K1 = 1.2
B = 0.75
AVERAGE_TITLE_TERMS = 8.0


def searchable_pages(kind_key=None, year=None, english=None):
    """Live, public pages of the searchable kinds; in English only those with English."""
    english = is_english_request() if english is None else english
    kinds = [k for k in available_kinds() if kind_key in (None, k.key)]
    if not kinds:
        return Page.objects.none()
    condition = kinds[0].condition(english)
    for kind in kinds[1:]:
        condition |= kind.condition(english)
    pages = Page.objects.live().public().filter(condition).annotate(search_date=search_date())
    if year is not None:
        pages = pages.filter(search_date__year=year)
    return pages


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


def title_score(terms, column):
    """Σ over the terms of tf / (tf + K1·(1 − B + B·length/average)), counted in the indexed
    title of the term's own language (Chinese terms in the Chinese title, others in the English).

    Every space is doubled first, so that " term " finds repeated terms side by side.
    """
    title = F(f"index_entries__{column}")
    score = Value(0.0)
    for term in terms:
        segment = _segment(title, contains_han(term))
        spaced = Concat(Value(" "), Replace(segment, Value(" "), Value("  ")), Value(" "))
        length = _float(Length(segment) - Length(Replace(segment, Value(" "), Value(""))))
        norm = Value(K1) * (Value(1 - B) + Value(B) * length / Value(AVERAGE_TITLE_TERMS))
        needle = f" {term} "
        tf = _float(Length(spaced) - Length(Replace(spaced, Value(needle), Value("")))) / Value(
            float(len(needle))
        )
        score = score + tf / (tf + norm)
    return score


def search(query, kind_key=None, year=None, english=None):
    """Wagtail search results (sliceable, countable) for `query`, best first."""
    backend = get_search_backend()
    terms = query_terms(query)
    candidates = searchable_pages(kind_key, year, english)
    score = F("_score").asc() if backend.best_score_first == "asc" else F("_score").desc()
    # The backend only allows filters on indexed fields: the kinds' conditions reach it
    # as a set of ids.
    pages = (
        Page.objects.filter(pk__in=candidates.values("pk"))
        .annotate(search_date=search_date(), title_score=title_score(terms, backend.title_text_column))
        .order_by(F("title_score").desc(), score, F("search_date").desc(nulls_last=True), F("pk").desc())
    )
    return backend.search(query, pages, order_by_relevance=False).annotate_score("_score")


def result_years(english=None):
    """The years that have searchable pages, newest first, for the year filter."""
    years = (
        searchable_pages(english=english)
        .annotate(year=ExtractYear("search_date"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return [year for year in years if year]
