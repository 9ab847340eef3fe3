"""Serving the private store: files held back for an embargo, to staff signed in to the admin."""

from django.core.files.storage import default_storage
from django.http import Http404

from website.files import inert_file_response

from .storage import PRIVATE_PREFIX


def private_file_response(name):
    """A private file as a response nobody caches, sniffs or runs; 404 if there is no such file."""
    name = PRIVATE_PREFIX + name
    if not default_storage.exists(name):
        raise Http404
    return inert_file_response(default_storage.open(name), "private, no-store")


def private_file_view(request, name):
    """/private-media/<name>: what the admin shows of a held-back image (thumbnails, page preview)."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise Http404  # the same answer as for a name that does not exist
    return private_file_response(name)
