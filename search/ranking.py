"""The title score, the first key of the site search's order, the same on SQLite and PostgreSQL.

Pages whose title holds the query's terms come first, scored by those terms' frequency in
the title against the title's length (BM25's shape, computed here from the indexed title
terms, so both databases agree). The backend computes it on the index entry it matched
(search.backend), under the name TITLE_SCORE, for the caller to order by.
"""

import math
from collections import Counter

from django.db.models import Case, CharField, F, FloatField, Func, Value, When
from django.db.models.functions import Concat, StrIndex
from django.db.models.lookups import GreaterThan, In

from .analysis import contains_han

TITLE_SCORE = "title_score"
# The body's own relevance (the database's: bm25 on SQLite, ts_rank on PostgreSQL), after the
# title and summary's: it orders the pages that hold the words only in their body.
BODY_SCORE = "body_score"

# Keeps an indexed field's languages apart (no tokeniser indexes it), so that a term is
# counted in the title of its own language.
LANGUAGE_SEPARATOR = "|"

# BM25's constants for the title score, and a typical title's length in terms (one language).
# PostgreSQL's site_title_score (migration site_search.0002) repeats them.
K1 = 1.2
B = 0.75
AVERAGE_TITLE_TERMS = 8.0

FUNCTION = "site_title_score"

# The query's rarest word weighs COVERAGE_WEIGHT in a page, the others less by their rarity
# (term_weights); the query's runs found as they are weigh PHRASE_WEIGHT, and a title score
# is at most one per term (a query has at most MAX_QUERY_TERMS terms).
COVERAGE_WEIGHT = 100.0
PHRASE_WEIGHT = 50.0

# The share of its coverage that counts for a page holding a list of separate entries (a
# policy list, search.kinds): a list of a hundred projects holds most words somewhere, each in
# another entry, and outranked the article about them (康复训练 in one entry, 患者 in
# another, above the rehabilitation centre holding 卒中 and 患者). The search annotates each
# page with its share as COVERAGE_SHARE.
ENTRIES_SHARE = 0.5
COVERAGE_SHARE = "coverage_share"


def site_order(best_score_first):
    """The site search's order: the title score, then the backend's own relevance over the
    title and summary, then over the body (its best score first: "asc" or "desc"), then the
    newer page, then the newer id."""
    if best_score_first == "asc":
        scores = (F("_score").asc(), F(BODY_SCORE).asc())
    else:
        scores = (F("_score").desc(), F(BODY_SCORE).desc())
    return (F(TITLE_SCORE).desc(), *scores, F("search_date").desc(nulls_last=True), F("pk").desc())


class TitleScore(Func):
    """python_title_score of the indexed title: on SQLite the function registered on each
    connection, on PostgreSQL the SQL function of migration site_search.0002."""

    function = FUNCTION
    output_field = FloatField()

    def __init__(self, title, terms):
        self.terms = list(terms)
        super().__init__(title)

    def as_sqlite(self, compiler, connection, **extra):
        title, params = compiler.compile(self.source_expressions[0])
        placeholders = "".join(", %s" for _ in self.terms)
        return f"{FUNCTION}({title}{placeholders})", (*params, *self.terms)

    def as_postgresql(self, compiler, connection, **extra):
        title, params = compiler.compile(self.source_expressions[0])
        han = [contains_han(term) for term in self.terms]
        return f"{FUNCTION}({title}, %s::text[], %s::boolean[])", (*params, self.terms, han)


def _matched(entry_lookup, condition, weight=1.0):
    """`weight` for an index entry among those the full-text condition matches, else 0."""
    return Case(
        When(In(F(entry_lookup), condition), then=Value(weight)),
        default=Value(0.0),
        output_field=FloatField(),
    )


# The rarity of a term in nearly every page: low, not nothing (rank-bm25's floor is alike).
RARITY_FLOOR = 0.1


def rarity(holding, entries):
    """BM25's idf of a term that `holding` of the index's `entries` hold."""
    return max(math.log((entries - holding + 0.5) / (holding + 0.5)), RARITY_FLOOR)


def term_weights(words, holding, entries):
    """Each term's weight in the coverage, word by word (`words`, lists of terms), from how
    many index entries hold it (`holding`, a dict): its rarity against the heaviest word's
    (the sum of its terms' rarities), so that the heaviest word weighs 1.

    A rare word outweighs common ones, as in BM25: for 干细胞临床研究 the page about 干细胞
    ranks above a list holding only the common 临床 and 研究. A long Chinese word, asked by
    its pairs of characters, weighs as much as its pairs, and a page holding some of them
    counts for those (康复 and 训练 of 康复训练)."""
    rarities = [[rarity(holding[term], entries) for term in terms] for terms in words]
    heaviest = max((sum(word) for word in rarities), default=0.0) or 1.0
    return [[value / heaviest for value in word] for word in rarities]


def coverage(words, entry_lookup, matching, weights=None, whole=None):
    """How much of the query's words (each a list of terms) the index entry holds in its
    title or body: the sum of the weights (term_weights; 1 a word if none) of the terms it
    holds. Each term is looked up in the full-text index once (`matching(terms,
    phrase=False)`: a subquery of the entries that hold it), so the entries' bodies are never
    read: testing each body's text took 50–100 ms for a common word at 10,000 articles."""
    if weights is None:
        weights = [[1.0 / len(terms)] * len(terms) for terms in words]
    whole = whole or [False for _ in words]
    found = Value(0.0)
    for terms, term_weight, all_terms in zip(words, weights, whole, strict=True):
        if all_terms:
            found = found + _matched(entry_lookup, matching(terms, phrase=False), sum(term_weight))
            continue
        for term, weight in zip(terms, term_weight, strict=True):
            found = found + _matched(entry_lookup, matching([term], phrase=False), weight)
    return found


def title_coverage(words, weights, title):
    """The weights (term_weights) of the query's terms that the indexed title holds: a word in
    the title counts once more in the coverage, as BM25 over the title and the body counts it
    twice. The cord-blood bank with 干细胞 in its title ranks above the forum holding 干细胞 and
    the common 临床 in its body. A test for each term in the title's text, no lookup."""
    if weights is None:
        weights = [[1.0 / len(terms)] * len(terms) for terms in words]
    padded = Concat(Value(" "), title, Value(" "), output_field=CharField())
    found = Value(0.0)
    for terms, term_weight in zip(words, weights, strict=True):
        for term, weight in zip(terms, term_weight, strict=True):
            found = found + Case(
                When(GreaterThan(StrIndex(padded, Value(f" {term} ")), 0), then=Value(weight)),
                default=Value(0.0),
                output_field=FloatField(),
            )
    return found


def phrases_found(phrases, entry_lookup, matching):
    """The share of the query's phrases (search.analysis.query_phrases) that the entry holds
    as they are, its terms consecutive: from 0 to 1."""
    if not phrases:
        return Value(0.0)
    found = Value(0.0)
    for terms in phrases:
        found = found + _matched(entry_lookup, matching(terms, phrase=True))
    return found / Value(float(len(phrases)))


def title_score(
    terms,
    title_lookup,
    words=(),
    phrases=(),
    entry_lookup=None,
    matching=None,
    weights=None,
    share=None,
    whole=None,
):
    """The first key of the site search's order. With several words, the pages holding more
    of them come first (coverage, up to COVERAGE_WEIGHT a word, the rarer word the more, a
    share of it for a list of entries: `share`); then those holding the query's runs as they
    are (PHRASE_WEIGHT for all of them); then, and for one term alone, the title score.

    The title score is Σ over the terms of tf / (tf + K1·(1 − B + B·length/average)), counted in the indexed
    title (`title_lookup`) of the term's own language: Chinese terms in the Chinese title,
    others in the English.

    Most matches have none of the terms in their title: a plain substring test spares them
    the function call, which is most of the search's time when thousands of pages match.
    """
    if not terms:
        return Value(0.0)
    title = F(title_lookup)
    found = Value(0)
    for term in terms:
        found = found + StrIndex(title, Value(term))
    # A lookup, not a Q: a Q with OR would turn the entry's join into an outer join, and
    # SQLite would then run the full-text match once per page again.
    score = Case(
        When(GreaterThan(found, 0), then=TitleScore(title, terms)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    if matching is None:
        return score
    if len(words) > 1:
        found = coverage(words, entry_lookup, matching, weights, whole)
        found = found + title_coverage(words, weights, title)
        if share is not None:
            found = found * share
        score = found * Value(COVERAGE_WEIGHT) + score
    if phrases:
        score = phrases_found(phrases, entry_lookup, matching) * Value(PHRASE_WEIGHT) + score
    return score


def python_title_score(title, *terms):
    """The title score, as PostgreSQL's site_title_score works it out, so that both give the
    same floating-point score: the segment's length in spaces, each term's count among the
    segment's words, the sum in the terms' order. Each segment is split once, not searched
    once per term: the function runs for every match whose title holds a term, thousands for
    a question of common words."""
    padded = (title or "") + f" {LANGUAGE_SEPARATOR} "
    position = padded.index(LANGUAGE_SEPARATOR)
    segments = {True: padded[:position], False: padded[position + 1 :]}
    counted = {}
    score = 0.0
    for term in terms:
        han = contains_han(term)
        if han not in counted:
            segment = segments[han]
            length = float(segment.count(" "))
            counted[han] = (Counter(segment.split(" ")), K1 * ((1 - B) + B * length / AVERAGE_TITLE_TERMS))
        words, norm = counted[han]
        tf = float(words[term])
        score = score + tf / (tf + norm)
    return score


def register_sqlite_function(sender, connection, **kwargs):
    """connection_created: python_title_score as FUNCTION on each SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FUNCTION, -1, python_title_score, deterministic=True)
