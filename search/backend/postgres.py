"""The backend on PostgreSQL full-text search: it finds the matches through the GIN index,
and the site search's page of results, their count and ranking, in one query
(search.backend.query.ONE_PASS).

Imported by search.backend.SearchBackend on PostgreSQL only (it needs psycopg and
django.contrib.postgres).
"""

from contextlib import contextmanager

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, transaction
from django.db.models import BooleanField, F, Value
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.postgres import postgres as vendor

from .fields import _index_class
from .query import AnalysedSearchMixin, DatabaseCompilerMixin, SlicesFetchedOnce

# The entries holding the query's terms, from the GIN index on title || body (migration
# site_search.0001) and nothing else: a common table expression the planner cannot fold
# into the join. Left to join the entries to the pages itself, it matched each entry of the
# page types (the title and a few kilobytes of TOASTed body concatenated and tested, 200 ms
# for a word on 8,000 of 10,000 pages), where the GIN index finds them in 6 ms.
FOUND = "found AS MATERIALIZED (SELECT id FROM {entries} WHERE (title || body) @@ {tsquery}),"


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
    afterwards, and undone with it if a query fails. Outside a transaction (a reader's request)
    they end with the one begun here: nothing to read before or put back, two round trips
    fewer.
    """
    names = list(PLANNER_SETTINGS)
    inside = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        if inside:
            cursor.execute("SELECT " + ", ".join("current_setting(%s)" for _ in names), names)
            before = dict(zip(names, cursor.fetchone(), strict=True))
        _set_locally(cursor, PLANNER_SETTINGS)
        yield
        if inside:
            _set_locally(cursor, before)


def _set_locally(cursor, settings):
    calls = ", ".join("set_config(%s, %s, true)" for _ in settings)
    cursor.execute(f"SELECT {calls}", [value for pair in settings.items() for value in pair])


class PostgresQueryCompiler(DatabaseCompilerMixin, vendor.PostgresSearchQueryCompiler):
    TITLE_COLUMN = "title_text"
    # The site search's matches find their index entry through the search's row of each page
    # (search.searched): joined by the page's id, where the vendor's relation compares each
    # entry's object id with the page's id written as text (a hash join over every page).
    ENTRY = "searched__entry"
    # Joined, not tested with IN: PostgreSQL knows nothing of the found entries' ids, took them
    # for 200 of them (its default), and looked up the searched row of each by its index once
    # the list had been made unique (8,000 lookups, 25 ms for a word on 8,000 pages). Joined, it
    # hashes the searched rows and reads the found list once (12 ms). An entry is found once.
    MATCHES_JOIN = "JOIN found ON found.id = m._entry"
    BEST_SCORE_FIRST = "desc"  # ts_rank is higher for a better match
    NO_LIMIT = None  # LIMIT NULL: all
    PHRASES_WITHIN_REACH = True
    LOOKUPS_AT_ONCE = True
    LEADERS_KEYED = True

    def get_index_vectors(self, search_query):
        # Without the stored title_norm: it is refreshed only for new entries as the
        # average changes, so two equal pages could rank apart by when they were indexed.
        # search.ranking scores the title's length itself.
        return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]

    def entries_matching(self, terms, phrase, in_title=False):
        # Through the GIN index on title || body (migration site_search.0001), or the
        # vendor's on the title (and on the body): an entry's vectors are read only to check
        # a phrase's positions. A phrase is found within the title or within the body, as
        # FTS5 finds it within a column: in title || body it also ran from the title's last
        # word into the body's first, and concatenating the vectors of every entry holding
        # the phrase's words took three times as long as checking each (90 ms against 30
        # for "heavy ion" on 5,900 pages).
        operator = " <-> " if phrase else " & "
        wanted = operator.join("'" + term.replace("'", "''") + "'" for term in terms)
        table = vendor.IndexEntry._meta.db_table
        if in_title:
            vectors = ["title"]
        elif phrase:
            vectors = ["title", "body"]
        else:
            vectors = ["(title || body)"]
        held = " OR ".join(f"{vector} @@ to_tsquery('simple', %s)" for vector in vectors)
        return RawSQL(f"SELECT id FROM {table} WHERE {held}", [wanted] * len(vectors))

    def phrase_held(self, terms):
        # The match's entry read once more (search.backend.query.PHRASED), for the matches
        # within reach only: checking a phrase reads the title's and the body's vectors (a few
        # kilobytes, TOASTed), 45 ms for "proton therapy" against its 4,000 candidates.
        wanted = " <-> ".join("'" + term.replace("'", "''") + "'" for term in terms)
        held = "(phrased.title @@ to_tsquery('simple', %s) OR phrased.body @@ to_tsquery('simple', %s))"
        return RawSQL(held, [wanted, wanted], output_field=BooleanField())

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
        queryset = self._with_title_score(queryset)
        return super()._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    def _matches(self, config):
        matches = self.queryset.annotate(_entry=F(self.ENTRY))
        query = matches.query
        tsquery = query.get_compiler(connection=connection).compile(
            self.build_tsquery(self.query, config=config).resolve_expression(query)
        )
        found = FOUND.format(entries=vendor.IndexEntry._meta.db_table, tsquery=tsquery[0])
        return matches.order_by(), (found, tsquery[1])

    def _scores(self, query, config):
        compiler = query.get_compiler(connection=connection)

        def rank(*names):
            vectors = [(RawSQL(f"entry.{name}", (), output_field=SearchVectorField()), 1.0) for name in names]
            return compiler.compile(self._rank(vectors, config).resolve_expression(query))

        return rank("title", "autocomplete"), rank("body")


class PostgresResults(SlicesFetchedOnce, vendor.PostgresSearchResults):
    """Search results read with the planner's settings for the GIN index."""

    def _fetch(self):
        with _planned_for_the_gin_index():
            return super()._fetch()

    def _do_count(self):
        if getattr(self.query_compiler, "counted", None) is not None:
            # Counted with the page of results (SlicesFetchedOnce): no query, so no settings.
            return self.query_compiler.counted
        with _planned_for_the_gin_index():
            return super()._do_count()


class PostgresBackend(AnalysedSearchMixin, vendor.PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    results_class = PostgresResults
    best_score_first = PostgresQueryCompiler.BEST_SCORE_FIRST
    index_class = _index_class(vendor.PostgresSearchBackend.index_class)

    def __init__(self, params):
        # The terms are already lower-cased and stemmed: PostgreSQL must take them as they
        # are, as SQLite does, not stem them again with its English dictionary.
        super().__init__({"SEARCH_CONFIG": "simple", **params})
