"""The demo content for tests: `load_demo` runs once a session, and each test that asks for it
gets the tables' rows as that run left them, written back in milliseconds instead of seconds."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from wagtail.models import Page

from website import cache as website_cache

# Migrations stay as they are; SQLite's own bookkeeping follows the rows.
LEFT_ALONE = ("django_migrations", "sqlite_")


class TableRows:
    """Every table's rows at one moment, and a way to put the database back to them."""

    def __init__(self):
        self.tables, virtual = tables()
        # SQLite's full-text tables are filled by triggers on the tables they index.
        with connection.cursor() as cursor:
            self.rows = {table: copy_out(cursor, table) for table in self.tables if table not in virtual}

    def restore(self):
        with transaction.atomic(), connection.cursor() as cursor:
            empty(cursor, self.tables)
            for table, rows in self.rows.items():
                copy_in(cursor, table, rows)
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
        forget_what_processes_remember()


def load_once():
    """The demo's rows, loaded by `load_demo` on the database as migrations left it, which is
    then put back: tests that do not ask for the demo never see it."""
    if not Page.objects.exists():
        # A transactional test before this one emptied the tables: what migrations made first.
        with transaction.atomic(), connection.cursor() as cursor:
            empty(cursor, tables()[0])
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    before = TableRows()
    call_command("load_demo", verbosity=0)
    demo = TableRows()
    before.restore()
    return demo


def tables():
    """The tables to copy, and which of them are SQLite's virtual (full-text) tables."""
    names, virtual = connection.introspection.table_names(), set()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = {name for (name,) in cursor.fetchall()}
        # A full-text table's shadow tables are its own storage, written through it alone.
        shadows = tuple(f"{name}_" for name in virtual)
        names = [name for name in names if not name.startswith(shadows) or name in virtual]
    return [name for name in names if not name.startswith(LEFT_ALONE)], virtual


def quoted(table):
    return connection.ops.quote_name(table)


def empty(cursor, tables):
    if connection.vendor == "postgresql":
        cursor.execute("TRUNCATE " + ", ".join(quoted(table) for table in tables))
    else:
        for table in tables:
            cursor.execute(f"DELETE FROM {quoted(table)}")


def copy_out(cursor, table):
    if connection.vendor == "postgresql":
        # COPY's text format gives back every type exactly (JSON, arrays, search vectors).
        with cursor.copy(f"COPY {quoted(table)} TO STDOUT") as copy:
            return b"".join(bytes(block) for block in copy)
    cursor.execute(f"SELECT * FROM {quoted(table)}")
    return [column[0] for column in cursor.description], cursor.fetchall()


def copy_in(cursor, table, rows):
    if connection.vendor == "postgresql":
        with cursor.copy(f"COPY {quoted(table)} FROM STDIN") as copy:
            copy.write(rows)
        return
    columns, values = rows
    if values:
        names = ", ".join(quoted(column) for column in columns)
        marks = ", ".join("%s" for _ in columns)
        cursor.executemany(f"INSERT INTO {quoted(table)} ({names}) VALUES ({marks})", values)


def forget_what_processes_remember():
    """Ids change with the rows: content types are read again, all of them as migrations leave
    the cache (serialized rollback's reload relies on it); cached site paths and kept objects go."""
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)
    cache.clear()
    website_cache._kept.clear()
