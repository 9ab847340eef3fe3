"""The site's image model: Wagtail's image with alt text, caption and credit in both languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .storage import is_private, private_folder


class CustomImage(AbstractImage):
    # Wagtail's own `description` field is the alt text; translation.py makes it bilingual.
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = (
        "title_zh_hans",
        "title_en",
        "description_zh_hans",
        "description_en",
        "caption_zh_hans",
        "caption_en",
        "credit_zh_hans",
        "credit_en",
        *(name for name in Image.admin_form_fields if name not in ("title", "description")),
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        return self.description or self.title or ""


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename):
        """Renditions of a private image are private too, in the image's unguessable folder."""
        if is_private(self.image.file.name):
            valid_name = self.file.field.storage.get_valid_name(filename)
            return f"{private_folder(self.image.file.name)}renditions/{valid_name}"
        return super().get_upload_to(filename)
