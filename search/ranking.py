"""The title score, the first key of the site search's order, the same on SQLite and PostgreSQL.

Pages whose title holds the query's terms come first, scored by those terms' frequency in
the title against the title's length (BM25's shape, computed here from the indexed title
terms, so both databases agree). The backend computes it on the index entry it matched
(search.backend), under the name TITLE_SCORE, for the caller to order by.
"""

import functools
import math

from django.db.models import BooleanField, Case, F, FloatField, Func, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest, Least, StrIndex
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


class Number(Value):
    """A number of the ranking's arithmetic, in double precision on PostgreSQL too: written as a
    constant, PostgreSQL reads 0.5 as numeric, and the coverage was summed in exact decimals,
    then rounded to double precision wherever it met the title score, differently in the one
    pass's two passes (search.backend.query.ONE_PASS)."""

    def __init__(self, value):
        super().__init__(float(value), output_field=FloatField())

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = self.as_sql(compiler, connection, **extra)
        return f"({sql})::double precision", params


class Held(RawSQL):
    """A lookup's answer for the entry as a condition (not a subquery of the entries that hold
    it): a search backend may work out every lookup of a search at once."""

    def __init__(self, sql, params):
        super().__init__(sql, params, output_field=BooleanField())


def _matched(entry, condition, weight=1.0):
    """`weight` for an index entry (its id, `entry`) among those the full-text condition
    matches (a subquery of their ids, or Held), else 0."""
    held = condition if isinstance(condition, Held) else In(entry, condition)
    return Case(
        When(held, then=Number(weight)),
        default=Number(0.0),
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


def coverage(words, entry, matching, weights=None, whole=None):
    """How much of the query's words (each a list of terms) the index entry holds in its
    title or body: the sum of the weights (term_weights; 1 a word if none) of the terms it
    holds. Each term is looked up in the full-text index once (`matching(terms,
    phrase=False)`: a subquery of the entries that hold it), so the entries' bodies are never
    read: testing each body's text took 50–100 ms for a common word at 10,000 articles.

    A word of `whole` (an editors' synonym) is given as the terms the entry holds where it
    holds the synonym as written (search.analysis.as_written) and the reader's terms it stands
    for (search.synonyms.standing_for). A synonym brings in the pages that say it another way:
    where the entry does not hold every term they stand for, the synonyms of the same terms
    count once, the weight of the best one the entry holds as written; an entry that holds the
    reader's word gains nothing from them. The investor guide, holding 互联网医院 and, in its
    English, "online hospitals", counts 互联网医院 once, as the catalogue whose entry has no
    English does; a page holding 创业投资 and, in English, "venture capital" counts 创投 once."""
    if weights is None:
        weights = [[1.0 / len(terms)] * len(terms) for terms in words]
    whole = whole or [None for _ in words]
    own = {term for terms, written in zip(words, whole, strict=True) if not written for term in terms}
    found = Number(0.0)
    meanings = {}  # the reader's terms synonyms stand for: each synonym's weight if held
    for terms, term_weight, written in zip(words, weights, whole, strict=True):
        if not written:
            for term, weight in zip(terms, term_weight, strict=True):
                found = found + _matched(entry, matching([term], phrase=False), weight)
            continue
        as_written, stands_for = written
        held = _matched(entry, matching(as_written, phrase=False), sum(term_weight))
        stands_for = tuple(term for term in stands_for if term in own)
        if stands_for:
            meanings.setdefault(stands_for, []).append(held)
        else:
            found = found + held
    for stands_for, synonyms in meanings.items():
        best = synonyms[0] if len(synonyms) == 1 else Greatest(*synonyms, output_field=FloatField())
        readers = _matched(entry, matching(list(stands_for), phrase=False))
        found = found + best * (Number(1.0) - readers)
    return found


def title_coverage(words, entry, matching, weights=None):
    """The weights (term_weights) of the query's terms that the index entry's title holds: a
    word in the title counts once more in the coverage, as BM25 over the title and the body
    counts it twice. The cord-blood bank with 干细胞 in its title ranks above the forum holding
    干细胞 and the common 临床 in its body. Each term is looked up in the full-text index's
    title (`matching(terms, phrase=False, in_title=True)`), as the coverage looks up the title
    and body: the same whole words the title's text holds between spaces, without reading it
    (a test of each title's text took a fifth of a question's time)."""
    if weights is None:
        weights = [[1.0 / len(terms)] * len(terms) for terms in words]
    found = Number(0.0)
    for terms, term_weight in zip(words, weights, strict=True):
        for term, weight in zip(terms, term_weight, strict=True):
            found = found + _matched(entry, matching([term], phrase=False, in_title=True), weight)
    return found


def phrases_found(phrases, entry, matching=None, held=None):
    """The share of the query's phrases (search.analysis.query_phrases) that the entry holds
    as they are, its terms consecutive: from 0 to 1. Each phrase is looked up in the full-text
    index (`matching(terms, phrase=True)`, the entries holding it), or checked on the entry
    itself (`held(terms)`, a condition), the same sum either way."""
    if not phrases:
        return Number(0.0)
    found = Number(0.0)
    for terms in phrases:
        if held is not None:
            one = Case(When(held(terms), then=Number(1.0)), default=Number(0.0), output_field=FloatField())
        else:
            one = _matched(entry, matching(terms, phrase=True))
        found = found + one
    return found / Number(float(len(phrases)))


def title_score(
    terms,
    title,
    words=(),
    phrases=(),
    entry=None,
    matching=None,
    weights=None,
    share=None,
    whole=None,
    one_run=False,
):
    """The first key of the site search's order. With several words, the pages holding more
    of them come first (coverage, up to COVERAGE_WEIGHT a word, the rarer word the more, a
    share of it for a list of entries: `share`); then those holding the query's runs as they
    are (PHRASE_WEIGHT for all of them); then, and for one term alone, the title score.

    `title` is the indexed title (an expression), `entry` the index entry's id. The site
    search's one pass (search.backend.query.ONE_PASS) computes the same key from the same
    parts (first_key), the title score only for the matches within reach of the slice.
    """
    if not terms:
        return Number(0.0)
    if matching is None:
        return terms_in_title(terms, title)
    found = found_in_title = found_phrases = None
    if len(words) > 1:
        found = coverage(words, entry, matching, weights, whole)
        found_in_title = title_coverage(words, entry, matching, weights)
    if phrases:
        found_phrases = phrases_found(phrases, entry, matching)
    return first_key(terms, title, found, found_in_title, found_phrases, share, one_run=one_run)


def terms_in_title(terms, title):
    """The title score: Σ over the terms of tf / (tf + K1·(1 − B + B·length/average)), counted
    in the indexed title (`title`) of the term's own language: Chinese terms in the Chinese
    title, others in the English. Each term adds less than 1, and nothing if the title does
    not hold it.

    Most matches have none of the terms in their title: a plain substring test spares them
    the function call, which is most of the search's time when thousands of pages match.
    """
    found = Value(0)
    for term in terms:
        found = found + StrIndex(title, Value(term))
    # A lookup, not a Q: a Q with OR would turn the entry's join into an outer join, and
    # SQLite would then run the full-text match once per page again.
    return Case(
        When(GreaterThan(found, 0), then=TitleScore(title, terms)),
        default=Number(0.0),
        output_field=FloatField(),
    )


def first_key(
    terms,
    title,
    found=None,
    found_in_title=None,
    found_phrases=None,
    share=None,
    title_score=None,
    one_run=False,
):
    """The first key from its parts, in one order of operations wherever it is computed, so
    that the floating-point sums agree to the last bit: the coverage (`found`, None for a
    query of one word) and the title's (`found_in_title`), times `share`, times
    COVERAGE_WEIGHT; plus the title score (terms_in_title) of `title`, or `title_score` (that
    score worked out before), none without either (lower_bound); plus the share of the phrases
    found (None without phrases) times PHRASE_WEIGHT."""
    if title_score is not None:
        score = title_score
    else:
        score = Number(0.0) if title is None else terms_in_title(terms, title)
    if found is not None:
        found = found + found_in_title
        if share is not None and one_run and found_phrases is not None:
            # The query is one run (its phrase holds all its words): a list holding it as it
            # is holds its words in one entry, together, and counts them in full.
            share = share + (Number(1.0) - share) * found_phrases
        if share is not None:
            found = found * share
        score = found * Number(COVERAGE_WEIGHT) + score
    if found_phrases is not None:
        score = found_phrases * Number(PHRASE_WEIGHT) + score
    return score


def lower_bound(found=None, found_in_title=None, found_phrases=None, share=None, one_run=False):
    """The first key without the title score, which is never negative: the same sums with a
    zero, so never above the key (each step of a floating-point sum or product of
    non-negative numbers is monotonic)."""
    return first_key((), None, found, found_in_title, found_phrases, share, one_run=one_run)


def title_bound(words, weights, found_in_title):
    """More than the title score can be, from the weights of the words' terms the title holds
    (`found_in_title`, title_coverage with the same `weights`): the number of those terms. The
    title score counts less than 1 a term the title holds (tf / (tf + a positive norm)) and
    nothing for the others; the full-text index finds in the title every whole word the title
    score counts. Each of those terms weighs at least the lightest term's weight, so there are
    at most found_in_title / that weight of them, and never more than the query has."""
    if weights is None:
        weights = [[1.0 / len(terms)] * len(terms) for terms in words]
    lightest = min(weight for word in weights for weight in word)
    count = float(sum(len(terms) for terms in words))
    return Least(found_in_title / Number(lightest), Number(count), output_field=FloatField())


def python_title_score(title, *terms):
    """The title score, as PostgreSQL's site_title_score works it out, so that both give the
    same floating-point score: the segment's length in spaces, each term's count among the
    segment's words, the sum in the terms' order. Each segment is split once, not searched
    once per term, and the terms' scripts are worked out once per query: the function runs for
    every match whose title holds a term, a thousand or more for a question of common words."""
    padded = (title or "") + f" {LANGUAGE_SEPARATOR} "
    position = padded.index(LANGUAGE_SEPARATOR)
    segments = {True: padded[:position], False: padded[position + 1 :]}
    scripts, wanted = _read(terms)
    counted = {}
    score = 0.0
    for term, han in zip(terms, scripts, strict=True):
        if han not in counted:
            segment = segments[han]
            length = float(segment.count(" "))
            # Only the segment's words that are query terms, each counted among them.
            held = [word for word in segment.split(" ") if word in wanted]
            counted[han] = (held, K1 * ((1 - B) + B * length / AVERAGE_TITLE_TERMS))
        held, norm = counted[han]
        tf = float(held.count(term))
        score = score + tf / (tf + norm)
    return score


@functools.lru_cache(maxsize=256)
def _read(terms):
    """Whether each term is Chinese (counted in the title's Chinese segment), and the terms."""
    return tuple(contains_han(term) for term in terms), frozenset(terms)


def register_sqlite_function(sender, connection, **kwargs):
    """connection_created: python_title_score as FUNCTION on each SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FUNCTION, -1, python_title_score, deterministic=True)
