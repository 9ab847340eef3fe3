"""The publications library's filters, read from the query string so a filtered view has an address."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PublicationFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language of the file"), required=False)

    def __init__(self, data=None, *, years=()):
        super().__init__(data)
        from .models import Publication

        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(Publication.Kind.choices)
        self.fields["year"].choices = everything + [(str(year), str(year)) for year in years]
        self.fields["language"].choices = everything + list(Publication.FileLanguage.choices)

    def apply(self, publications):
        kind, year, language = (self.cleaned_data.get(name) for name in ("kind", "year", "language"))
        return [
            publication
            for publication in publications
            if (not kind or publication.kind == kind)
            and (not year or publication.year == year)
            and (not language or publication.file_language in (language, "both"))
        ]


class MapFilterForm(forms.Form):
    """The map's list of areas by status and kind; the plan shows the same areas."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, data=None):
        super().__init__(data)
        from .models import MapArea

        everything = [("", _("All"))]
        self.fields["status"].choices = everything + list(MapArea.Status.choices)
        self.fields["kind"].choices = everything + list(MapArea.Kind.choices)
        for name, field in self.fields.items():
            field.widget.attrs["id"] = f"map-{name}"

    def apply(self, areas):
        status, kind = self.cleaned_data.get("status"), self.cleaned_data.get("kind")
        return [
            area
            for area in areas
            if (not status or area.status == status) and (not kind or area.kind == kind)
        ]
