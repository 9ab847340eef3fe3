"""Catalogue entries that share a place in the editor's order (an import gives them all 0) keep
one order, creation first, on every database: PostgreSQL returns ties in whatever order its heap
holds them, and an updated row moves to the heap's end."""

import csv
import io

import pytest

from policies.models import PolicyEntry
from tests.html import parse

pytestmark = pytest.mark.django_db


def test_tied_entries_list_and_export_in_creation_order(client, catalogue):
    devices, biotech = catalogue.test_entries["devices"], catalogue.test_entries["biotech"]
    PolicyEntry.objects.filter(page=catalogue).update(sort_order=0)
    # Read again: saved as the factory made it, the entry wrote its own place back (the
    # factory's count of entries made in this process, 0 only for the first).
    devices.refresh_from_db()
    devices.title_en = "Imaging devices, revised"
    devices.save()  # on PostgreSQL the updated row now sits after the other one
    expected = ["Imaging devices, revised", "Cell therapy"]
    assert devices.pk < biotech.pk

    soup = parse(client.get("/en/policies/catalogue/"))
    listed = [link.get_text(strip=True) for link in soup.select(".entry-list__title a")]
    assert listed == expected

    export = client.get("/en/policies/catalogue/export/csv/").content.decode("utf-8-sig")
    assert [row[0] for row in list(csv.reader(io.StringIO(export)))[1:]] == expected
