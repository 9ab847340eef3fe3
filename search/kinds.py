"""What the search page searches: each kind of result, the page type it is and its date.

A page type joins the search by being listed here; one whose app is not installed is
skipped. The page type indexes its text with `search_fields` (docs/search.md) and may set
`search_date_field` (default first_published_at), and `search_summary()` when its summary
is not in a `summary` or `intro` field.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, FloatField, Q, When
from django.utils.translation import gettext_lazy as _

from .ranking import ENTRIES_SHARE, Number


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    model_label: str
    filters: dict = field(default_factory=dict)
    # A page whose body is a list of separate entries (a policy list): words found in
    # different entries are not found together (search.ranking.ENTRIES_SHARE).
    holds_entries: bool = False

    @cached_property
    def model(self):
        try:
            return apps.get_model(self.model_label)
        except LookupError:
            return None

    @property
    def relation(self):
        """The lookup from a wagtailcore Page to this page type's own row."""
        return self.model._meta.model_name

    @property
    def date_field(self):
        return getattr(self.model, "search_date_field", "first_published_at")

    def condition(self, english):
        condition = Q(content_type=ContentType.objects.get_for_model(self.model))
        condition &= Q(**{f"{self.relation}__{name}": value for name, value in self.filters.items()})
        if english:
            condition &= Q(**{f"{self.relation}__has_english": True})
        return condition

    def describes(self, page):
        return isinstance(page, self.model) and all(
            getattr(page, name) == value for name, value in self.filters.items()
        )


KINDS = [
    Kind("news", _("News"), "news.NewsArticlePage", {"kind": "news"}),
    Kind("press_release", _("Press release"), "news.NewsArticlePage", {"kind": "press_release"}),
    Kind("feature", _("Feature"), "news.NewsArticlePage", {"kind": "feature"}),
    Kind("page", _("Page"), "home.StandardPage"),
    Kind("policy", _("Policy list"), "policies.PolicyListPage", holds_entries=True),
    Kind("showcase", _("Cooperation project"), "cooperation.CooperationShowcasePage"),
    Kind("investment_map", _("Investment map"), "investment.InvestmentMapPage"),
    Kind("publications", _("Publications"), "investment.PublicationLibraryPage"),
    Kind("event", _("Event"), "events.EventPage"),
    Kind("form", _("Form"), "participation.InquiryPage"),
]


def available_kinds():
    return [kind for kind in KINDS if kind.model is not None]


def kind_of(page):
    return next((kind for kind in available_kinds() if kind.describes(page)), None)


def search_date():
    """Each result's date: its page type's `search_date_field`, else its first publication, as
    the search's row of the page holds it (search.searched.date_of)."""
    return F("searched__date")


def coverage_share():
    """How much of a page's coverage of the query's words counts (search.ranking): all of
    it, but ENTRIES_SHARE for the pages that hold a list of entries."""
    lists = [kind.model for kind in available_kinds() if kind.holds_entries]
    if not lists:
        return Number(1.0)
    content_types = ContentType.objects.get_for_models(*lists).values()
    return Case(
        When(content_type__in=content_types, then=Number(ENTRIES_SHARE)),
        default=Number(1.0),
        output_field=FloatField(),
    )
