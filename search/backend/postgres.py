"""The backend on PostgreSQL full-text search: it reads the matches once, through the GIN
index, and in the same query counts them and ranks only those that can reach the slice
asked for (docs/performance.md).

Imported by search.backend.SearchBackend on PostgreSQL only (it needs psycopg and
django.contrib.postgres).
"""

from contextlib import contextmanager

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, transaction
from django.db.models import F, Value
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.postgres import postgres as vendor
from modelsearch.query import And, Boost, Or, Phrase, PlainText

from ..ranking import TITLE_SCORE, site_order
from .fields import _index_class
from .query import AnalysedSearchMixin, DatabaseCompilerMixin, SlicesFetchedOnce


def _in_site_order(queryset):
    return tuple(queryset.query.order_by) == site_order("desc")


# The site search's ranking in one pass over the matches (PostgresQueryCompiler.ranked_in_one_pass):
# the matches (page, index entry, title score, date), their count, and ts_rank ({rank}: the
# entry's title and autocomplete vectors; {body_rank}: its body's) only for the matches whose
# title score reaches the slice's last place (WITHIN_REACH).
ONE_PASS = """
WITH matches AS MATERIALIZED ({matches})
SELECT pk, matches.content_type_id, search_date, {rank} AS score, (SELECT count(*) FROM matches)
FROM matches JOIN {entries} AS entry ON entry.id = matches._entry
{within_reach}
ORDER BY _title_score DESC, score DESC, {body_rank} DESC, search_date DESC NULLS LAST, pk DESC
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


class PostgresQueryCompiler(DatabaseCompilerMixin, vendor.PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        # Without the stored title_norm: it is refreshed only for new entries as the
        # average changes, so two equal pages could rank apart by when they were indexed.
        # search.ranking scores the title's length itself.
        return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]

    def entries_matching(self, terms, phrase):
        # Through the GIN index on title || body (migration site_search.0001): an entry's
        # vectors are read only to check a phrase's positions.
        operator = " <-> " if phrase else " & "
        wanted = operator.join("'" + term.replace("'", "''") + "'" for term in terms)
        table = vendor.IndexEntry._meta.db_table
        return RawSQL(f"SELECT id FROM {table} WHERE (title || body) @@ to_tsquery('simple', %s)", [wanted])

    def _body_score(self):
        # Ranked in the one pass (ONE_PASS), for the matches within reach of the slice only.
        return Value(0.0)

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
        compiler = query.get_compiler(connection=connection)
        rank_sql, rank_params = compiler.compile(self._rank(columns, config).resolve_expression(query))
        body = [(RawSQL("entry.body", (), output_field=SearchVectorField()), 1.0)]
        body_sql, body_params = compiler.compile(self._rank(body, config).resolve_expression(query))
        start = start or 0
        # Below the stop-th best title score, a match cannot enter the slice.
        within_reach, cut_off = (WITHIN_REACH, [stop - 1]) if stop else ("", [])
        entries = vendor.IndexEntry._meta.db_table
        sql = ONE_PASS.format(
            matches=matches_sql, rank=rank_sql, entries=entries, within_reach=within_reach, body_rank=body_sql
        )
        limit = stop - start if stop else None  # LIMIT NULL: all
        with connection.cursor() as cursor:
            cursor.execute(sql, (*matches_params, *rank_params, *cut_off, *body_params, limit, start))
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


class PostgresResults(SlicesFetchedOnce, vendor.PostgresSearchResults):
    """The site search's results from one query that counts them too (ranked_in_one_pass)."""

    def _fetch(self):
        compiler = self.query_compiler
        with _planned_for_the_gin_index():
            if not (isinstance(compiler, PostgresQueryCompiler) and compiler.ranks_in_one_pass()):
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


class PostgresBackend(AnalysedSearchMixin, vendor.PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    results_class = PostgresResults
    best_score_first = "desc"  # ts_rank is higher for a better match
    index_class = _index_class(vendor.PostgresSearchBackend.index_class)

    def __init__(self, params):
        # The terms are already lower-cased and stemmed: PostgreSQL must take them as they
        # are, as SQLite does, not stem them again with its English dictionary.
        super().__init__({"SEARCH_CONFIG": "simple", **params})
