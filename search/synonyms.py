"""Synonyms at query time: a query holding every word of one of a synonym group's entries
also asks for the group's other entries (search.models.Synonym, kept by editors)."""

from .analysis import query_terms
from .models import groups


def synonyms_of(query):
    """The entries of the synonym groups that `query` holds an entry of (every word of it),
    other than those it holds already, each as the editors wrote it (internet hospital)."""
    return [entry for entry, _stands_for in standing_for(query)]


def standing_for(query):
    """synonyms_of(query), each with the query's terms it stands for: those of the group's
    entries that the query holds (互联 联网 医院 of 互联网医院 for internet hospital)."""
    asked = query_terms(query)
    terms = set(asked)
    if not terms:
        return []
    added, seen = [], set()
    for group in groups():
        analysed = [(word, set(query_terms(word))) for word in group]
        held = [words for _word, words in analysed if words and words <= terms]
        if not held:
            continue
        stands_for = [term for term in asked if any(term in words for words in held)]
        for word, words in analysed:
            if words and not words <= terms and word not in seen:
                seen.add(word)
                added.append((word, stands_for))
    return added


def with_synonyms(query):
    """`query` and the synonyms of the words it holds, as one query string."""
    added = synonyms_of(query)
    return " ".join([query, *added]) if added else query
