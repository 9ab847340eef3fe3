"""Each page's English status, derived from its translated fields: complete, partial or missing."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from website.languages import SECOND_LANGUAGE, SOURCE_LANGUAGE, field_in, has_text

# Bookkeeping columns that follow from other fields: never a translator's job.
DERIVED_FIELDS = {"url_path", "slug"}


class EnglishStatus(models.TextChoices):
    COMPLETE = "complete", _("Complete")
    PARTIAL = "partial", _("Partial")
    MISSING = "missing", _("Missing")


LACKING = (EnglishStatus.PARTIAL, EnglishStatus.MISSING)


@dataclass
class EnglishState:
    status: EnglishStatus
    missing: list  # verbose names of the fields still empty in English

    @property
    def label(self):
        return self.status.label


def translated_fields(model):
    try:
        names = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return []
    return sorted(name for name in names if name not in DERIVED_FIELDS)


def fields_to_translate(page):
    """The translated fields a reader of this page meets: those filled in Chinese, plus the
    fields the page needs in English whatever the Chinese holds."""
    required = set(getattr(page, "english_required_fields", ("title",)))
    return [
        name
        for name in translated_fields(type(page))
        if name in required or has_text(field_in(page, name, SOURCE_LANGUAGE))
    ]


def missing_english(page):
    """Names of the fields still empty in English (of a specific page, or any revision of one)."""
    return [name for name in fields_to_translate(page) if not has_text(field_in(page, name, SECOND_LANGUAGE))]


def field_labels(page, names):
    return [str(page._meta.get_field(name).verbose_name) for name in names]


def english_state(page):
    fields = fields_to_translate(page)
    missing = missing_english(page)
    if not missing:
        status = EnglishStatus.COMPLETE
    elif len(missing) == len(fields):
        status = EnglishStatus.MISSING
    else:
        status = EnglishStatus.PARTIAL
    return EnglishState(status, field_labels(page, missing))


def english_status(page):
    return english_state(page).status


def english_states(pages):
    """{page id: EnglishState} for a queryset of pages: one query per page type, however many pages."""
    return {page.pk: english_state(page) for page in pages.specific() if page.specific_class}
