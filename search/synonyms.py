"""Synonyms at query time: a query holding every word of one of a synonym group's entries
also asks for the group's other entries (search.models.Synonym, kept by editors)."""

from .analysis import query_terms
from .models import groups


def with_synonyms(query):
    """`query` and the synonyms of the words it holds, as one query string."""
    terms = set(query_terms(query))
    if not terms:
        return query
    added = []
    for group in groups():
        analysed = [(word, set(query_terms(word))) for word in group]
        if any(words and words <= terms for _word, words in analysed):
            added += [word for word, words in analysed if words and not words <= terms and word not in added]
    return " ".join([query, *added]) if added else query
