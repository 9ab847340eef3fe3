"""The privacy consent every reader form asks for (inquiries, comments, stories, event
registrations): one checkbox, required and never preset, under China's Personal Information
Protection Law."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ConsentMixin(forms.Form):
    """Consent under China's Personal Information Protection Law: required, never preset."""

    consent = forms.BooleanField(
        required=True,
        label=_(
            "I agree that the zone may use the information above to answer me, "
            "as the privacy notice explains."
        ),
        error_messages={
            "required": _("Please agree to the privacy notice; we cannot accept your message without it.")
        },
    )
