"""The site's image model: Wagtail's image with alt text, caption and credit in both languages."""

import copy
import functools

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

from .storage import is_private, private_folder


class CustomImage(AbstractImage):
    # Wagtail's own `description` field is the alt text; translation.py makes it bilingual. Its
    # label says what it is for: "说明" beside "图片说明" and "署名" left editors guessing.
    description = models.CharField(_("alt text (for screen readers)"), max_length=255, blank=True, default="")
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("photographer or source"), max_length=255, blank=True)

    # The file first: choosing it is the first thing an editor does.
    admin_form_fields = (
        "file",
        "title_zh_hans",
        "title_en",
        "description_zh_hans",
        "description_en",
        "caption_zh_hans",
        "caption_en",
        "credit_zh_hans",
        "credit_en",
        *(name for name in Image.admin_form_fields if name not in ("file", "title", "description")),
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        return self.description or self.title or ""

    def get_renditions(self, *filters):
        """Wagtail's, with each filter spec parsed once per process, not once per picture: the
        image tags make a new Filter each time, and parsing one inspects every operation's
        signature (about a tenth of an article's time). The renditions found are remembered in
        the process too (`_renditions`)."""
        specs = tuple(getattr(f, "spec", f) for f in filters)
        key = self.renditions_key(specs)
        found = _renditions.get(key)
        if found is None:
            found = super().get_renditions(*(parsed_filter(spec) for spec in specs))
            if self.pk is not None:
                remember_renditions(key, found)
        # A copy for this image object, as Wagtail's cache does: the alt text is the image's own.
        return {spec: rendition_of(rendition, self) for spec, rendition in found.items()}

    def renditions_key(self, specs):
        """What a rendition's file follows from: a new file (a new name and hash) or focal point
        gives a new key, so a remembered rendition never outlives its file."""
        focal = (self.focal_point_x, self.focal_point_y, self.focal_point_width, self.focal_point_height)
        return (self.pk, self.file.name, self.file_hash, focal, specs)

    def get_rendition(self, filter):
        """By way of `get_renditions`: Wagtail's own writes every rendition it finds back to the cache."""
        return next(iter(self.get_renditions(filter).values()))


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def __getstate__(self):
        # Pickled only for the cache, so a rendition unpickled was read from it: Wagtail then
        # leaves it out of what it writes back (it marks only renditions it prefetched).
        state = super().__getstate__()
        state["_from_cache"] = True
        return state

    def get_upload_to(self, filename):
        """Renditions of a private image are private too, in the image's unguessable folder."""
        if is_private(self.image.file.name):
            valid_name = self.file.field.storage.get_valid_name(filename)
            return f"{private_folder(self.image.file.name)}renditions/{valid_name}"
        return super().get_upload_to(filename)


@functools.lru_cache(maxsize=256)
def parsed_filter(spec):
    """One Filter per spec; a spec's operations never change (specs come from templates and code)."""
    return Filter(spec=spec)


# Renditions found in this process: (image, file, focal point, specs) -> {spec: rendition}. A
# rendition is made once and never changes; finding one asks Wagtail's cache or the database and
# parses its filter (an article's ten pictures: about 8% of its render). Bounded, like `kept`.
_renditions = {}
RENDITIONS_AT_MOST = 5000


def remember_renditions(key, renditions):
    if len(_renditions) >= RENDITIONS_AT_MOST:
        _renditions.clear()
    _renditions[key] = renditions


def rendition_of(rendition, image):
    """A copy of a remembered rendition pointing at `image`, marked as from the cache so that
    Wagtail does not write it back. Shallow: a rendition's fields are strings and numbers."""
    clone = object.__new__(type(rendition))
    clone.__dict__.update(rendition.__dict__)
    clone._state = copy.copy(rendition._state)
    clone._state.fields_cache = {}
    clone._from_cache = True
    clone.image = image
    return clone
