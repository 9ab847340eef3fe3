"""A model field holding a list of choice keys, edited as checkboxes."""

from django import forms
from django.db import models


class ChoiceListField(models.JSONField):
    """A JSON list of keys from `item_choices`.

    The choices are left out of migrations so that relabelling one is not a schema change;
    keys that are no longer offered are kept but ignored by the code that reads them.
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = item_choices
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
        )
