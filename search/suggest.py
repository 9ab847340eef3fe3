"""“Did you mean”: for a query that finds nothing or little, the query with each word the
site does not know replaced by the closest word its titles and summaries use, in the
reader's language (a Chinese word by its sound first: pinyin, for an input method's slips);
only offered when it finds more (docs/search.md). The reader's own query is never replaced."""

import difflib
from functools import lru_cache

from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from pypinyin import lazy_pinyin

from website.cache import remembered

from .analysis import _TOKEN, _segmenter, plain_text, to_simplified
from .kinds import available_kinds

MIN_LENGTH = {"han": 2, "word": 4}
CUTOFF = {"han": 0.66, "word": 0.8}
# How alike the sounds (pinyin without tones) of two Chinese words must be, besides sharing
# a character, for one to be offered for the other.
PINYIN_CUTOFF = 0.75


def _words(text, cut="cut"):
    for match in _TOKEN.finditer(plain_text(text)):
        if match.lastgroup == "han":
            for word in getattr(_segmenter(), cut)(match.group()):
                yield "han", word
        else:
            yield match.lastgroup, match.group().lower()


def _localized(model, name, language):
    column = f"{name}_{language.replace('-', '_')}"
    try:
        model._meta.get_field(column)
    except FieldDoesNotExist:
        return None
    return column


def _vocabulary():
    language = translation.get_language()
    texts = []
    for model in {kind.model for kind in available_kinds()}:
        columns = [
            c for c in (_localized(model, name, language) for name in ("title", "summary", "intro")) if c
        ]
        for row in model.objects.live().values_list(*columns):
            texts += row
    for kind in available_kinds():
        if kind.holds_entries:
            texts += _entry_titles(kind.model, language)
    vocabulary = {"han": set(), "word": set(), "joined": set()}
    for text in texts:
        # Chinese words and their dictionary parts (康复 and 中心 of 康复中心): a slip is
        # usually in one of the parts.
        for script, word in _words(text or "", cut="cut_for_search"):
            if len(word) >= MIN_LENGTH.get(script, 2):
                vocabulary[script].add(word)
    return {script: sorted(words) for script, words in vocabulary.items()}


def _entry_titles(model, language):
    """The titles of the entries of a list's live pages (search.kinds.Kind.holds_entries): they
    name what the list holds as a summary does (体外诊断, an opportunity of the investment
    catalogue, is no slip for 对外诊断)."""
    relation = model._meta.get_field("entries")
    column = _localized(relation.related_model, "title", language)
    if column is None:
        return []
    entries = relation.related_model.objects.filter(**{f"{relation.field.name}__live": True})
    return list(entries.values_list(column, flat=True))


def vocabulary():
    return remembered(f"search-vocabulary:{translation.get_language()}", _vocabulary)


@lru_cache(maxsize=50_000)
def _pinyin(word):
    return " ".join(lazy_pinyin(word))


def _sounds_alike(word, candidates):
    """The known Chinese word typed in its place: the same sounds (an input method's slip,
    康富 for 康复), else nearly the same sounds and one character or more in common (冶疗 for
    治疗); among equals, the one sharing most characters."""
    sound = _pinyin(word)
    best, best_key = None, None
    for candidate in candidates:
        if len(candidate) != len(word):
            continue
        shared = sum(a == b for a, b in zip(word, candidate, strict=True))
        other = _pinyin(candidate)
        if other == sound:
            key = (2, shared)
        elif shared and difflib.SequenceMatcher(None, sound, other).ratio() >= PINYIN_CUTOFF:
            key = (1, shared)
        else:
            continue
        if best_key is None or key > best_key:
            best, best_key = candidate, key
    return best


def _closest(word, script, candidates):
    if script == "han":
        alike = _sounds_alike(word, candidates)
        if alike:
            return alike
    same_length = [w for w in candidates if abs(len(w) - len(word)) <= 2]
    return next(iter(difflib.get_close_matches(word, same_length, n=1, cutoff=CUTOFF[script])), None)


def did_you_mean(query):
    """The query with its unknown words replaced by known ones, or None."""
    words = vocabulary()
    known = {script: set(found) for script, found in words.items()}
    pieces, changed = [], False
    for script, word in _words(to_simplified(query)):
        closest = None
        if script in CUTOFF and len(word) >= MIN_LENGTH[script] and word not in known[script]:
            closest = _closest(word, script, words[script])
        pieces.append((script, closest or word))
        changed = changed or bool(closest)
    if not changed:
        return None
    parts, previous = [], None
    for script, word in pieces:
        if parts and script == previous == "han":
            parts[-1] += word
        else:
            parts.append(word)
        previous = script
    return " ".join(parts)
