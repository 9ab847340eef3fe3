"""The backend on SQLite FTS5: matches and ranks in one full-text pass (JoinedSearchMixin), the
site search's page of results in one query (search.backend.query.ONE_PASS).

Imported by search.backend.SearchBackend on SQLite only: on PostgreSQL, modelsearch's SQLite
module fails as it loads (it looks up its full-text model, which exists only on SQLite).
"""

from django.apps import apps
from django.db.models import F, FloatField, IntegerField
from django.db.models.expressions import Func, RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite as vendor
from modelsearch.backends.database.sqlite.query import AndNot, MatchExpression, SQLiteFTSIndexEntry, normalize
from modelsearch.query import MatchAll, Not

from .fields import _index_class
from .query import AnalysedSearchMixin, DatabaseCompilerMixin, SlicesFetchedOnce

# A title term counts this many times an autocomplete term (SQLite's bm25 column weights;
# PostgreSQL weighs the title 'A' and the autocomplete fields 'D').
TITLE_WEIGHT = 10.0


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

    TITLE_COLUMN = "title"
    ENTRY = "searched__entry"
    BEST_SCORE_FIRST = "asc"  # bm25() is lower for a better match
    NO_LIMIT = -1
    # bm25() scores a row only where the full-text table is matched: in the first pass.
    ONE_PASS_COLUMNS = ("_score", "_body_score")

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not, AndNot)):
            return super().search(config, start, stop, score_field=score_field)
        queryset = self._with_title_score(self._matched(query, config))
        if self.order_by_relevance and score_field is None:
            score_field = "_score"
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: self._build_rank_expression(None, config)})
        if self.order_by_relevance:
            queryset = queryset.order_by(score_field, "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]

    def _matched(self, query, config):
        return self.queryset.filter(
            self._match(query, config),
            index_entries__sqliteftsindexentry__isnull=False,
            pk=Cast("index_entries__object_id", IntegerField()),
        )

    def _match(self, query, config):
        """The full-text table's match of the (normalised) query, as a filter."""
        columns = self.fields or self.FTS_TABLE_FIELDS
        return MatchExpression(columns, self.build_search_query(query, config=config))

    def ranks_in_one_pass(self):
        return not isinstance(normalize(self.query), (MatchAll, Not, AndNot)) and super().ranks_in_one_pass()

    def _matches(self, config):
        # The full-text table joined to the search's own row of each page (search.searched) by
        # its entry's id, looked up in the rows' index on `entry`, and the page by its id: the
        # match runs once, and bm25() scores each row as it comes. Joined through the page's
        # index entry, by its object id (text against the page's id), the same first pass took
        # 14 against 8 ms for a word on 7,500 pages.
        table = SQLiteFTSIndexEntry._meta.db_table
        searched = apps.get_model("site_search", "SearchedPage")._meta.db_table
        matches = (
            self.queryset.annotate(_entry=F(self.ENTRY))
            .extra(tables=[table], where=[f'"{table}"."rowid" = "{searched}"."entry"'])
            .filter(self._match(normalize(self.query), config))
            .annotate(
                _score=self._build_rank_expression(None, config),
                _body_score=self._body_score(),
            )
        )
        return matches.order_by(), ("", ())

    def _scores(self, query, config):
        return ("_score", ()), ("_body_score", ())

    def entries_matching(self, terms, phrase, in_title=False):
        # The terms are words of letters and digits (search.analysis): quoted, nothing in
        # them is FTS5 syntax.
        quoted = [f'"{term}"' for term in terms]
        wanted = f'"{" ".join(terms)}"' if phrase else " AND ".join(quoted)
        columns = "title" if in_title else "title body"
        table = SQLiteFTSIndexEntry._meta.db_table
        return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [f"{{{columns}}} : ({wanted})"])

    def _body_score(self):
        return WeightedBM25((0.0, 1.0, 0.0))


class SQLiteQueryCompiler(JoinedSearchMixin, vendor.SQLiteSearchQueryCompiler):
    # The autocomplete column holds the title and the summary again: matched too, or
    # bm25() would count none of its terms. It finds nothing the other two would not.
    FTS_TABLE_FIELDS = ["title", "body", "autocomplete"]

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25((1.0, 0.0, TITLE_WEIGHT))


class SQLiteAutocompleteQueryCompiler(JoinedSearchMixin, vendor.SQLiteAutocompleteQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        return WeightedBM25((1.0, 0.0, 0.0))


class SQLiteResults(SlicesFetchedOnce, vendor.SQLiteSearchResults):
    pass


def _merged(index):
    """The full-text table's segments merged into one b-tree (FTS5's 'optimize'). A full
    reindex writes the table as many segments, and a term's lookup reads each of them: at
    10,000 articles a question's twenty lookups took a tenth longer (外资企业怎样在产业园投资医疗器械 122
    against 107 ms). Publishing afterwards adds small segments, which FTS5 merges as it goes."""
    table = SQLiteFTSIndexEntry._meta.db_table
    with index.write_connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")


class MergedAtTheEnd:
    """A full reindex (update_index) that ends with the full-text table merged (_merged), once
    the vendor's rebuilder has finished writing (its titles' norms rewrite the rows)."""

    def finish(self):
        super().finish()
        _merged(self.index)


class SQLiteRebuilder(MergedAtTheEnd, vendor.SQLiteSearchRebuilder):
    pass


class SQLiteAtomicRebuilder(MergedAtTheEnd, vendor.SQLiteSearchAtomicRebuilder):
    pass


class SQLiteBackend(AnalysedSearchMixin, vendor.SQLiteSearchBackend):
    rebuilder_class = SQLiteRebuilder
    atomic_rebuilder_class = SQLiteAtomicRebuilder
    results_class = SQLiteResults
    best_score_first = JoinedSearchMixin.BEST_SCORE_FIRST
    index_class = _index_class(vendor.SQLiteSearchBackend.index_class)
    query_compiler_class = SQLiteQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
