"""Wagtail's database search backend, taught Chinese: WAGTAILSEARCH_BACKENDS points here, and
everything Wagtail indexes (the site search, the admin's page, image and snippet search) goes through it.
The vendor's backend (SQLite FTS5 or PostgreSQL) stores, matches and ranks; fields (what goes in) and
query (what is asked) change what both see, and sqlite and postgres build on them, never on each other.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 (Wagtail looks up this name in a backend module)
    # Only the connection's own module is imported: modelsearch's SQLite module looks up its
    # full-text model as it loads, which a PostgreSQL database lacks (LookupError), and its
    # PostgreSQL module needs psycopg and django.contrib.postgres.
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteBackend

        return SQLiteBackend(params)
    from modelsearch.backends.database import SearchBackend as vendor_backend

    return vendor_backend(params)
