"""`migrate` leaves the page table indexed for how the public site reads it."""

import pytest
from django.db import connection
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def indexed_columns():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Page._meta.db_table)
    return [info["columns"] for info in constraints.values() if info["index"]]


def test_each_languages_slug_is_indexed():
    # wagtail-modeltranslation adds these columns after the migrations, without an index; a
    # page is found by the slug in the reader's language at every step of its URL.
    columns = indexed_columns()
    assert ["slug_zh_hans"] in columns
    assert ["slug_en"] in columns


def test_a_pages_children_are_found_by_depth_and_path():
    assert ["depth", "path"] in indexed_columns()
