"""The site search: published pages a reader of the active language may see, best first.

Ranking, the same on SQLite and PostgreSQL: pages holding more of the query's words first,
then those holding its runs as they are, then by the title score (search.ranking); then the
backend's own relevance over the title and the summary (the autocomplete fields), then over
the body; then the newer page (docs/search.md).
"""

import datetime

from django.db import connection
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from modelsearch.query import PlainText
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from website.languages import is_english_request
from website.pages import public

from .analysis import as_written, is_question, query_phrases, query_terms, query_words
from .backend.query import Ranked
from .kinds import available_kinds, coverage_share, search_date
from .ranking import COVERAGE_SHARE, site_order
from .synonyms import standing_for


def searchable_pages(kind_key=None, year=None, english=None):
    """Live, public pages of the searchable kinds; in English only those with English."""
    english = is_english_request() if english is None else english
    kinds = [k for k in available_kinds() if kind_key in (None, k.key)]
    if not kinds:
        return Page.objects.none()
    # The kind, English and date from the search's own row of each page (search.searched), kept
    # as the page is indexed, not from each page type's table.
    pages = public(Page.objects.live()).filter(searched__kind__in=[kind.key for kind in kinds])
    if english:
        pages = pages.filter(searched__has_english=True)
    pages = pages.annotate(search_date=search_date())
    if year is not None:
        pages = pages.filter(_in_year(year))
    return pages


def _new_year(year):
    """The first moment of `year` in the site's time zone."""
    return datetime.datetime(year, 1, 1, tzinfo=timezone.get_current_timezone())


def _in_year(year):
    # A range of dates, not the year of each date: SQLite would work out every page's
    # year in Python.
    return Q(search_date__gte=_new_year(year), search_date__lt=_new_year(year + 1))


def search(query, kind_key=None, year=None, english=None):
    """Wagtail search results (sliceable, countable) for `query`, best first."""
    backend = get_search_backend()
    # Only the id and type of each result: the caller loads the page's fields for one page
    # of results, and PostgreSQL would otherwise carry every column of thousands of matches
    # through the joins and the sort.
    pages = searchable_pages(kind_key, year, english).only("id", "content_type")
    pages = pages.alias(**{COVERAGE_SHARE: coverage_share()})
    pages = pages.order_by(*site_order(backend.best_score_first))
    # Any word may match: the pages holding more of the query's words rank first (search.ranking);
    # the editors' synonyms of its words are asked for too (search.synonyms).
    # Runs of the query found as they are (in quotes or not) rank above scattered words.
    words = query_words(query)
    synonyms = [(entry, stands_for) for entry, stands_for in standing_for(query) if query_terms(entry)]
    # A question is asked loosely: a word of several terms in it (a long Chinese word, asked by
    # its pairs of characters) is found by any of them, as BM25 finds it: 康复 of 康复训练 finds
    # the rehabilitation centre, which the coverage ranks by the share of the word it holds.
    # Otherwise a word needs all its terms (质子治疗仪器 does not find 质子 alone).
    operator = "or" if is_question(query) else "and"
    words = [PlainText(word, operator=operator) for word in words]
    # A synonym counts in the coverage only as the editors wrote it (search.analysis.as_written:
    # 网络医院, not 5G网络 in one sentence and 县医院 in another).
    words += [PlainText(entry, operator="and") for entry, _stands_for in synonyms]
    if not words:
        return backend.search(PlainText(query), pages, order_by_relevance=False).annotate_score("_score")
    whole = [(query_terms(entry), as_written(entry), stands_for) for entry, stands_for in synonyms]
    ranked = Ranked(words, phrases=query_phrases(query), whole=whole)
    return backend.search(ranked, pages, order_by_relevance=False).annotate_score("_score")


def result_years(english=None):
    """The years that have searchable pages, newest first, for the year filter."""
    pages = searchable_pages(english=english).order_by()
    if connection.vendor == "sqlite":
        return _years_counted(pages)
    years = pages.annotate(year=ExtractYear("search_date")).order_by("-year").values_list("year", flat=True)
    return [year for year in years.distinct() if year]


def _years_counted(pages):
    """The years of `pages` from their first and last dates and one count per year between
    them, in two passes: SQLite works out a date's year in Python, which took twice as long
    at 10,000 pages (PostgreSQL's own is faster than this)."""
    span = pages.aggregate(first=Min("search_date"), last=Max("search_date"))
    if span["first"] is None:
        return []
    first, last = (timezone.localtime(span[end]).year for end in ("first", "last"))
    years = range(last, first - 1, -1)
    counts = pages.aggregate(**{str(year): Count("pk", filter=_in_year(year)) for year in years})
    return [year for year in years if counts[str(year)]]
