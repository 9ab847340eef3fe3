"""The admin's image form: Wagtail's, with the title taken from the file name in both languages.

Wagtail fills a field named `title` from the chosen file's name (its `wagtail:images-upload`
event); the bilingual image model has `title_zh_hans` and `title_en` in its place, so the file
input is pointed at both, and the multiple uploader's `title` (the file name) fills whichever
of them is still empty.
"""

from django import forms
from django.conf import settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.images.forms import BaseImageForm

TITLE_FIELDS = [build_localized_fieldname("title", code) for code, _name in settings.LANGUAGES]


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        titles = [name for name in TITLE_FIELDS if name in self.fields]
        if titles and "file" in self.fields:
            self.fields["file"].widget.attrs["data-w-sync-target-value"] = ", ".join(
                f"#{self[name].id_for_label}" for name in titles
            )
        if titles and "title" not in self.fields:
            # What the multiple uploader posts (the file name), and what its view reads the length of.
            self.fields["title"] = forms.CharField(required=False, max_length=255, widget=forms.HiddenInput)
            if self.data.get("title"):
                for name in titles:
                    self.fields[name].required = False

    def clean(self):
        cleaned_data = super().clean()
        upload_title = cleaned_data.get("title")
        if upload_title:
            for name in TITLE_FIELDS:
                if name in self.fields and not cleaned_data.get(name):
                    cleaned_data[name] = upload_title
        return cleaned_data
