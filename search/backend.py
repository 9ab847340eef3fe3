"""Wagtail's database search backend, taught Chinese: WAGTAILSEARCH_BACKENDS points here.

A thin wrapper: the vendor's own backend (SQLite FTS5 or PostgreSQL) does the storing,
matching and ranking; this module changes only what goes in and what is asked.

- Index: every search field is indexed in both languages (each modeltranslation column,
  never a fallback, never an empty "None"), as the terms of search.analysis.
- Query: the reader's words become the same terms, joined by AND.
- Ranking: by the title and the autocomplete fields (the title and the page's summary) on
  both databases, a title term weighing ten times a summary term; the body matches but
  does not rank, so pages that hold the words only in their body tie, for the caller to
  order by date. Each result also carries the title score of search.ranking (TITLE_SCORE).
- Speed: SQLite matches and ranks in one full-text pass; PostgreSQL reads the matches once,
  through the GIN index, and in the same query counts them and ranks only those that can
  reach the slice asked for (docs/performance.md).

Everything Wagtail indexes goes through it, so the admin's page, image and snippet
search benefit too.
"""

from contextlib import contextmanager
from functools import cache

from django.db import connection, transaction
from django.db.models import F, FloatField, IntegerField
from django.db.models.expressions import Func, RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.base import EmptySearchResults
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText
from modeltranslation.manager import get_translatable_fields_for_model
from modeltranslation.utils import build_localized_fieldname, fallbacks

from .analysis import index_text, query_terms
from .ranking import LANGUAGE_SEPARATOR, TITLE_SCORE, site_order, title_score

# A title term counts this many times an autocomplete term (SQLite's bm25 column weights;
# PostgreSQL weighs the title 'A' and the autocomplete fields 'D').
TITLE_WEIGHT = 10.0


def _languages():
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def _values_in_every_language(obj, field):
    """The field's stored value in each language for a translated field, else its value."""
    translated = get_translatable_fields_for_model(type(obj)) or ()
    with fallbacks(False):
        if field.field_name in translated:
            for language in _languages():
                name = build_localized_fieldname(field.field_name, language)
                yield type(field)(name).get_value(obj)
        else:
            yield field.get_value(obj)


@cache
def _language_columns(model):
    translated = get_translatable_fields_for_model(model) or ()
    return frozenset(build_localized_fieldname(name, lang) for name in translated for lang in _languages())


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return str(value)


class BilingualField:
    """A search field whose value is the analysed text of all its languages."""

    def __init__(self, field):
        self.field = field
        self.field_name = field.field_name
        self.boost = getattr(field, "boost", None)

    def get_value(self, obj):
        if isinstance(obj, _Indexed):
            return obj.analysed(self)
        return self.analyse(obj)

    def analyse(self, obj):
        # Languages are kept apart by LANGUAGE_SEPARATOR (which no tokeniser indexes), so the
        # title score can measure a title in the language of the query (search.ranking).
        texts = [index_text(_as_text(value)) for value in _values_in_every_language(obj, self.field)]
        return f" {LANGUAGE_SEPARATOR} ".join(texts) if any(texts) else ""


class BilingualSearchField(BilingualField, SearchField):
    pass


class BilingualAutocompleteField(BilingualField, AutocompleteField):
    pass


class BilingualRelatedFields(RelatedFields):
    def __init__(self, related):
        super().__init__(related.field_name, [bilingual(field) for field in related.fields])

    def get_value(self, obj):
        return super().get_value(_unwrapped(obj))


def bilingual(field):
    if isinstance(field, SearchField):
        return BilingualSearchField(field)
    if isinstance(field, AutocompleteField):
        return BilingualAutocompleteField(field)
    if isinstance(field, RelatedFields):
        return BilingualRelatedFields(field)
    return field


def _unwrapped(obj):
    return obj._obj if isinstance(obj, _Indexed) else obj


class _Indexed:
    """What the vendor's indexer reads of an object: its search fields made bilingual."""

    def __init__(self, obj):
        self._obj = obj
        self.pk = obj.pk
        self._analysed = {}

    def analysed(self, field):
        """The field's analysed text, analysed once: the vendor's indexer reads every field
        again for each column it fills (title, body, autocomplete, and on PostgreSQL their
        plain-text copies), and segmenting the text is most of a reindex's time."""
        if field.field_name not in self._analysed:
            self._analysed[field.field_name] = field.analyse(self._obj)
        return self._analysed[field.field_name]

    def get_search_fields(self):
        # wagtail-modeltranslation adds each language's title column as a search field of
        # its own; the bilingual title covers them, and they would put the title in the body.
        columns = _language_columns(type(self._obj))
        return [
            bilingual(field) for field in self._obj.get_search_fields() if field.field_name not in columns
        ]

    def __getattr__(self, name):
        return getattr(self._obj, name)


def analysed_query(query):
    """A reader's query (a string or Wagtail's parsed query) as index terms, or None."""
    if isinstance(query, str):
        query = PlainText(query, operator="and")
    if isinstance(query, PlainText):
        terms = query_terms(query.query_string)
        return PlainText(" ".join(terms), operator="and") if terms else None
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
        """The queryset with the title score of each object's index entry, for ordering."""
        score = title_score(_terms(self.query), f"index_entries__{title_column}")
        return queryset.alias(**{TITLE_SCORE: score})


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


def _index_class(vendor_index_class):
    class BilingualIndex(vendor_index_class):
        def add_items(self, model, objs):
            return super().add_items(model, [_Indexed(obj) for obj in objs])

    return BilingualIndex


@cache
def _sqlite_backend():
    from modelsearch.backends.database.sqlite.query import (
        AndNot,
        MatchExpression,
        SQLiteFTSIndexEntry,
        normalize,
    )
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )

    class WeightedBM25(Func):
        """bm25() with column weights: the FTS table's columns are (autocomplete, body, title)."""

        output_field = FloatField()

        def __init__(self, weights):
            self.weights = weights
            super().__init__()

        def as_sql(self, compiler, connection, **extra):
            weights = ", ".join(str(float(w)) for w in self.weights)
            return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []

    class JoinedSearchMixin(DatabaseCompilerMixin):
        """Matches and ranks in one full-text pass, with the title score's arithmetic in Python.

        Wagtail's own SQLite compiler scores each matching object with a subquery that runs
        the full-text match again, so the time grows with the square of the matches (15 s
        for a common word over 10,000 pages). Here the object, its index entry and the
        entry's full-text row are joined in one filter, and SQLite reads them from the
        full-text side: the match runs once and bm25() scores each row as it comes. The
        join back to the object goes by its id (the entry's object_id is its id as text),
        which the object's primary key serves.
        """

        def search(self, config, start, stop, score_field=None):
            query = normalize(self.query)
            if isinstance(query, (MatchAll, Not, AndNot)):
                return super().search(config, start, stop, score_field=score_field)
            columns = self.fields or self.FTS_TABLE_FIELDS
            queryset = self.queryset.filter(
                MatchExpression(columns, self.build_search_query(query, config=config)),
                index_entries__sqliteftsindexentry__isnull=False,
                pk=Cast("index_entries__object_id", IntegerField()),
            )
            queryset = self._with_title_score(queryset, "title")
            if self.order_by_relevance and score_field is None:
                score_field = "_score"
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: self._build_rank_expression(None, config)})
            if self.order_by_relevance:
                queryset = queryset.order_by(score_field, "-pk")
            elif not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]

    class QueryCompiler(JoinedSearchMixin, SQLiteSearchQueryCompiler):
        # The autocomplete column holds the title and the summary again: matched too, or
        # bm25() would count none of its terms. It finds nothing the other two would not.
        FTS_TABLE_FIELDS = ["title", "body", "autocomplete"]

        def _build_rank_expression(self, vectors, config):
            return WeightedBM25((1.0, 0.0, TITLE_WEIGHT))

    class AutocompleteQueryCompiler(JoinedSearchMixin, SQLiteAutocompleteQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            return WeightedBM25((1.0, 0.0, 0.0))

    class Results(SlicesFetchedOnce, SQLiteSearchResults):
        pass

    class Backend(AnalysedSearchMixin, SQLiteSearchBackend):
        results_class = Results
        best_score_first = "asc"  # bm25() is lower for a better match
        index_class = _index_class(SQLiteSearchBackend.index_class)
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

    return Backend


def _in_site_order(queryset):
    return tuple(queryset.query.order_by) == site_order("desc")


# The site search's ranking in one pass over the matches (QueryCompiler.ranked_in_one_pass):
# the matches (page, index entry, title score, date), their count, and ts_rank ({rank}: the
# entry's title and autocomplete vectors) only for the matches whose title score reaches
# the slice's last place (WITHIN_REACH).
ONE_PASS = """
WITH matches AS MATERIALIZED ({matches})
SELECT pk, matches.content_type_id, search_date, {rank} AS score, (SELECT count(*) FROM matches)
FROM matches JOIN {entries} AS entry ON entry.id = matches._entry
{within_reach}
ORDER BY _title_score DESC, score DESC, search_date DESC NULLS LAST, pk DESC
LIMIT %s OFFSET %s
"""
WITHIN_REACH = """WHERE _title_score >= COALESCE(
    (SELECT _title_score FROM matches ORDER BY _title_score DESC LIMIT 1 OFFSET %s), 0
)"""


def _without_the_vector(queryset):
    """The queryset without the entry's combined title and body vector among its columns.

    The vendor's compiler matches by annotating each object with the vector, so PostgreSQL
    built and returned it for every match: a copy of each body's vector (a few kilobytes,
    TOASTed), 60 ms of the 200 ms for a word on 8,000 pages. The match itself stays.
    """
    queryset = queryset._chain()
    queryset.query.set_annotation_mask(set(queryset.query.annotation_select) - {"_vector_"})
    return queryset


# What the search's queries ask of PostgreSQL's planner (see _planned_for_the_gin_index).
PLANNER_SETTINGS = {
    "enable_seqscan": "off",
    "random_page_cost": "1.1",
    "max_parallel_workers_per_gather": "0",
}


@contextmanager
def _planned_for_the_gin_index():
    """PostgreSQL settings for the queries inside: read the index entries through the GIN index.

    The planner takes matching an entry (concatenating its title and body vectors, the body
    TOASTed, a few kilobytes) for a cheap comparison, so for a word on most pages it reads
    every entry and matches each: 110 ms at 10,000 articles, where the GIN index finds the
    same entries in 3 ms. With sequential scans off it did the same through another index
    once the table grew (150 ms), until a random page cost fit for a database in memory or
    on SSD (1.1, not the default 4 of spinning disks) let it price the GIN index's pages
    fairly. Parallel workers cost more to start than they save here. The settings last for
    these queries only: set_config local to a transaction (or savepoint), put back
    afterwards, and undone with it if a query fails.
    """
    names = list(PLANNER_SETTINGS)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join("current_setting(%s)" for _ in names), names)
        before = dict(zip(names, cursor.fetchone(), strict=True))
        _set_locally(cursor, PLANNER_SETTINGS)
        yield
        _set_locally(cursor, before)


def _set_locally(cursor, settings):
    calls = ", ".join("set_config(%s, %s, true)" for _ in settings)
    cursor.execute(f"SELECT {calls}", [value for pair in settings.items() for value in pair])


@cache
def _postgres_backend():
    from django.contrib.postgres.search import SearchVectorField
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )

    class QueryCompiler(DatabaseCompilerMixin, PostgresSearchQueryCompiler):
        def get_index_vectors(self, search_query):
            # Without the stored title_norm: it is refreshed only for new entries as the
            # average changes, so two equal pages could rank apart by when they were indexed.
            # search.ranking scores the title's length itself.
            return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]

        def _build_rank_expression(self, vectors, config):
            # The title and the autocomplete fields, not the body: ts_rank reads the whole
            # vector it ranks, and a body's (a few kilobytes, TOASTed) took 35 ms for a word
            # on 8,000 pages, where these two are a few hundred bytes each.
            ranked = [(F("index_entries__title"), 1.0), (F("index_entries__autocomplete"), 1.0)]
            return self._rank(ranked, config)

        def _rank(self, vectors, config):
            return super()._build_rank_expression(vectors, config)

        def _apply_ordering_and_scoring(self, queryset, rank_expression, start, stop, score_field=None):
            # The queryset has matched by now, joined to its index entries once.
            queryset = _without_the_vector(queryset)
            queryset = self._with_title_score(queryset, "title_text")
            return super()._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

        def ranks_in_one_pass(self):
            """Whether this is the site search (search.query), which ranked_in_one_pass serves."""
            searches_words = isinstance(self.query, (PlainText, Phrase, And, Or, Boost))
            return searches_words and _in_site_order(self.queryset)

        def ranked_in_one_pass(self, config, start, stop, score_field):
            """The objects of the slice (with their score as `score_field`) and the number of
            all matches, from one query.

            Counting, ranking and the slice's title-score cut-off each read every match
            again as separate queries (three joins of thousands of pages to their index
            entries); here the matches are read once, into a CTE, and ts_rank runs only on
            those whose title score reaches the slice.
            """
            matches = (
                super()
                .search(config, None, None)
                .order_by()
                .annotate(_title_score=F(TITLE_SCORE), _entry=F("index_entries__id"))
                .values_list("pk", "content_type_id", "_title_score", "search_date", "_entry")
            )
            query = matches.query
            matches_sql, matches_params = query.sql_with_params()
            columns = [
                (RawSQL(f"entry.{name}", (), output_field=SearchVectorField()), 1.0)
                for name in ("title", "autocomplete")
            ]
            rank_sql, rank_params = query.get_compiler(connection=connection).compile(
                self._rank(columns, config).resolve_expression(query)
            )
            start = start or 0
            # Below the stop-th best title score, a match cannot enter the slice.
            within_reach, cut_off = (WITHIN_REACH, [stop - 1]) if stop else ("", [])
            entries = IndexEntry._meta.db_table
            sql = ONE_PASS.format(
                matches=matches_sql, rank=rank_sql, entries=entries, within_reach=within_reach
            )
            limit = stop - start if stop else None  # LIMIT NULL: all
            with connection.cursor() as cursor:
                cursor.execute(sql, (*matches_params, *rank_params, *cut_off, limit, start))
                rows = cursor.fetchall()
            model = self.queryset.model
            objects = []
            for pk, content_type_id, search_date, score, _total in rows:
                obj = model.from_db(
                    connection.alias, [model._meta.pk.attname, "content_type_id"], (pk, content_type_id)
                )
                obj.search_date = search_date
                if score_field:
                    setattr(obj, score_field, score)
                objects.append(obj)
            return objects, (rows[0][-1] if rows else None)

    class Results(SlicesFetchedOnce, PostgresSearchResults):
        """The site search's results from one query that counts them too (ranked_in_one_pass)."""

        def _fetch(self):
            compiler = self.query_compiler
            with _planned_for_the_gin_index():
                if not (isinstance(compiler, QueryCompiler) and compiler.ranks_in_one_pass()):
                    return super()._fetch()
                config = compiler.get_config(self.backend)
                objects, total = compiler.ranked_in_one_pass(config, self.start, self.stop, self._score_field)
            if total is not None:
                compiler.counted = total
            return objects

        def _do_count(self):
            counted = getattr(self.query_compiler, "counted", None)
            if counted is not None:
                return counted
            with _planned_for_the_gin_index():
                return super()._do_count()

    class Backend(AnalysedSearchMixin, PostgresSearchBackend):
        query_compiler_class = QueryCompiler
        results_class = Results
        best_score_first = "desc"  # ts_rank is higher for a better match
        index_class = _index_class(PostgresSearchBackend.index_class)

        def __init__(self, params):
            # The terms are already lower-cased and stemmed: PostgreSQL must take them as they
            # are, as SQLite does, not stem them again with its English dictionary.
            super().__init__({"SEARCH_CONFIG": "simple", **params})

    return Backend


def SearchBackend(params):  # noqa: N802 (Wagtail looks up this name in a backend module)
    if connection.vendor == "postgresql":
        return _postgres_backend()(params)
    if connection.vendor == "sqlite":
        return _sqlite_backend()(params)
    from modelsearch.backends.database import SearchBackend as vendor_backend

    return vendor_backend(params)
