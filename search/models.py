"""Words readers use: synonyms and abbreviations editors keep in the admin (Snippets), applied
to the site search's queries in both languages (docs/search.md)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

_SEPARATORS = re.compile(r"\s*[=,，、;；\n]\s*")


def split_words(text):
    return [word.strip() for word in _SEPARATORS.split(text or "") if word.strip()]


@register_snippet
class Synonym(models.Model):
    """Words and abbreviations that mean the same to a reader: a search for any of them
    finds pages with the others too."""

    words = models.TextField(
        _("words that mean the same"),
        help_text=_(
            "Two or more words or abbreviations, in either language, separated by “=” or commas: "
            "互联网医院 = 网络医院 = internet hospital"
        ),
    )
    note = models.CharField(_("note for editors"), max_length=200, blank=True)

    panels = [FieldPanel("words"), FieldPanel("note")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["words"]

    def __str__(self):
        return " = ".join(split_words(self.words))

    def clean(self):
        if len(split_words(self.words)) < 2:
            raise ValidationError({"words": _("Give at least two words, separated by “=” or commas.")})


def groups():
    """Every synonym group as a list of words: one small query, so an editor's change
    applies at once in every process."""
    return [split_words(words) for words in Synonym.objects.values_list("words", flat=True)]


class SearchedPage(models.Model):
    """What the site search filters its matches on, one row per searchable page, kept by the
    indexing (search.backend.fields; migration site_search.0006): the page's index entry, its
    kind of result (search.kinds), whether it has English, and its date.

    The search's first pass reads every match (a question matches nearly every page): through
    this narrow table it joins each match to its page by the page's id, where it read the page
    types' own tables for the kinds' filters and the date, and found each page's index entry by
    its id written as text (docs/performance.md). A page of no searchable kind has no row.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="searched"
    )
    # The id of the page's index entry (wagtailsearch.IndexEntry, the vendor's table).
    entry = models.IntegerField(db_index=True)
    kind = models.CharField(max_length=32)
    has_english = models.BooleanField()
    date = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("searched page")

    def __str__(self):
        return f"{self.page_id}: {self.kind}"
