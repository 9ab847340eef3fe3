"""Admin and serving hooks of the news app."""

from django.http import Http404
from wagtail import hooks

from .press import embargoed_document_ids


@hooks.register("before_serve_document")
def keep_embargoed_attachments_private(document, request):
    """A document attached only to a release that is not live yet is not found, except by staff."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if document.pk in embargoed_document_ids([document.pk]):
        raise Http404
    return None
