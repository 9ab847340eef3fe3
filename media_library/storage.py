"""Where uploads live: public files under MEDIA_ROOT, files held back for an embargo in a private store.

A file's name says which: names beginning ``embargoed/`` are in PRIVATE_MEDIA_ROOT/embargoed/,
which no web server serves; their URL is a view that checks who asks (media_library.views).
Every other name is an ordinary file under MEDIA_ROOT at MEDIA_URL.
"""

import os
import secrets

from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils._os import safe_join

from website.files import private_media_root

PRIVATE_PREFIX = "embargoed/"


def is_private(name):
    return bool(name) and name.startswith(PRIVATE_PREFIX)


def private_name(file_name):
    """A new private name for a file: an unguessable folder, so even the private URL cannot be guessed."""
    return f"{PRIVATE_PREFIX}{secrets.token_urlsafe(16)}/{os.path.basename(file_name)}"


def private_folder(name):
    """The unguessable folder of a private name (``embargoed/<token>/``), where its renditions go too."""
    return "/".join(name.split("/")[:2]) + "/"


class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT on disk, with private names routed to PRIVATE_MEDIA_ROOT."""

    @property
    def private_location(self):
        return private_media_root()

    @property
    def embargoed_location(self):
        return os.path.join(self.private_location, PRIVATE_PREFIX)

    def path(self, name):
        if is_private(name):
            # Joined below the embargoed/ folder, so no name reaches other files kept in PRIVATE_MEDIA_ROOT.
            return safe_join(self.embargoed_location, name.removeprefix(PRIVATE_PREFIX))
        return super().path(name)

    def _save(self, name, content):
        saved = super()._save(name, content)
        if not is_private(name):
            return saved
        # FileSystemStorage names the file relative to MEDIA_ROOT; a private one is relative to its own root.
        full_path = os.path.normpath(os.path.join(self.location, saved))
        return os.path.relpath(full_path, self.private_location).replace(os.sep, "/")

    def url(self, name):
        if is_private(name):
            return reverse("private_file", args=[name.removeprefix(PRIVATE_PREFIX)])
        return super().url(name)


def move(instance, private):
    """Move an image's or a document's file into the private store, or back to its public folder.

    The row is updated without save() (no signals: nothing else about the file changed). An
    image's renditions are deleted with their files; Wagtail makes new ones on the next request,
    stored wherever the image now is (CustomRendition.get_upload_to).
    """
    field_file = instance.file
    old_name = field_file.name
    if is_private(old_name) == private:
        return
    if private:
        new_name = private_name(old_name)
    else:
        new_name = field_file.field.generate_filename(instance, os.path.basename(old_name))
    storage = field_file.storage
    with storage.open(old_name) as source:
        new_name = storage.save(new_name, source)
    type(instance).objects.filter(pk=instance.pk).update(file=new_name)
    field_file.name = new_name
    if hasattr(instance, "renditions"):
        instance.renditions.all().delete()
    storage.delete(old_name)
