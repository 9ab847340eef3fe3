"""Text into search terms, the same way at index time and at query time, for both databases.

SQLite FTS5 and PostgreSQL read a run of Han characters as one token, so Chinese is cut
into words here (rjieba, with the zone's names in zone_words.txt) and English words are
lower-cased and stemmed (Snowball); the database only ever sees space-separated terms,
which both tokenise alike (PostgreSQL with the "simple" configuration).
"""

import html
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import opencc
import rjieba
import snowballstemmer
from django.utils.html import strip_tags

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A Latin–digit term joined by hyphens (CAR-T, PD-1, COVID-19) is one term, written without
# its hyphens (cart, pd1, covid19): both databases' tokenisers would cut it at the hyphen.
_TOKEN = re.compile(
    rf"(?P<joined>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+)|(?P<han>[{HAN_RANGES}]+)|(?P<word>[^\W_{HAN_RANGES}]+)"
)
_HAN = re.compile(rf"[{HAN_RANGES}]")

ZONE_WORDS = Path(__file__).with_name("zone_words.txt")

# Words too common to tell pages apart; dropped on both sides so that "the 2026 guide"
# needs no "the" in the page.
ENGLISH_STOPWORDS = frozenset(
    """a an and are as at be but by for from has have in is it its of on or s t that the
    their this to was were will with""".split()
)
CHINESE_STOPWORDS = frozenset("的 了 和 与 及 在 是 也 都 为 对 将 把 被 之 其 或 等".split())

# Question and function words: a reader asks with them (济南哪家医院可以做CAR-T细胞治疗, "how can
# I get proton therapy"), pages do not answer with them. Dropped from a query of other words
# only; indexed as usual, so a query of nothing else still finds what it did.
QUESTION_WORDS = frozenset(
    """哪家 哪些 哪个 哪里 哪儿 哪 怎样 怎么 怎么样 如何 什么 为什么 能不能 能 不能 可以 可不可以
    是否 吗 呢 吧 啊 做 办 用 上 有 没有 要 想 我 我们 你 您 请问 请 一下 已经 会 让 去 到 给 从
    关于 谁 多少 几 个 应该 需要 一个 这个 那个
    how can could which what where who whom why when do does did i me my we our you your get
    should would may might there any some about""".split()
)

# The longest query a reader could mean; longer ones are refused by the view.
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 24


@cache
def _segmenter():
    segmenter = rjieba.Jieba()
    for line in ZONE_WORDS.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            segmenter.add_word(word, None, None)
    return segmenter


@cache
def _to_simplified():
    return opencc.OpenCC("t2s")


_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def _english_term(word):
    word = word.lower()
    if word in ENGLISH_STOPWORDS:
        return ""
    if word.isascii() and word.isalpha():
        return _stemmer.stemWord(word)
    return word


def markup_free(value):
    text = str(value)
    if "<" in text or "&" in text:
        text = html.unescape(strip_tags(text))
    return text


def plain_text(value):
    """Markup-free, width-normalised text (full-width digits and letters become ASCII)."""
    return unicodedata.normalize("NFKC", markup_free(value))


def _is_code(parts):
    """A hyphenated name kept whole (CAR-T, PD-1, COVID-19), not words joined by a hyphen
    (precision-medicine): a part of three characters or fewer, or with a digit."""
    return any(len(part) <= 3 or any(c.isdigit() for c in part) for part in parts)


def _terms(text, han_words, parts_of_joined=False):
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "joined":
            parts = match.group().split("-")
            if _is_code(parts):
                yield match.group().replace("-", "").lower()
            if parts_of_joined or not _is_code(parts):
                yield from filter(None, map(_english_term, parts))
        elif match.lastgroup == "han":
            for word in han_words(match.group()):
                if word not in CHINESE_STOPWORDS:
                    yield word
        else:
            term = _english_term(match.group())
            if term:
                yield term


def index_terms(value):
    """The terms a stored text is found by: Chinese words and their dictionary parts
    (search-engine mode, so 质子治疗 is found by 质子 and by 治疗), stemmed English."""
    return list(_terms(plain_text(value), _segmenter().cut_for_search, parts_of_joined=True))


def index_text(value):
    return " ".join(index_terms(value))


def _query_words(run):
    """A Chinese query run as words a page's index surely holds.

    A long word is asked for by its two- and three-character parts, which the index holds
    wherever that word occurs, whatever the segmenter made of its neighbours there.
    """
    segmenter = _segmenter()
    words = []
    for word in segmenter.cut(run):
        words.extend(_parts_of(word, frozenset(segmenter.cut_for_search(word)) - {word}))
    return words


def _parts_of(word, parts):
    if len(word) < 3 or not parts:
        return [word]
    covered, start = [], 0
    while start < len(word):
        for size in (2, 3):
            piece = word[start : start + size]
            if len(piece) == size and piece in parts:
                covered.append(piece)
                start += size
                break
        else:
            return [word]
    return covered


def to_simplified(text):
    return _to_simplified().convert(text) if _HAN.search(text) else text


def query_terms(query):
    """The distinct terms of a reader's query, Traditional characters read as Simplified.

    Punctuation, quotes and operators (" * - OR NEAR) are not terms, so nothing a reader
    types reaches the database's query syntax.
    """
    text = to_simplified(plain_text(query))
    terms = []
    for term in _terms(text, _query_words):
        if term not in terms:
            terms.append(term)
    informative = [term for term in terms if term not in QUESTION_WORDS]
    return (informative or terms)[:MAX_QUERY_TERMS]


def query_words(query):
    """The query's words as typed (a run of Chinese cut into words), each to be asked for as
    a whole (its terms joined by AND, search.backend.query analyses it): the site search asks
    for any of them. Words of question words alone are left out when other words remain."""
    text = to_simplified(plain_text(query))
    words = []
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "han":
            words += [w for w in _segmenter().cut(match.group()) if w not in CHINESE_STOPWORDS]
        else:
            words.append(match.group())
    analysed = [(word, query_terms(word)) for word in words]
    analysed = [(word, terms) for word, terms in analysed if terms]
    informative = [(word, terms) for word, terms in analysed if not set(terms) <= QUESTION_WORDS]
    distinct, seen = [], []
    for word, terms in informative or analysed:
        if terms not in seen:
            seen.append(terms)
            distinct.append(word)
    return distinct[:MAX_QUERY_TERMS]


def contains_han(text):
    return bool(_HAN.search(text or ""))
