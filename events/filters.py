"""The events index's filters (type, sector, month), read from the query string so a filtered
view has an address; an unknown value is an error the reader sees, not silently ignored."""

import datetime
import zoneinfo

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

# Months are the site's months: an event belongs to the month it starts in, Beijing time.
BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    month = forms.ChoiceField(label=_("Month"), required=False)

    def __init__(self, data, *, kinds, sectors, months):
        """`sectors`: (slug, name) pairs; `months`: the first day (Beijing) of each month with events."""
        super().__init__(data)
        self.fields["kind"].choices = [("", _("All types")), *kinds]
        self.fields["sector"].choices = [("", _("All sectors")), *sectors]
        self.fields["month"].choices = [("", _("All months"))] + [
            (month.strftime("%Y-%m"), formats.date_format(month, "YEAR_MONTH_FORMAT")) for month in months
        ]
        for name, field in self.fields.items():
            field.widget.attrs["id"] = f"event-{name}"

    def apply(self, events):
        data = self.cleaned_data
        if data.get("kind"):
            events = events.filter(kind=data["kind"])
        if data.get("sector"):
            events = events.filter(sectors__slug=data["sector"]).distinct()
        if data.get("month"):
            start = month_start(data["month"])
            following = month_start(f"{start.year + start.month // 12}-{start.month % 12 + 1:02}")
            events = events.filter(starts_at__gte=start, starts_at__lt=following)
        return events


def month_start(value):
    """The first moment, in Beijing, of the month written as YYYY-MM."""
    year, month = (int(part) for part in value.split("-"))
    return datetime.datetime(year, month, 1, tzinfo=BEIJING)
