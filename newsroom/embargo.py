"""The embargo rule for files: a press release that is not live keeps the images and documents
it uses (lead image, body images, galleries and documents, rich-text document links,
attachments) in the private store, unless something public uses them too; publishing any
page moves the files it uses back to public storage.

Files move after the transaction commits, so a rollback never leaves a row naming a file
that moved; a failed move (a file missing on disk) is logged and never fails the save or the
publication (robust=True). The receivers are connected in NewsroomConfig.ready.
"""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from media_library.storage import PRIVATE_PREFIX, move


def embargoed_document_ids(document_ids):
    """Of `document_ids`, those held back for an embargo (their file is in the private store)."""
    return set(
        Document.objects.filter(pk__in=document_ids, file__startswith=PRIVATE_PREFIX).values_list(
            "pk", flat=True
        )
    )


def files_used_by(page):
    """The images and documents `page` uses, in any language and any field or inline panel."""
    # Wagtail's reference index can lag behind (it is updated by a background task) and holds the
    # page's row, so the references are read from the page object itself, the way the index does.
    wanted = {
        ContentType.objects.get_for_model(get_image_model()).pk: set(),
        ContentType.objects.get_for_model(Document).pk: set(),
    }
    references = ReferenceIndex._extract_references_from_object(page)
    for content_type_id, object_id, *_paths in references:
        if content_type_id in wanted:
            wanted[content_type_id].add(object_id)
    image_ids, document_ids = wanted.values()
    return [
        *get_image_model().objects.filter(pk__in=image_ids),
        *Document.objects.filter(pk__in=document_ids),
    ]


def used_in_public(file_object, besides):
    """Whether a live page other than `besides`, or a non-page (site settings, a snippet), uses the file."""
    page_type = ContentType.objects.get_for_model(Page)
    sources = list(
        ReferenceIndex.get_references_to(file_object)
        .exclude(base_content_type=page_type, object_id=str(besides.pk))
        .values_list("base_content_type_id", "object_id")
    )
    page_ids = [object_id for content_type_id, object_id in sources if content_type_id == page_type.pk]
    return len(page_ids) < len(sources) or Page.objects.filter(pk__in=page_ids, live=True).exists()


def hold_files(page_id):
    page = Page.objects.filter(pk=page_id, live=False).specific().first()
    if page is None or not getattr(page, "is_press_release", False):
        return
    for file_object in files_used_by(page):
        if not used_in_public(file_object, besides=page):
            move(file_object, private=True)


def release_files(page_id):
    page = Page.objects.filter(pk=page_id, live=True).specific().first()
    if page is None:
        return
    for file_object in files_used_by(page):
        move(file_object, private=False)


def hold_files_of_unpublished_release(sender, instance, update_fields=None, **kwargs):
    """Saving a press release that is not live (a draft, or scheduled: an embargo) makes its files private."""
    # Saves with update_fields are Wagtail's revision bookkeeping; the content is saved in full.
    if update_fields is None and not instance.live and instance.is_press_release:
        transaction.on_commit(partial(hold_files, instance.pk), robust=True)


def release_files_of_published_page(sender, instance, **kwargs):
    """Publishing a page (by hand, after review, or the scheduler at embargo time) makes its files public."""
    transaction.on_commit(partial(release_files, instance.pk), robust=True)
