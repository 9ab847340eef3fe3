"""The reader's filter for a policy list: category, status and date order, from the query string."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import status

SORT_ORDERS = {
    "newest": ("-issue_date", "sort_order", "pk"),
    "oldest": ("issue_date", "sort_order", "pk"),
}


def status_choices():
    return [("", _("All statuses")), *status.SHOWN_CHOICES]


class EntryFilterForm(forms.Form):
    """Unknown values are errors the reader sees (in their language), not silently ignored."""

    category = forms.ChoiceField(label=_("Category"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("As listed")), ("newest", _("Newest first")), ("oldest", _("Oldest first"))],
    )

    def __init__(self, data, categories):
        super().__init__(data)
        self.categories = {category.slug: category for category in categories}
        self.fields["category"].choices = [("", _("All categories"))] + [
            (category.slug, category.name) for category in categories
        ]
        self.fields["status"].choices = status_choices()
        if not categories:
            del self.fields["category"]

    def sectors(self):
        """The categories the reader is looking at: the one filtered for, else all (whose
        investment officers the list names)."""
        chosen = self.cleaned_data.get("category") if self.is_valid() else ""
        return [self.categories[chosen]] if chosen else list(self.categories.values())

    def apply(self, entries):
        data = self.cleaned_data
        if data.get("category"):
            entries = entries.filter(category=self.categories[data["category"]])
        if data.get("status"):
            entries = entries.filter(status.status_filter(data["status"]))
        if data.get("sort"):
            entries = entries.order_by(*SORT_ORDERS[data["sort"]])
        return entries
