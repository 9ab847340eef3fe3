from django.apps import AppConfig


class SchemaConfig(AppConfig):
    """Holds only the `migrate` command that indexes the per-language page columns."""

    name = "website.schema"
    label = "website_schema"
