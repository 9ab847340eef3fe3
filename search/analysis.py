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
            yield from han_words(match.group())
        else:
            term = _english_term(match.group())
            if term:
                yield term


def bigrams(run):
    """Every two adjacent characters of a run of Chinese, in order."""
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _indexed_words(run):
    """A run of Chinese as the index holds it: its words and their dictionary parts
    (search-engine mode, so 质子治疗 is found by 质子 and by 治疗), then every two adjacent
    characters of the run, in order. The words rank; the pairs make a word match however the
    segmenter cut its neighbours (罕见病 inside 罕见病患者, cut 罕见/病患者), and an exact run
    of the text is a phrase of consecutive pairs (query_phrases)."""
    words = [w for w in _segmenter().cut_for_search(run) if w not in CHINESE_STOPWORDS]
    return words + bigrams(run)


def index_terms(value):
    """The terms a stored text is found by: Chinese words, their dictionary parts and the
    pairs of adjacent characters; stemmed English; Latin–digit codes whole and in parts."""
    return list(_terms(plain_text(value), _indexed_words, parts_of_joined=True))


def index_text(value):
    return " ".join(index_terms(value))


def han_words(run):
    """A Chinese query run cut into words, stopwords dropped, a lone character joined to the
    word before it (罕见病 is cut 罕见/病: asked as one word, so its pairs find it inside
    罕见病患者). Question words stay as they are, for the caller to weigh."""
    words = []
    for word in _segmenter().cut(run):
        if word in CHINESE_STOPWORDS:
            words.append(None)  # a stopword keeps its neighbours apart
        elif (
            len(word) == 1
            and words
            and words[-1]
            and words[-1] not in QUESTION_WORDS
            and word not in QUESTION_WORDS
        ):
            words[-1] += word
        else:
            words.append(word)
    return [word for word in words if word]


def asked_as(word):
    """The index terms a Chinese query word is asked for by, all of them required: a word of
    one or two characters as it is, a longer one by its pairs of adjacent characters, which
    the index holds wherever the word occurs, whatever the segmenter made of it there."""
    return [word] if len(word) <= 2 else bigrams(word)


def _query_words(run):
    return [term for word in han_words(run) for term in asked_as(word)]


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


def _words_as_typed(text):
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "han":
            yield from han_words(match.group())
        else:
            yield match.group()


def query_words(query):
    """The query's words as typed (a run of Chinese cut into words), each to be asked for as
    a whole (its terms joined by AND, search.backend.query analyses it): the site search asks
    for any of them. Words of question words alone are left out when other words remain."""
    text = to_simplified(plain_text(query))
    analysed = [(word, query_terms(word)) for word in _words_as_typed(text)]
    analysed = [(word, terms) for word, terms in analysed if terms]
    informative = [(word, terms) for word, terms in analysed if not set(terms) <= QUESTION_WORDS]
    distinct, seen = [], []
    for word, terms in informative or analysed:
        if terms not in seen:
            seen.append(terms)
            distinct.append(word)
    return distinct[:MAX_QUERY_TERMS]


def is_question(query):
    """Whether the reader asks a question: the query holds a question word among other words."""
    text = to_simplified(plain_text(query))
    words = [word.lower() for word in _words_as_typed(text)]
    return any(word in QUESTION_WORDS for word in words) and any(word not in QUESTION_WORDS for word in words)


def highlight_terms(query):
    """The terms a result's passage is chosen and highlighted by: the query's terms and its
    Chinese words whole (罕见病 as well as its pairs)."""
    terms = query_terms(query)
    words = [w for w in query_words(query) if contains_han(w) and w not in terms]
    return terms + words


_QUOTED = re.compile(r"[\"“”「」『』]([^\"“”「」『』]+)[\"“”「」『』]")
MAX_PHRASES = 6


def as_written(text):
    """The index terms a page holds where it holds `text` as written (an editors' synonym),
    each found by the full-text index without reading the page. A run of Chinese is its pairs
    of characters, which the index holds for every run (网络医院: 网络 络医 医院; the pair across
    the words tells it from a page with 5G网络 in one sentence and 县医院 in another); English
    is its terms (internet hospital: anywhere in the page: their order is checked only by
    reading each page's positions, which doubled the time of 互联网医院 on PostgreSQL at 10,000
    articles); anything else is all its terms."""
    phrases = query_phrases(text)
    return phrases[0] if len(phrases) == 1 else query_terms(text)


def query_phrases(query):
    """Runs of the query to be found as they are (each a list of index terms in order): the
    text in quotes, and each run of two or more informative words of one script. A Chinese run
    is its pairs of adjacent characters, which the index holds in order for every run of
    Chinese (_indexed_words); an English one its terms, stopwords dropped on both sides."""
    text = to_simplified(plain_text(query))
    quoted = [match.group(1) for match in _QUOTED.finditer(text)]
    runs = [(piece, False) for piece in quoted] + [(_QUOTED.sub(" ", text), True)]
    phrases = []
    for piece, split_at_question_words in runs:
        for phrase in _runs(piece, split_at_question_words):
            if len(phrase) > 1 and phrase not in phrases:
                phrases.append(phrase)
    return phrases[:MAX_PHRASES]


def _runs(text, split_at_question_words):
    run, script = [], None
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "han":
            yield _latin(run) if script == "latin" else run
            run, script = [], None
            # The run's characters between question words, stopwords included: the index
            # holds the pairs of every run of Chinese as written.
            segment = []
            for word in _segmenter().cut(match.group()):
                if split_at_question_words and word in QUESTION_WORDS:
                    yield _pairs_of(segment)
                    segment = []
                else:
                    segment.append(word)
            yield _pairs_of(segment)
            continue
        word = match.group().lower()
        terms = list(_terms(match.group(), _query_words))
        if not terms and word in ENGLISH_STOPWORDS:
            continue  # dropped from the index too: "proton and heavy ion" is one run
        if not terms or (split_at_question_words and word in QUESTION_WORDS):
            yield _latin(run) if script == "latin" else run
            run, script = [], None
            continue
        if script != "latin":
            yield _latin(run)
            run, script = [], "latin"
        run.append((terms, list(_terms(match.group(), _query_words, parts_of_joined=True))))
    yield _latin(run) if script == "latin" else run


def _latin(run):
    """A run of Latin words (each its query terms and its terms as the index holds them) as the
    phrase's terms: of several words, the index's, so that a code's parts stand between it and
    the next word as they do in the page (in-vitro diagnostics: invitro vitro diagnost)."""
    if len(run) == 1:
        return run[0][0]
    return [term for _terms_asked, indexed in run for term in indexed]


def contains_han(text):
    return bool(_HAN.search(text or ""))


def _pairs_of(words):
    """The pairs of characters of consecutive words, stopwords at either end left out."""
    while words and words[0] in CHINESE_STOPWORDS:
        words = words[1:]
    while words and words[-1] in CHINESE_STOPWORDS:
        words = words[:-1]
    return bigrams("".join(words))
