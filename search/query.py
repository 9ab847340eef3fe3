"""The site search: published pages a reader of the active language may see, best first.

Ranking, the same on SQLite and PostgreSQL: pages whose title holds the query's terms come
first, by the title score (search.ranking); then the backend's own relevance over title and
body; then the newer page.
"""

from django.db.models import F
from django.db.models.functions import ExtractYear
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from website.languages import is_english_request

from .kinds import available_kinds, search_date
from .ranking import TITLE_SCORE


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


def search(query, kind_key=None, year=None, english=None):
    """Wagtail search results (sliceable, countable) for `query`, best first."""
    backend = get_search_backend()
    score = F("_score").asc() if backend.best_score_first == "asc" else F("_score").desc()
    pages = searchable_pages(kind_key, year, english).order_by(
        F(TITLE_SCORE).desc(), score, F("search_date").desc(nulls_last=True), F("pk").desc()
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
