"""Wagtail's database search backend, taught Chinese: WAGTAILSEARCH_BACKENDS points here.

A thin wrapper: the vendor's own backend (SQLite FTS5 or PostgreSQL) does the storing,
matching and ranking; this module changes only what goes in and what is asked.

- Index: every search field is indexed in both languages (each modeltranslation column,
  never a fallback, never an empty "None"), as the terms of search.analysis.
- Query: the reader's words become the same terms, joined by AND.
- Ranking: a match in the title outweighs one in the body on both databases.

Everything Wagtail indexes goes through it, so the admin's page, image and snippet
search benefit too.
"""

from functools import cache

from django.db import connection
from django.db.models import CharField, F, FloatField, IntegerField, OuterRef, Subquery
from django.db.models.expressions import Func
from django.db.models.functions import Cast
from modelsearch.backends.base import EmptySearchResults
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from modeltranslation.manager import get_translatable_fields_for_model
from modeltranslation.utils import build_localized_fieldname, fallbacks

from .analysis import index_text, query_terms

# A title term counts this many times a body term (SQLite's bm25 column weights;
# PostgreSQL weighs the title 'A' and the body 'D' from the fields' boosts).
TITLE_WEIGHT = 10.0
LANGUAGE_SEPARATOR = "|"


def _languages():
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def _values_in_every_language(obj, field):
    """The field's stored value in each language for a translated field, else its value."""
    translated = get_translatable_fields_for_model(type(obj)) or ()
    with fallbacks(False):
        if field.field_name in translated:
            for language in _languages():
                name = build_localized_fieldname(field.field_name, language)
                yield type(field)(name).get_value(obj)
        else:
            yield field.get_value(obj)


@cache
def _language_columns(model):
    translated = get_translatable_fields_for_model(model) or ()
    return frozenset(build_localized_fieldname(name, lang) for name in translated for lang in _languages())


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return str(value)


class BilingualField:
    """A search field whose value is the analysed text of all its languages."""

    def __init__(self, field):
        self.field = field
        self.field_name = field.field_name
        self.boost = getattr(field, "boost", None)

    def get_value(self, obj):
        # Languages are kept apart by LANGUAGE_SEPARATOR (which no tokeniser indexes), so the
        # title score can measure a title in the language of the query (search.query).
        obj = _unwrapped(obj)
        texts = [index_text(_as_text(value)) for value in _values_in_every_language(obj, self.field)]
        return f" {LANGUAGE_SEPARATOR} ".join(texts) if any(texts) else ""


class BilingualSearchField(BilingualField, SearchField):
    pass


class BilingualAutocompleteField(BilingualField, AutocompleteField):
    pass


class BilingualRelatedFields(RelatedFields):
    def __init__(self, related):
        super().__init__(related.field_name, [bilingual(field) for field in related.fields])

    def get_value(self, obj):
        return super().get_value(_unwrapped(obj))


def bilingual(field):
    if isinstance(field, SearchField):
        return BilingualSearchField(field)
    if isinstance(field, AutocompleteField):
        return BilingualAutocompleteField(field)
    if isinstance(field, RelatedFields):
        return BilingualRelatedFields(field)
    return field


def _unwrapped(obj):
    return obj._obj if isinstance(obj, _Indexed) else obj


class _Indexed:
    """What the vendor's indexer reads of an object: its search fields made bilingual."""

    def __init__(self, obj):
        self._obj = obj
        self.pk = obj.pk

    def get_search_fields(self):
        # wagtail-modeltranslation adds each language's title column as a search field of
        # its own; the bilingual title covers them, and they would put the title in the body.
        columns = _language_columns(type(self._obj))
        return [
            bilingual(field) for field in self._obj.get_search_fields() if field.field_name not in columns
        ]

    def __getattr__(self, name):
        return getattr(self._obj, name)


def analysed_query(query):
    """A reader's query (a string or Wagtail's parsed query) as index terms, or None."""
    if isinstance(query, str):
        query = PlainText(query, operator="and")
    if isinstance(query, PlainText):
        terms = query_terms(query.query_string)
        return PlainText(" ".join(terms), operator="and") if terms else None
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


def _index_class(vendor_index_class):
    class BilingualIndex(vendor_index_class):
        def add_items(self, model, objs):
            return super().add_items(model, [_Indexed(obj) for obj in objs])

    return BilingualIndex


@cache
def _sqlite_backend():
    from modelsearch.backends.database.sqlite.query import (
        AndNot,
        MatchExpression,
        SQLiteFTSIndexEntry,
        normalize,
    )
    from modelsearch.backends.database.sqlite.sqlite import (
        IndexEntry,
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class WeightedBM25(Func):
        """bm25() with column weights: the FTS table's columns are (autocomplete, body, title)."""

        output_field = FloatField()

        def __init__(self, weights):
            self.weights = weights
            super().__init__()

        def as_sql(self, compiler, connection, **extra):
            weights = ", ".join(str(float(w)) for w in self.weights)
            return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []

    class JoinedSearchMixin:
        """Matches once, scores by row id. Wagtail's own SQLite compiler scores each candidate
        with a subquery that repeats the full-text match and joins the index entry to the page
        on CAST(page.id AS text), which no index serves: the time grows with the square of the
        matches (seconds at 10,000 pages). Here the matching entries' page ids are found once,
        and each page's score is read from the full-text table by its entry's row id."""

        def search(self, config, start, stop, score_field=None):
            query = normalize(self.query)
            if isinstance(query, (MatchAll, Not, AndNot)):
                return super().search(config, start, stop, score_field=score_field)
            columns = self.fields or self.FTS_TABLE_FIELDS
            content_types = get_descendants_content_types_pks(self.queryset.model)
            matching = (
                IndexEntry.objects.filter(
                    content_type_id__in=content_types, sqliteftsindexentry__isnull=False
                )
                .filter(MatchExpression(columns, self.build_search_query(query, config=config)))
                .annotate(matched_pk=Cast("object_id", IntegerField()))
                .values("matched_pk")
            )
            queryset = self.queryset.filter(pk__in=matching)
            if self.order_by_relevance and score_field is None:
                score_field = "_score"
            if score_field is not None:
                entry = IndexEntry.objects.filter(
                    content_type_id__in=content_types, object_id=Cast(OuterRef(OuterRef("pk")), CharField())
                ).values("pk")[:1]
                score = (
                    SQLiteFTSIndexEntry.objects.filter(
                        MatchExpression(columns, self.build_search_query(query, config=config))
                    )
                    .filter(index_entry_id=Subquery(entry))
                    .annotate(score=self._build_rank_expression(None, config))
                    .values("score")[:1]
                )
                queryset = queryset.annotate(**{score_field: Subquery(score, output_field=FloatField())})
            if self.order_by_relevance:
                queryset = queryset.order_by(score_field, "-pk")
            elif not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]

    class QueryCompiler(JoinedSearchMixin, SQLiteSearchQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            return WeightedBM25((0.0, 1.0, TITLE_WEIGHT))

    class AutocompleteQueryCompiler(JoinedSearchMixin, SQLiteAutocompleteQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            return WeightedBM25((1.0, 0.0, 0.0))

    class Backend(AnalysedSearchMixin, SQLiteSearchBackend):
        best_score_first = "asc"  # bm25() is lower for a better match
        title_text_column = "title"  # the index entry's title as plain terms
        index_class = _index_class(SQLiteSearchBackend.index_class)
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

    return Backend


@cache
def _postgres_backend():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class QueryCompiler(PostgresSearchQueryCompiler):
        def get_index_vectors(self, search_query):
            # Without the stored title_norm: it is refreshed only for new entries as the
            # average changes, so two equal pages could rank apart by when they were indexed.
            # search.query scores the title's length itself.
            return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]

    class Backend(AnalysedSearchMixin, PostgresSearchBackend):
        query_compiler_class = QueryCompiler
        best_score_first = "desc"  # ts_rank is higher for a better match
        title_text_column = "title_text"  # the index entry's title as plain terms
        index_class = _index_class(PostgresSearchBackend.index_class)

        def __init__(self, params):
            # The terms are already lower-cased and stemmed: PostgreSQL must take them as they
            # are, as SQLite does, not stem them again with its English dictionary.
            super().__init__({"SEARCH_CONFIG": "simple", **params})

    return Backend


def SearchBackend(params):  # noqa: N802 (Wagtail looks up this name in a backend module)
    if connection.vendor == "postgresql":
        return _postgres_backend()(params)
    if connection.vendor == "sqlite":
        return _sqlite_backend()(params)
    from modelsearch.backends.database import SearchBackend as vendor_backend

    return vendor_backend(params)
