"""A policy list in the read-only API: its entries as a reader of the API's language sees them,
with the status the dates give them today (policies/status.py)."""

from rest_framework import serializers

from website.addresses import absolute


class EntriesField(serializers.Field):
    """`APIField("entries", serializer=EntriesField(source="*"))`: the list page's visible entries."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        return [entry_data(page, entry, request) for entry in page.visible_entries()]


def entry_data(page, entry, request):
    full_text = entry.full_text_url()
    return {
        "id": entry.pk,
        "title": entry.title,
        "category": entry.category.slug if entry.category else None,
        "document_number": entry.document_number or "",
        "issuing_body": entry.issuing_body or "",
        "issue_date": entry.issue_date.isoformat(),
        "effective_date": entry.effective_date.isoformat() if entry.effective_date else None,
        "expiry_date": entry.expiry_date.isoformat() if entry.expiry_date else None,
        "status": entry.current_status,
        "status_label": entry.get_current_status_display(),
        "status_fixed": entry.status_fixed,
        # Why an editor kept the status whatever the dates, in the API's language.
        "status_reason": (entry.status_reason or "") if entry.status_fixed else "",
        "summary": entry.summary,
        "full_text": absolute(full_text) if full_text else None,
        "url": absolute(page.entry_url(entry, request)),
    }
