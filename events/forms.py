"""The reader's registration form on an event page, with the consent every reader form asks
for (website.consent); the spam defence is checked before it (website.spam)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.consent import ConsentMixin

from .registration import Registration


class RegistrationForm(ConsentMixin, forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["name", "organisation", "job_title", "email", "phone"]
        labels = {
            "name": _("Your name"),
            "organisation": _("Organisation"),
            "job_title": _("Job title"),
            "email": _("Email"),
            "phone": _("Telephone"),
        }
        help_texts = {"email": _("We send the confirmation and a reminder the day before to this address.")}
        # What the browser may fill in for the reader (WCAG 1.3.5).
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "I agree that the zone may use the information above to manage my registration "
            "and to write to me about this event, as the privacy notice explains."
        )


class MessageForm(forms.Form):
    """Staff writing to an event's registrants (events.views.message_registrants)."""

    RECIPIENTS = [
        ("confirmed", _("Registrants with a place")),
        ("waiting", _("Registrants on the waiting list")),
        ("all", _("Everyone registered")),
    ]

    recipients = forms.ChoiceField(label=_("Send to"), choices=RECIPIENTS, initial="confirmed")
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Sent as plain text, one email to each registrant. Write in the languages they read."),
    )
