"""Synonyms at query time: a query holding every word of one of a synonym group's entries
also asks for the group's other entries (search.models.Synonym, kept by editors)."""

from .analysis import query_terms
from .models import groups


def synonyms_of(query):
    """The entries of the synonym groups that `query` holds an entry of (every word of it),
    other than those it holds already, each as the editors wrote it (internet hospital)."""
    terms = set(query_terms(query))
    if not terms:
        return []
    added = []
    for group in groups():
        analysed = [(word, set(query_terms(word))) for word in group]
        if any(words and words <= terms for _word, words in analysed):
            added += [word for word, words in analysed if words and not words <= terms and word not in added]
    return added


def with_synonyms(query):
    """`query` and the synonyms of the words it holds, as one query string."""
    added = synonyms_of(query)
    return " ".join([query, *added]) if added else query
