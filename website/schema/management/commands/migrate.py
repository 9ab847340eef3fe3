"""`migrate` as wagtail-modeltranslation runs it, then indexes of the per-language slugs.

wagtail-modeltranslation adds the per-language columns of wagtailcore_page (slug_zh_hans,
slug_en, …) after the migrations, from its own `migrate` command, and indexes none of them.
Serving a page looks up each step of its URL by the slug in the reader's language: without
an index every such lookup read the whole page table (6 ms at 10,000 pages on PostgreSQL,
twice for an article). This app comes first in INSTALLED_APPS, so this command is the one
`manage.py migrate` runs.
"""

from django.db import connection
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail_modeltranslation.management.commands.migrate_translation import (
    Command as TranslationMigrateCommand,
)

INDEXED_FIELDS = ["slug"]


class Command(TranslationMigrateCommand):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        index_translated_page_columns()


def index_translated_page_columns():
    table = Page._meta.db_table
    with connection.cursor() as cursor:
        existing = {column.name for column in connection.introspection.get_table_description(cursor, table)}
        for field in INDEXED_FIELDS:
            for language in AVAILABLE_LANGUAGES:
                column = build_localized_fieldname(field, language)
                if column in existing:
                    name = connection.ops.quote_name(f"{table}_{column}_idx")
                    quoted = connection.ops.quote_name(column)
                    cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({quoted})")
