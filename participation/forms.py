"""The reader's story form: the story, an optional photo (checked by participation.photos),
a way to reach the reader, and the privacy consent every reader form asks for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.consent import ConsentMixin

from . import photos
from .models import StorySubmission


class StoryForm(ConsentMixin, forms.ModelForm):
    class Meta:
        model = StorySubmission
        fields = ["title", "story", "photo", "name", "email", "phone"]
        labels = {
            "title": _("Title of your story"),
            "story": _("Your story"),
            "photo": _("Photo"),
            "name": _("Your name"),
            "email": _("Email"),
            "phone": _("Telephone"),
        }
        help_texts = {
            "name": _("Shown with your story if it is published."),
            "email": _("Give an email address or a telephone number; neither is ever shown."),
        }
        widgets = {"photo": forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].help_text = _(
            "JPEG, PNG or WebP, at most %(size)d MB and %(megapixels)d megapixels."
        ) % {
            "size": photos.max_bytes() // (1024 * 1024),
            "megapixels": photos.max_pixels() // 1_000_000,
        }
        self.fields["consent"].label = _(
            "I agree that the zone may use the information above to contact me about my story and, "
            "once a moderator approves it, publish the story, its photo and my name, "
            "as the privacy notice explains."
        )

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return photos.checked_photo(upload) if upload else upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and "email" not in self.errors:
            self.add_error(
                "email", _("Please give an email address or a telephone number so that we can reach you.")
            )
        return cleaned
