"""What goes into the index: every search field in both languages (each modeltranslation
column, never a fallback, never an empty "None"), as the terms of search.analysis.

The same on both databases: the vendor's indexer reads each object through _Indexed.
"""

from functools import cache

from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modeltranslation.manager import get_translatable_fields_for_model
from modeltranslation.utils import build_localized_fieldname, fallbacks

from .. import searched
from ..analysis import index_text
from ..ranking import LANGUAGE_SEPARATOR
from .query import index_changed


def _languages():
    from website.languages import STORED_LANGUAGES

    return list(STORED_LANGUAGES)


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
        if isinstance(obj, _Indexed):
            return obj.analysed(self)
        return self.analyse(obj)

    def analyse(self, obj):
        # Languages are kept apart by LANGUAGE_SEPARATOR (which no tokeniser indexes), so the
        # title score can measure a title in the language of the query (search.ranking).
        texts = [index_text(_as_text(value)) for value in _values_in_every_language(obj, self.field)]
        return f" {LANGUAGE_SEPARATOR} ".join(texts) if any(texts) else ""


class BilingualSearchField(BilingualField, SearchField):
    pass


class BilingualAutocompleteField(BilingualField, AutocompleteField):
    pass


class BilingualRelatedFields(RelatedFields):
    def __init__(self, related):
        super().__init__(related.field_name, [_in_the_body(bilingual(field)) for field in related.fields])

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


def _in_the_body(field):
    """A related object's field, indexed in the body even if it is its title: a policy list's
    entries are not the list's title (the vendor indexes every field named "title" as the
    title, and the title score measures the title's languages apart)."""
    if isinstance(field, BilingualField) and field.field_name == "title":
        field.field_name = "related_title"
    return field


def _unwrapped(obj):
    return obj._obj if isinstance(obj, _Indexed) else obj


class _Indexed:
    """What the vendor's indexer reads of an object: its search fields made bilingual."""

    def __init__(self, obj):
        self._obj = obj
        self.pk = obj.pk
        self._analysed = {}

    def analysed(self, field):
        """The field's analysed text, analysed once: the vendor's indexer reads every field
        again for each column it fills (title, body, autocomplete, and on PostgreSQL their
        plain-text copies), and segmenting the text is most of a reindex's time."""
        if field.field_name not in self._analysed:
            self._analysed[field.field_name] = field.analyse(self._obj)
        return self._analysed[field.field_name]

    def get_search_fields(self):
        # wagtail-modeltranslation adds each language's title column as a search field of
        # its own; the bilingual title covers them, and they would put the title in the body.
        columns = _language_columns(type(self._obj))
        return [
            bilingual(field) for field in self._obj.get_search_fields() if field.field_name not in columns
        ]

    def __getattr__(self, name):
        return getattr(self._obj, name)


def _index_class(vendor_index_class):
    class BilingualIndex(vendor_index_class):
        # Each write moves the index's generation on: the terms' counts kept for the ranking
        # (search.backend.query.held_counts) are worked out again.
        def add_items(self, model, objs):
            objs = list(objs)
            added = super().add_items(model, [_Indexed(obj) for obj in objs])
            # The site search's row of each page (search.searched), with its index entry's id.
            searched.record(model, objs)
            index_changed()
            return added

        def delete_item(self, item):
            super().delete_item(item)
            searched.forget(item)
            index_changed()

        def delete_stale_model_entries(self, model):
            super().delete_stale_model_entries(model)
            index_changed()

        def delete_stale_entries(self):
            super().delete_stale_entries()
            index_changed()

        def reset(self):
            super().reset()
            index_changed()

    return BilingualIndex
