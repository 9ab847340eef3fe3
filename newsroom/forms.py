"""The public email-alert sign-up form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Subscriber


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"), error_messages={"invalid": _("Enter a valid email address, like name@example.com.")}
    )
    language = forms.ChoiceField(label=_("Language of the alerts"), choices=Subscriber.Language.choices)
    topic = forms.ChoiceField(
        label=_("What to receive"),
        choices=Subscriber.Topic.choices,
        widget=forms.RadioSelect,
        initial=Subscriber.Topic.PRESS_RELEASES,
    )
