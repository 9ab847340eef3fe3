"""What a reader's photo must be: a real JPEG, PNG or WebP (judged by its content with Pillow,
never by its name), within a file-size and a pixel limit; stored re-encoded, without metadata."""

import warnings
from io import BytesIO
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow's format name -> the extension the stored file gets and the type it is served as.
ACCEPTED = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}


def max_bytes():
    return getattr(settings, "PARTICIPATION_PHOTO_MAX_BYTES", 10 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "PARTICIPATION_PHOTO_MAX_PIXELS", 40_000_000)


def content_type(name):
    """The Content-Type of a stored photo, from the extension this module gave it."""
    extension = name.rsplit(".", 1)[-1].lower()
    return next((kind for ext, kind in ACCEPTED.values() if ext == extension), "application/octet-stream")


NOT_AN_IMAGE = _(
    "The photo must be a JPEG, PNG or WebP image, and this file is not one (whatever its name says). "
    "Other formats such as SVG, GIF or HEIC are not accepted: "
    "please save the photo as JPEG and choose it again."
)


def too_many_pixels():
    return ValidationError(
        _(
            "The photo has too many pixels: at most %(megapixels)d megapixels are accepted. "
            "Please send a smaller copy (for example, the one your phone offers for sharing)."
        ),
        code="too_many_pixels",
        params={"megapixels": max_pixels() // 1_000_000},
    )


def checked_photo(upload):
    """The upload as a clean file to store, or a ValidationError saying what is wrong with it."""
    if upload.size > max_bytes():
        raise ValidationError(
            _(
                "The photo is too large (%(size)s): at most %(limit)s are accepted. "
                "Please send a smaller copy."
            ),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())},
        )
    image = _opened(upload)
    extension = ACCEPTED[image.format][0]
    return ContentFile(_reencoded(image), name=f"{uuid4().hex}.{extension}")


def _opened(upload):
    """The decoded image, after its format and size were read from the header (decoding a
    decompression bomb is what the pixel limit prevents, so the size comes first)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ACCEPTED:
                raise ValidationError(NOT_AN_IMAGE, code="wrong_type")
            if image.width * image.height > max_pixels():
                raise too_many_pixels()
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(NOT_AN_IMAGE, code="wrong_type") from None
    return image


def _reencoded(image):
    """The picture saved afresh in its own format: upright, and without EXIF (a phone's GPS
    position, its serial number) or anything appended to the original file."""
    upright = ImageOps.exif_transpose(image)
    output = BytesIO()
    options = {"quality": 90} if image.format in ("JPEG", "WEBP") else {}
    upright.save(output, format=image.format, **options)
    return output.getvalue()
