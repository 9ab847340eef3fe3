"""The public email-alert sign-up form, with the consent every reader form asks for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.languages import LanguageSelect

from .models import Subscriber


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"), error_messages={"invalid": _("Enter a valid email address, like name@example.com.")}
    )
    language = forms.ChoiceField(
        label=_("Language of the alerts"), choices=Subscriber.Language.choices, widget=LanguageSelect
    )
    topic = forms.ChoiceField(
        label=_("What to receive"),
        choices=Subscriber.Topic.choices,
        widget=forms.RadioSelect,
        initial=Subscriber.Topic.PRESS_RELEASES,
    )
    # Consent under China's Personal Information Protection Law: required, never preset.
    consent = forms.BooleanField(
        required=True,
        label=_(
            "I agree that the zone may keep my email address to send me the alerts I chose, "
            "as the privacy notice explains."
        ),
        error_messages={
            "required": _("Please agree to the privacy notice; we cannot send you alerts without it.")
        },
    )
