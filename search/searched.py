"""The search's own row for each searchable page (search.models.SearchedPage), written as the
page is indexed: the vendor's index holds the text, this the page's kind, English and date, and
the id of its index entry, which the site search filters and joins its matches by.

Wagtail indexes a page whenever it is saved (published, unpublished, moved, scheduled) and
removes it when it is deleted; `update_index` indexes every page again. The kind, English and
date are read from the page as it is indexed, as the search's filters read them
(search.kinds.Kind.condition and search_date): a page that is no longer of a searchable kind
loses its row.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from .kinds import available_kinds


def kind_of_page(page):
    """The kind of result `page` is searched as, read as the search's filter reads it: its own
    page type (not a parent type's) and the kind's filters; None if none."""
    own = (kind for kind in available_kinds() if type(page) is kind.model and kind.describes(page))
    return next(own, None)


def date_of(page, kind):
    """The page's date in the search (search.kinds.search_date): its type's date field, else its
    first publication."""
    if kind.date_field != "first_published_at":
        date = getattr(page, kind.date_field, None)
        if date is not None:
            return date
    return page.first_published_at


def record(model, objs):
    """Writes the rows of `objs` (of `model`, just indexed) that are pages."""
    # Only a page read as its own page type (as the signal handlers and update_index index it):
    # a page read as a parent type says nothing of its kind.
    own_type = ContentType.objects.get_for_model(model).pk
    pages = [
        obj
        for obj in objs
        if isinstance(obj, Page)
        and obj.pk is not None
        and obj.content_type_id == own_type
        and type(obj) is model
    ]
    if not pages:
        return
    from .models import SearchedPage

    entries = dict(
        apps.get_model("wagtailsearch", "IndexEntry")
        .objects.filter(
            content_type_id=own_type,
            object_id__in=[str(page.pk) for page in pages],
        )
        .values_list("object_id", "id")
    )
    rows, without = [], []
    for page in pages:
        kind = kind_of_page(page)
        entry = entries.get(str(page.pk))
        if kind is None or entry is None:
            without.append(page.pk)
            continue
        rows.append(
            SearchedPage(
                page_id=page.pk,
                entry=entry,
                kind=kind.key,
                has_english=bool(getattr(page, "has_english", False)),
                date=date_of(page, kind),
            )
        )
    if without:
        SearchedPage.objects.filter(page_id__in=without).delete()
    if rows:
        SearchedPage.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=["entry", "kind", "has_english", "date"],
        )


def forget(obj):
    """Removes the row of `obj` (removed from the index), if it is a page."""
    if isinstance(obj, Page) and obj.pk is not None:
        from .models import SearchedPage

        SearchedPage.objects.filter(page_id=obj.pk).delete()
