"""What is asked of the index, the same on both databases (the site search itself is search.query).

- Query: the reader's words become the terms of search.analysis, joined by AND (the site
  search: any of its words, Ranked).
- Ranking: the first key of search.ranking (coverage, phrases, title score), then the
  database's relevance over the title and the autocomplete fields (the title and the page's
  summary), a title term weighing ten times a summary term, then over the body; the site
  search counts and ranks a page of results in one query (ONE_PASS).
"""

import re
import time

from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, FloatField, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Least
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from ..analysis import query_terms
from ..ranking import (
    BODY_SCORE,
    COVERAGE_SHARE,
    TITLE_SCORE,
    Held,
    Number,
    coverage,
    first_key,
    lower_bound,
    phrases_found,
    site_order,
    term_weights,
    terms_in_title,
    title_bound,
    title_coverage,
    title_score,
)


class Ranked(Or):
    """The site search's query (search.query): any of its words, each an AND of its terms,
    ranked by how many of them a page holds and by the runs of the query (`phrases`, lists of
    index terms in order) it holds as they are."""

    def __init__(self, subqueries, phrases=(), whole=()):
        super().__init__(subqueries)
        self.phrases = [list(phrase) for phrase in phrases]
        # The words that count in the coverage only if found whole, the editors' synonyms of
        # the reader's words (search.query): their terms, the terms a page holds where it
        # holds them as written (search.analysis.as_written), and the reader's terms each
        # stands for (search.synonyms.standing_for). The reader's own words count by the terms
        # found.
        self.whole = [(list(terms), list(written), list(stands_for)) for terms, written, stands_for in whole]


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


def _one_run(words, query):
    """Whether the site search's query is one run: a single phrase holding every term of the
    reader's words (not of the editors' synonyms added to them), 互联网医院 or "internet hospital"."""
    synonyms = [terms for terms, _written, _stands_for in query.whole]
    own = {term for terms in words if terms not in synonyms for term in terms}
    return len(query.phrases) == 1 and own <= set(query.phrases[0])


# The site search's page of results in one query, in two passes over its matches.
# The first, over every match (`matches`, read once and counted), computes the parts of the
# first key that the full-text index answers, a lookup a term (the coverage, the title's words,
# the phrases). The second ranks only the matches within reach of the slice (WITHIN_REACH):
# only they have their title read and scored (the title score), completing their first
# key (ranking.first_key). The relevance over the title and summary is then computed only for
# those whose key reaches the slice's last place (ON_THE_PAGE), the body's only for those
# whose key and relevance reach it (TIED): exact cut-offs on the order's keys, which matter on
# PostgreSQL, where ts_rank reads each vector.
#
# Why no page of the slice is lost: every match's first key lies between its lower bound
# (ranking.lower_bound: the key without the title score, which is never negative) and that
# bound plus the title score's bound (ranking.title_bound, which the title score stays
# below). The stop-th best lower bound is at most the stop-th best key: stop matches have a
# key at least that high. A match whose lower bound plus title bound stays below it has a
# lower key than each of them, ranks after at least stop matches, and cannot be in the
# slice. The matches within reach are a superset of the slice's, and the same order over them
# puts the same matches in the same places.
ONE_PASS = """
WITH {found}matches AS MATERIALIZED ({matches}),
{reach},
scored AS MATERIALIZED (
    SELECT reach.*, {score} AS score
    FROM reach JOIN {entries} AS entry ON entry.id = reach._entry
    {on_the_page}
)
SELECT pk, scored.content_type_id, search_date, score, (SELECT count(*) FROM matches)
FROM scored JOIN {entries} AS entry ON entry.id = scored._entry
{tied}
ORDER BY _key DESC, score {best_first}, {body_score} {best_first}, search_date DESC NULLS LAST, pk DESC
LIMIT {limit} OFFSET {offset}
"""
REACH = """reach AS MATERIALIZED (
    SELECT matches.*, {first_key} AS _key
    FROM matches LEFT JOIN {entries} AS entry ON entry.id = {titled}{phrased}
    {within_reach}
)"""
# Where the phrases are checked in the second pass (PHRASES_WITHIN_REACH), the matches within
# reach have their title score worked out first (`titled`), and their phrases checked only if
# their key can still reach the slice with that score and the phrases they may hold (their
# bound, _phrases): at least the stop-th best of the keys with that score and no phrase
# ({titled_surely}: stop matches have a key at least that high), and of the leaders' keys. A
# phrase's check reads the title's and body's vectors; the title score only the title. For
# 精准医学 at 10,000 articles, 3,200 matches within reach had their phrase checked (35–50 ms),
# most of them only to rank below the leaders by their title. Only for a query of one word,
# whose first key is its phrase and its title score: with several, the coverage decides, the
# title score prunes nothing, and the second step cost a question 2–5 ms. The leaders' keys
# (LEADERS_KEYED) are worked out once for both cut-offs ({leaders}).
REACH_PHRASES_LAST = """{leaders}titled AS MATERIALIZED (
    SELECT matches.*, {title_score} AS _title_score
    FROM matches LEFT JOIN {entries} AS entry ON entry.id = {titled}
    {within_reach}
),
reach AS MATERIALIZED (
    SELECT matches.*, {titled_key} AS _key
    FROM titled AS matches{phrased}
    WHERE {titled_bound} >= GREATEST(
        COALESCE((SELECT {titled_surely} FROM titled ORDER BY 1 DESC LIMIT 1 OFFSET {last_place}), 0),
        {leaders_keys}
    ) - {margin}
)"""
# Only a match whose title holds a query term (the full-text index's title: its title
# coverage) has its title read for the title score: for the others the title is NULL, which the
# title score takes for a title holding no term (0.0, so the key is its lower bound, to the
# bit). A word on 8,000 pages is in a few hundred titles, and reading every match's title
# took a third of a one-word search's second pass on PostgreSQL.
TITLED = "CASE WHEN matches._title_coverage > 0 THEN matches._entry END"
WITHIN_REACH = """WHERE {lower} + {title_bound} >= COALESCE(
        (SELECT {surely} FROM matches ORDER BY 1 DESC LIMIT 1 OFFSET {last_place}), 0
    ) - {margin}"""
# Where the phrases are checked in the second pass (PHRASES_WITHIN_REACH), a match is within
# reach if its lower bound with every phrase it may hold (those whose terms it holds: {lower})
# reaches the stop-th best lower bound; and that is at least the stop-th best of the lower
# bounds with no phrase ({surely}) and of the leaders' lower bounds with their phrases checked
# ({exact}, over the stop best by {lower}): either way, stop matches have a key at least that
# high. Each match within reach whose terms may form a phrase is read once more (PHRASED) for
# its title and body vectors.
WITHIN_REACH_PHRASES_DEFERRED = """WHERE {lower} + {title_bound} >= GREATEST(
        COALESCE((SELECT {surely} FROM matches ORDER BY 1 DESC LIMIT 1 OFFSET {last_place}), 0),
        COALESCE((
            SELECT {exact}
            FROM (SELECT * FROM matches ORDER BY {lower} DESC LIMIT {stop}) AS matches{phrased}
            ORDER BY 1 DESC LIMIT 1 OFFSET {last_place}
        ), 0),
        {leaders_keys}
    ) - {margin}"""
# On PostgreSQL (LEADERS_KEYED), also the stop-th best key of the stop matches whose bound is
# the highest, each key completed (its title score, its phrases): stop matches have a key at
# least that high, and a match whose bound stays below it cannot enter the slice. The title
# score and the phrases are then worked out for the matches that can still reach the slice
# only (for a question of common words, most of the 1,300 matches within the lower bounds'
# reach hold a query term in their title).
WITHIN_REACH_LEADERS_KEYED = """WHERE {lower} + {title_bound} >= GREATEST(
        COALESCE((SELECT {surely} FROM matches ORDER BY 1 DESC LIMIT 1 OFFSET {last_place}), 0),
        {leaders_keys}
    ) - {margin}"""
LEADERS_KEYS = """COALESCE((
            SELECT {first_key}
            FROM (SELECT * FROM matches ORDER BY {lower} + {title_bound} DESC LIMIT {stop}) AS matches
            LEFT JOIN {entries} AS entry ON entry.id = {titled}{phrased}
            ORDER BY 1 DESC LIMIT 1 OFFSET {last_place}
        ), 0)"""
PHRASED = """
    LEFT JOIN {entries} AS phrased ON phrased.id = CASE WHEN matches._phrases > 0 THEN matches._entry END"""
# Then the relevance over the title and summary only for the matches whose first key reaches
# the slice's last place, and over the body (PostgreSQL's ts_rank reads the body's vector, a
# few kilobytes) only for those whose first key and relevance reach it: for a word in few
# titles, most matches tie on their first key, and ranking every body took 70 ms.
ON_THE_PAGE = """WHERE _key >= COALESCE(
        (SELECT _key FROM reach ORDER BY _key DESC LIMIT 1 OFFSET {last_place}), 0
    )"""
TIED = """WHERE (SELECT count(*) FROM scored) <= {last_place} OR (_key, {signed_score}) >= (
    SELECT _key, {signed_score} FROM scored ORDER BY 1 DESC, 2 DESC LIMIT 1 OFFSET {last_place}
)"""
# Floating-point sums in another order may differ in their last bits: a match that could tie
# with the last place is kept. The keys are at most a few thousand; their rounding, 1e-12.
ROUNDING_MARGIN = 1e-6

# The first pass's lookups at once (LOOKUPS_AT_ONCE): each entry that a lookup finds, with a
# mask of the lookups that find it, one bit each (`held`: each lookup's entries with its bit).
# The columns are worked out once per mask (`columns`, of masks.bits), not once per match: most
# entries share their mask with many others. An entry no lookup finds has no mask, and every
# column 0.0, as each part worked out without a bit gives.
LOOKUPS = """masks AS MATERIALIZED (SELECT id, bit_or(bit) AS bits FROM ({held}) AS held GROUP BY id),
masked AS MATERIALIZED (SELECT masks.bits, {columns} FROM (SELECT DISTINCT bits FROM masks) AS masks),"""
MASK_BITS = 62

COUNT = """
WITH {found}matches AS MATERIALIZED ({matches})
SELECT count(*) FROM matches
"""


# The number of index entries holding each term (the coverage's weights, term_weights), kept in
# the cache until the index next changes: counting them took a question of nine terms 10–28 ms
# at 10,000 articles (a common term's thousands of entries counted through the full-text index),
# and the same words come back in search after search. Every write to the index moves the
# generation on (index_changed), so a count is never read after a change, on any server.
GENERATION_KEY = "site-search:index-generation"
COUNT_PREFIX = "site-search:held:"
COUNT_SECONDS = 24 * 60 * 60
ENTRIES = ""  # the key of the number of entries in all (a term is never empty)


def index_changed():
    """Called after each write to the index: the counts kept before are not read again, from
    now on in this transaction, and from its commit on for everyone else (whose counts in
    between would be of the index before the change)."""
    _next_generation()
    transaction.on_commit(_next_generation)


def _generation():
    """The index's generation, started if the cache has none: from the time in milliseconds,
    so that a generation the cache lost starts again ahead of every one counted before."""
    cache.add(GENERATION_KEY, time.time_ns() // 1_000_000, None)
    return cache.get(GENERATION_KEY)


def _next_generation():
    _generation()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted meanwhile: started again ahead
        _generation()


def held_counts(terms, count):
    """How many index entries hold each of `terms` and how many there are (ENTRIES), kept in the
    cache for the index's generation; `count(terms)` works out those not kept (all of them if
    the cache keeps nothing)."""
    generation = _generation()
    if generation is None:
        return count(terms)
    keys = {f"{COUNT_PREFIX}{connection.alias}:{generation}:{term}": term for term in [ENTRIES, *terms]}
    kept = cache.get_many(list(keys))
    counts = {keys[key]: value for key, value in kept.items()}
    missing = [term for term in terms if term not in counts]
    if missing or ENTRIES not in counts:
        counted = count(missing)
        counts.update(counted)
        cache.set_many({key: counted[term] for key, term in keys.items() if term in counted}, COUNT_SECONDS)
    return counts


def _sql(template, **pieces):
    """The template with each {name} replaced by its piece's SQL, and the pieces' parameters
    in the order they occur: a piece is SQL and its parameters, or a value passed as one."""
    params = []

    def piece(match):
        value = pieces[match.group(1)]
        if isinstance(value, tuple):
            params.extend(value[1])
            return value[0]
        params.append(value)
        return "%s"

    return re.sub(r"\{(\w+)\}", piece, template), params


def _column(name):
    return RawSQL(name, (), output_field=FloatField())


class DatabaseCompilerMixin:
    """What both databases' query compilers add to the vendor's."""

    # Set by each database's compiler: the index entry's plain-text title column, "asc" or
    # "desc" for the best relevance first, LIMIT's value for no limit, and the columns of
    # the matches that the one pass's ranking reads besides the first key's parts.
    TITLE_COLUMN = None
    # The lookup from a match to the id of its index entry.
    ENTRY = "index_entries__id"
    BEST_SCORE_FIRST = None
    NO_LIMIT = None
    ONE_PASS_COLUMNS = ()
    # A join of the matches (`m`, the page type's rows with their entry) to the entries the
    # full-text index found (`found`), if the database finds them apart (PostgreSQL's FOUND).
    MATCHES_JOIN = ""
    # Whether the one pass checks the phrases (their terms in order) only for the matches within
    # reach, each by its own vectors (phrases_held), the first pass bounding them by the phrases
    # whose terms the match holds (phrases_possible). Set by a database whose phrase check reads
    # each candidate's vectors (PostgreSQL), not by one that checks a phrase against every page
    # at once (SQLite's full-text table, whose check of one row reads the terms' whole lists).
    PHRASES_WITHIN_REACH = False
    # Whether the first pass works out its lookups at once (LOOKUPS): for each entry a mask of
    # the lookups that find it, one bit each, read by each part of the key (a test of a bit),
    # where each part tested every match against the list of the entries its lookup finds.
    LOOKUPS_AT_ONCE = False
    # Whether the cut-off also takes the stop-th best key of the matches with the highest
    # bounds (WITHIN_REACH_LEADERS_KEYED): a database whose title score is a function it runs for
    # each match within reach (PostgreSQL's site_title_score).
    LEADERS_KEYED = False

    def _get_filters_from_queryset(self, check_only=False):
        # These backends run the queryset itself as SQL, so its filters may use any column
        # (the site search filters on the page types' own); the check that every filter is a
        # search FilterField is for search engines that hold a copy of the data.
        if check_only:
            return None
        return super()._get_filters_from_queryset(check_only)

    def _ranking(self):
        """The query's terms as the ranking reads them: all of them (the title score's), its
        words (lists of terms), its phrases, which words count only whole (the editors'
        synonyms) and the words' terms' weights in the coverage."""
        ranked = isinstance(self.query, Ranked)
        words = [_terms(word) for word in self.query.subqueries] if ranked else []
        return {
            "terms": _terms(self.query),
            "words": words,
            "phrases": self.query.phrases if ranked else (),
            "whole": [self._written(terms) for terms in words] if ranked else None,
            "weights": self._term_weights(words) if len(words) > 1 else None,
            "one_run": ranked and _one_run(words, self.query),
        }

    def _written(self, terms):
        """The terms looked up for the word of `terms` and the reader's terms it stands for, if
        it counts only whole (Ranked.whole), else None."""
        return next(
            ((written, stands_for) for whole, written, stands_for in self.query.whole if whole == terms), None
        )

    def _with_title_score(self, queryset):
        """The queryset with the title score of each object's index entry, for ordering: for
        the site search (Ranked), how many of the words the entry holds (its coverage) and
        its share of the query's phrases come first; and with the body's own relevance
        (BODY_SCORE), which orders the pages that hold the words in their body only."""
        ranking = self._ranking()
        score = title_score(
            ranking["terms"],
            F(f"index_entries__{self.TITLE_COLUMN}"),
            words=ranking["words"],
            phrases=ranking["phrases"],
            entry=F("index_entries__id"),
            matching=self.entries_matching if isinstance(self.query, Ranked) else None,
            weights=ranking["weights"],
            whole=ranking["whole"],
            share=F(COVERAGE_SHARE) if COVERAGE_SHARE in queryset.query.annotations else None,
            one_run=ranking["one_run"],
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
        terms = sorted({term for terms in words for term in terms})
        holding = held_counts(terms, self._count)
        return term_weights(words, {term: holding[term] for term in terms}, holding[ENTRIES])

    def _count(self, terms):
        """How many index entries there are (under ENTRIES) and how many hold each of `terms`:
        one query for them all, as a round trip a term took as long as counting a rare term."""
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        counts, params = [f"(SELECT count(*) FROM {table})"], []
        for term in terms:
            held = self.entries_matching([term], phrase=False)
            counts.append(f"(SELECT count(*) FROM ({held.sql}) AS held)")
            params.extend(held.params)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(counts)}", params)
            entries, *holding = cursor.fetchone()
        return {ENTRIES: entries, **dict(zip(terms, holding, strict=True))}

    def entries_matching(self, terms, phrase, in_title=False):
        """A subquery of the ids of the index entries whose title or body (or title alone, if
        `in_title`) holds the terms (consecutive if `phrase`), through the database's
        full-text index."""
        raise NotImplementedError

    def _body_score(self):
        raise NotImplementedError

    # The site search in one query (ONE_PASS).

    def ranks_in_one_pass(self):
        """Whether this is the site search (search.query), which ranked_in_one_pass serves."""
        searches_words = isinstance(self.query, (PlainText, Phrase, And, Or, Boost))
        return searches_words and tuple(self.queryset.query.order_by) == site_order(self.BEST_SCORE_FIRST)

    def _matches(self, config):
        """The matching objects, each with its index entry's id as `_entry`, and the SQL and
        parameters of the common table expressions they read (each ending in a comma)."""
        raise NotImplementedError

    def _scores(self, query, config):
        """The SQL and parameters of the relevance over the title and summary, and over the
        body, of a match within reach (`entry` its index entry, `matches` its row)."""
        raise NotImplementedError

    def _first_pass_parts(self, matching, deferred=False, title_terms=False):
        """The expressions of the first pass's columns (see _with_first_pass), each lookup by
        `matching`; with `title_terms`, also the number of the query's terms (as many times as
        the query holds each) that the entry's title holds."""
        ranking = self._ranking()
        words, phrases, weights = ranking["words"], ranking["phrases"], ranking["weights"]
        entry = F(self.ENTRY)
        several = len(words) > 1
        title_words = words or [ranking["terms"]]

        def phrase_bound(terms, phrase, in_title=False):
            # The entries holding a phrase's terms anywhere in their title or body: every entry
            # holding the phrase in its title or in its body, found by the full-text index
            # without reading a vector.
            return matching(terms, phrase=False, in_title=in_title)

        columns = {
            "_coverage": coverage(words, entry, matching, weights, ranking["whole"])
            if several
            else Number(0.0),
            "_title_coverage": title_coverage(title_words, entry, matching, weights),
            "_phrases": phrases_found(phrases, entry, phrase_bound if deferred else matching),
        }
        if title_terms:
            ones = [[1.0] * len(terms) for terms in title_words]
            columns["_title_terms"] = title_coverage(title_words, entry, matching, ones)
        return columns

    def _with_first_pass(self, matches, column, deferred=False):
        """The matches with the parts of their first key that the full-text index answers
        (the coverage, the title's words in it, the phrases; ONE_PASS's first pass), as
        columns, and those parts and the title score's bound (ranking.title_bound) as
        expressions of the columns (`column(name)`). If `deferred`, the phrases' column is
        their bound (the share of the phrases whose terms the entry holds, _phrase_bound), and
        the second pass checks them (PHRASES_WITHIN_REACH)."""
        matches = self._with_share(matches).annotate(
            **self._first_pass_parts(self.entries_matching, deferred)
        )
        return (matches, *self._parts(column))

    def _with_share(self, matches):
        shared = COVERAGE_SHARE in matches.query.annotations
        return matches.annotate(_share=F(COVERAGE_SHARE) if shared else Number(1.0))

    def _parts(self, column, title_terms=False):
        """The first key's parts and the title score's bound as expressions of the first pass's
        columns (`column(name)`). With `title_terms`, the bound is at most the number of the
        query's terms the title holds (`_title_terms`): the title score adds less than 1 for
        each and nothing for the others."""
        ranking = self._ranking()
        words, phrases, weights = ranking["words"], ranking["phrases"], ranking["weights"]
        shared = COVERAGE_SHARE in self.queryset.query.annotations
        several = len(words) > 1
        # With one word, the title's words are not in the first key, but bound the title score.
        title_words = words or [ranking["terms"]]
        parts = {
            "found": column("_coverage") if several else None,
            "found_in_title": column("_title_coverage") if several else None,
            "found_phrases": column("_phrases") if phrases else None,
            "share": column("_share") if shared else None,
            "one_run": ranking["one_run"],
        }
        bound = title_bound(title_words, weights, column("_title_coverage"))
        if title_terms:
            bound = Least(bound, column("_title_terms"), output_field=FloatField())
        return parts, bound

    def _lookups_at_once(self, matches, deferred):
        """The first pass's SQL with its lookups worked out at once (LOOKUPS_AT_ONCE): the
        common table expression of each entry's mask, and the matches with the first pass's
        columns read from it; None if the lookups are more than a mask holds."""
        bits = {}

        def matching(terms, phrase, in_title=False):
            bit = bits.setdefault((tuple(terms), phrase, in_title), len(bits))
            return Held("(masks.bits & %s) <> 0", [1 << bit])

        columns = self._first_pass_parts(matching, deferred, title_terms=True)
        if not bits or len(bits) > MASK_BITS:
            return None
        base = self._with_share(matches).values_list(
            "pk", "content_type_id", "search_date", "_entry", "_share"
        )
        query = base.query
        compiler = query.get_compiler(connection=connection)
        selected, params = [], []
        for name, expression in columns.items():
            sql, expression_params = compiler.compile(expression.resolve_expression(query))
            selected.append(f"{sql} AS {name}")
            params.extend(expression_params)
        read = ", ".join(f"COALESCE(masked.{name}, (0.0)::double precision) AS {name}" for name in columns)
        base_sql, base_params = self._joined(query.sql_with_params())
        held, held_params = [], []
        for (terms, phrase, in_title), bit in bits.items():
            lookup = self.entries_matching(list(terms), phrase, in_title=in_title)
            held.append(f"SELECT id, {1 << bit}::bigint AS bit FROM ({lookup.sql}) AS held")
            held_params.extend(lookup.params)
        masks = LOOKUPS.format(held=" UNION ALL ".join(held), columns=", ".join(selected))
        sql = (
            f"SELECT m.*, {read} FROM ({base_sql}) AS m"
            " LEFT JOIN masks ON masks.id = m._entry LEFT JOIN masked ON masked.bits = masks.bits"
        )
        return (masks, (*held_params, *params)), (sql, base_params)

    def _joined(self, matches_sql):
        """The SQL and parameters of the matches joined to the entries found (MATCHES_JOIN)."""
        if not self.MATCHES_JOIN:
            return matches_sql
        sql, params = matches_sql
        return f"SELECT m.* FROM ({sql}) AS m {self.MATCHES_JOIN}", params

    def phrase_held(self, terms):
        """A condition on the match's entry read once more as `phrased` (PHRASED): its title
        or its body holds `terms` in order."""
        raise NotImplementedError

    def count_in_one_pass(self, config):
        """The number of matches, read as the one pass reads them."""
        matches, found = self._matches(config)
        matches_sql = self._joined(matches.values_list("pk", "_entry").query.sql_with_params())
        sql, params = _sql(COUNT, found=found, matches=matches_sql)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def ranked_in_one_pass(self, config, start, stop, score_field):
        """The objects of the slice (with their relevance as `score_field`) and the number of
        all matches, from one query (ONE_PASS).

        Counting, ranking and the slice's cut-off each read every match again as separate
        queries (three joins of thousands of pages to their index entries); here the matches
        are read once, and only those within reach of the slice are ranked in full.
        """
        matches, found = self._matches(config)
        phrases = self._ranking()["phrases"]
        # With one word too: its phrase (a long Chinese word's pairs in order) is then most of
        # the first key, and the leaders' completed keys (LEADERS_KEYED) leave within reach only
        # the matches whose title may lift them to the page.
        deferred = bool(phrases) and self.PHRASES_WITHIN_REACH
        # With one word, the first pass makes a few lookups (the word's terms in the title, its
        # phrase), each tested faster than the masks are put together.
        several = len(self._ranking()["words"]) > 1
        at_once = self._lookups_at_once(matches, deferred) if self.LOOKUPS_AT_ONCE and several else None
        if at_once is None:
            matches, parts, bound = self._with_first_pass(matches, _column, deferred=deferred)
            columns = ("_coverage", "_title_coverage", "_phrases", "_share", *self.ONE_PASS_COLUMNS)
            matches = matches.values_list("pk", "content_type_id", "search_date", "_entry", *columns)
            matches_sql = self._joined(matches.query.sql_with_params())
        else:
            parts, bound = self._parts(_column, title_terms=True)
            masks, matches_sql = at_once
            found = (found[0] + masks[0], (*found[1], *masks[1]))
        query = matches.query
        compiler = query.get_compiler(connection=connection)

        def compiled(expression):
            return compiler.compile(expression.resolve_expression(query))

        title = RawSQL(f"entry.{self.TITLE_COLUMN}", (), output_field=TextField())
        # The first key's parts as the second pass reads them; with the phrases deferred, the
        # first pass's column bounds them from above, and none found bounds them from below.
        surely = parts
        if deferred:
            surely = {**parts, "found_phrases": Number(0.0)}
            parts_within_reach = {
                **parts,
                "found_phrases": phrases_found(phrases, None, held=self.phrase_held),
            }
        else:
            parts_within_reach = parts
        terms = self._ranking()["terms"]
        key = first_key(terms, title, **parts_within_reach)
        score, body_score = self._scores(query, config)
        cut_offs = {"reach": REACH, "within_reach": "", "on_the_page": "", "tied": ""}
        pieces = {}
        if stop:
            # Below the stop-th best lower bound, a match cannot enter the slice.
            within_reach = WITHIN_REACH_PHRASES_DEFERRED if deferred else WITHIN_REACH
            if self.LEADERS_KEYED and not deferred:
                within_reach = WITHIN_REACH_LEADERS_KEYED
            phrases_last = deferred and not several
            cut_offs = {
                "reach": REACH_PHRASES_LAST if phrases_last else REACH,
                "within_reach": within_reach,
                "on_the_page": ON_THE_PAGE,
                "tied": TIED,
            }
            pieces = {
                "signed_score": ("score" if self.BEST_SCORE_FIRST == "desc" else "-score", ()),
                "lower": compiled(lower_bound(**parts)),
                "surely": compiled(lower_bound(**surely)),
                "exact": compiled(lower_bound(**parts_within_reach)),
                "stop": stop,
                "title_bound": compiled(bound),
                "last_place": stop - 1,
                "margin": ROUNDING_MARGIN,
            }
            if phrases_last:
                # The key again from the title score worked out in `titled` (REACH_PHRASES_LAST).
                scored_title = _column("_title_score")
                pieces |= {
                    "title_score": compiled(terms_in_title(terms, title)),
                    "titled_key": compiled(
                        first_key(terms, None, title_score=scored_title, **parts_within_reach)
                    ),
                    "titled_bound": compiled(first_key(terms, None, title_score=scored_title, **parts)),
                    "titled_surely": compiled(first_key(terms, None, title_score=scored_title, **surely)),
                }
        entries_table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        template = ONE_PASS
        for name, cut_off in cut_offs.items():
            template = template.replace("{" + name + "}", cut_off)
        if self.LEADERS_KEYED and "{leaders}" in template:
            template = template.replace(
                "{leaders}", f"leaders AS MATERIALIZED (SELECT {LEADERS_KEYS} AS key),\n"
            )
            template = template.replace("{leaders_keys}", "(SELECT key FROM leaders)")
        elif self.LEADERS_KEYED:
            template = template.replace("{leaders_keys}", LEADERS_KEYS)
        else:
            template = template.replace("{leaders}", "").replace(",\n        {leaders_keys}", "")
        sql, params = _sql(
            template,
            found=found,
            matches=matches_sql,
            score=score,
            entries=(entries_table, ()),
            first_key=compiled(key),
            titled=(TITLED, ()),
            phrased=(PHRASED.replace("{entries}", entries_table) if deferred else "", ()),
            best_first=(self.BEST_SCORE_FIRST.upper(), ()),
            body_score=body_score,
            limit=self.NO_LIMIT if stop is None else stop - (start or 0),
            offset=start or 0,
            **pieces,
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        model = self.queryset.model
        date = query.annotations["search_date"]
        converters = [*connection.ops.get_db_converters(date), *date.get_db_converters(connection)]
        objects = []
        for pk, content_type_id, search_date, relevance, _total in rows:
            fields = [model._meta.pk.attname, "content_type_id"]
            obj = model.from_db(connection.alias, fields, (pk, content_type_id))
            for converter in converters:
                search_date = converter(search_date, date, connection)
            obj.search_date = search_date
            if score_field:
                setattr(obj, score_field, relevance)
            objects.append(obj)
        return objects, (rows[0][-1] if rows else None)


class SlicesFetchedOnce:
    """Search results whose slices are fetched once per search, the site search's in one
    query that counts them too (DatabaseCompilerMixin.ranked_in_one_pass).

    Every copy of a search (a slice, a count) shares its query compiler, which keeps each
    slice fetched and the count: a paginator that fetches its page first
    (search.views.page_of_results), then counts and slices again, reads the page's results
    once and counts nothing more.
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

    def _in_one_pass(self):
        # PostgreSQL's autocomplete is the vendor's own compiler.
        compiler = self.query_compiler
        return isinstance(compiler, DatabaseCompilerMixin) and compiler.ranks_in_one_pass()

    def _fetch(self):
        if not self._in_one_pass():
            return super()._do_search()
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        objects, total = compiler.ranked_in_one_pass(config, self.start, self.stop, self._score_field)
        if total is not None:
            compiler.counted = total
        return objects

    def _do_count(self):
        compiler = self.query_compiler
        if getattr(compiler, "counted", None) is None:
            if not self._in_one_pass():
                return super()._do_count()
            compiler.counted = compiler.count_in_one_pass(compiler.get_config(self.backend))
        return compiler.counted
