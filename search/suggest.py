"""“Did you mean”: for a query that finds nothing or little, the query with each word the
site does not know replaced by the closest word its titles and summaries use, in the
reader's language; only offered when it finds more (docs/search.md). The reader's own
query is never replaced."""

import difflib

from django.core.exceptions import FieldDoesNotExist
from django.utils import translation

from website.cache import remembered

from .analysis import _TOKEN, _segmenter, plain_text, to_simplified
from .kinds import available_kinds

MIN_LENGTH = {"han": 2, "word": 4}
CUTOFF = {"han": 0.66, "word": 0.8}


def _words(text):
    for match in _TOKEN.finditer(plain_text(text)):
        if match.lastgroup == "han":
            for word in _segmenter().cut(match.group()):
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
    vocabulary = {"han": set(), "word": set(), "joined": set()}
    for text in texts:
        for script, word in _words(text or ""):
            if len(word) >= MIN_LENGTH.get(script, 2):
                vocabulary[script].add(word)
    return {script: sorted(words) for script, words in vocabulary.items()}


def vocabulary():
    return remembered(f"search-vocabulary:{translation.get_language()}", _vocabulary)


def did_you_mean(query):
    """The query with its unknown words replaced by known ones, or None."""
    words = vocabulary()
    known = {script: set(found) for script, found in words.items()}
    pieces, changed = [], False
    for script, word in _words(to_simplified(query)):
        closest = None
        if script in CUTOFF and len(word) >= MIN_LENGTH[script] and word not in known[script]:
            same_length = [w for w in words[script] if abs(len(w) - len(word)) <= 2]
            closest = next(
                iter(difflib.get_close_matches(word, same_length, n=1, cutoff=CUTOFF[script])), None
            )
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
