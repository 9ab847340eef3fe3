"""The reader's filter for the cooperation index: country, sector and status."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ShowcaseFilterForm(forms.Form):
    """Unknown values are errors the reader sees (in their language), not silently ignored."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, data):
        from .models import CooperationStatus, Country, Sector  # the models import this module

        super().__init__(data)
        self.fields["country"].choices = [("", _("All countries")), *Country.choices]
        self.fields["sector"].choices = [("", _("All sectors")), *Sector.choices]
        self.fields["status"].choices = [("", _("All statuses")), *CooperationStatus.choices]

    def apply(self, showcases):
        """The showcases (already loaded for the overview) that match, in the same order."""
        wanted = {name: value for name, value in self.cleaned_data.items() if value}
        return [s for s in showcases if all(getattr(s, name) == value for name, value in wanted.items())]
