"""Rights on event registrations (personal information, like inquiries): the roles that answer
inquiries list, export, correct and delete them and write to the registrants; nobody else sees
them (docs/permissions.md)."""

from importlib import import_module

from django.db import migrations

rights_0003 = import_module("workflow.migrations.0003_rights_for_media_contacts_and_comments")

RIGHTS = {
    ("events", "registration"): {
        "Press officers": ("change", "delete", "view"),
        "Site administrators": ("change", "delete", "view"),
    },
}


def grant(apps, schema_editor):
    rights_0003.grant_rights(apps, RIGHTS)


def revoke(apps, schema_editor):
    rights_0003.revoke_rights(apps, RIGHTS)


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0007_rights_for_the_traditional_glossary"),
        ("events", "0002_registrations"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
