"""What is asked of the index, the same on both databases (the site search itself is search.query).

- Query: the reader's words become the terms of search.analysis, joined by AND.
- Ranking: by the title and the autocomplete fields (the title and the page's summary) on
  both databases, a title term weighing ten times a summary term; the body matches but
  does not rank, so pages that hold the words only in their body tie, for the caller to
  order by date. Each result also carries the title score of search.ranking (TITLE_SCORE).
"""

from django.apps import apps
from django.db import connection
from django.db.models import F
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from ..analysis import query_terms
from ..ranking import BODY_SCORE, COVERAGE_SHARE, TITLE_SCORE, term_weights, title_score


class Ranked(Or):
    """The site search's query (search.query): any of its words, each an AND of its terms,
    ranked by how many of them a page holds and by the runs of the query (`phrases`, lists of
    index terms in order) it holds as they are."""

    def __init__(self, subqueries, phrases=(), whole=()):
        super().__init__(subqueries)
        self.phrases = [list(phrase) for phrase in phrases]
        # The words (lists of index terms) that count in the coverage only if found whole: the
        # editors' synonyms of the reader's words. The reader's own count by the terms found.
        self.whole = [list(terms) for terms in whole]


def analysed_query(query):
    """A reader's query (a string or Wagtail's parsed query) as index terms, or None."""
    if isinstance(query, Ranked):
        subqueries = [q for q in map(analysed_query, query.subqueries) if q is not None]
        return Ranked(subqueries, query.phrases, query.whole) if subqueries else None
    if isinstance(query, str):
        query = PlainText(query, operator="and")
    if isinstance(query, PlainText):
        # The operator is kept: "and" for a string (the admin's searches), "or" for the site
        # search, which ranks the pages holding more of the words first (search.ranking).
        terms = query_terms(query.query_string)
        return PlainText(" ".join(terms), operator=query.operator) if terms else None
    if isinstance(query, Phrase):
        terms = query_terms(query.query_string)
        return Phrase(" ".join(terms)) if terms else None
    if isinstance(query, Boost):
        subquery = analysed_query(query.subquery)
        return Boost(subquery, query.boost) if subquery else None
    if isinstance(query, Not):
        subquery = analysed_query(query.subquery)
        return Not(subquery) if subquery else None
    if isinstance(query, (And, Or)):
        subqueries = [q for q in map(analysed_query, query.subqueries) if q is not None]
        if not subqueries:
            return None
        return subqueries[0] if len(subqueries) == 1 else type(query)(subqueries)
    return query  # MatchAll and anything else need no analysis


class AnalysedSearchMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = analysed_query(query)
        if query is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


def _terms(query):
    """The terms of an analysed query that the title score counts (negated ones are not)."""
    if isinstance(query, (PlainText, Phrase)):
        return query.query_string.split()
    if isinstance(query, Boost):
        return _terms(query.subquery)
    if isinstance(query, (And, Or)):
        return [term for subquery in query.subqueries for term in _terms(subquery)]
    return []


class DatabaseCompilerMixin:
    """What both databases' query compilers add to the vendor's."""

    def _get_filters_from_queryset(self, check_only=False):
        # These backends run the queryset itself as SQL, so its filters may use any column
        # (the site search filters on the page types' own); the check that every filter is a
        # search FilterField is for search engines that hold a copy of the data.
        if check_only:
            return None
        return super()._get_filters_from_queryset(check_only)

    def _with_title_score(self, queryset, title_column):
        """The queryset with the title score of each object's index entry, for ordering: for
        the site search (Ranked), how many of the words the entry holds (its coverage) and
        its share of the query's phrases come first; and with the body's own relevance
        (BODY_SCORE), which orders the pages that hold the words in their body only."""
        ranked = isinstance(self.query, Ranked)
        words = [_terms(word) for word in self.query.subqueries] if ranked else []
        score = title_score(
            _terms(self.query),
            f"index_entries__{title_column}",
            words=words,
            phrases=self.query.phrases if ranked else (),
            entry_lookup="index_entries__id",
            matching=self.entries_matching if ranked else None,
            weights=self._term_weights(words) if len(words) > 1 else None,
            whole=[terms in self.query.whole for terms in words] if ranked else None,
            share=F(COVERAGE_SHARE) if COVERAGE_SHARE in queryset.query.annotations else None,
        )
        return queryset.alias(**{TITLE_SCORE: score, BODY_SCORE: self._body_score()})

    def _term_weights(self, words):
        """The terms' weights in the coverage (search.ranking.term_weights), from how many
        index entries hold each: one count through the full-text index per term, once per
        search (its copies, a slice and a count, share this compiler)."""
        if getattr(self, "weights", None) is None:
            self.weights = self._counted_weights(words)
        return self.weights

    def _counted_weights(self, words):
        entries = apps.get_model("wagtailsearch", "IndexEntry").objects.count()
        holding = {}
        with connection.cursor() as cursor:
            for term in {term for terms in words for term in terms}:
                held = self.entries_matching([term], phrase=False)
                cursor.execute(f"SELECT count(*) FROM ({held.sql}) AS held", held.params)
                holding[term] = cursor.fetchone()[0]
        return term_weights(words, holding, entries)

    def entries_matching(self, terms, phrase):
        """A subquery of the ids of the index entries whose title or body holds the terms
        (consecutive if `phrase`), through the database's full-text index."""
        raise NotImplementedError

    def _body_score(self):
        raise NotImplementedError


class SlicesFetchedOnce:
    """Search results whose slices are fetched once per search.

    Every copy of a search (a slice, a count) shares its query compiler, which keeps each
    slice fetched: a paginator that fetches its page first (search.views.page_of_results),
    then counts and slices again, reads the page's results once. On PostgreSQL the query
    for the page counts the results too.
    """

    def _do_search(self):
        objects = self._fetched()
        if objects is None:
            objects = self.query_compiler.fetched[self.start, self.stop] = list(self._fetch())
        return objects if self.stop is None else objects[: self.stop - self.start]

    def _fetched(self):
        """This slice's objects, if an earlier copy fetched them or a slice that holds them."""
        fetched = self.query_compiler.__dict__.setdefault("fetched", {})
        for (start, stop), objects in fetched.items():
            if start == self.start and (stop is None or (self.stop is not None and self.stop <= stop)):
                return objects
        return None

    def _fetch(self):
        return super()._do_search()
