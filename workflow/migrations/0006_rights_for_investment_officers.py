"""Rights on investment officers (a snippet shown on the catalogue, map and event pages, and the
address sector inquiries go to): writers draft them, translators add the English, editors, press officers and
site administrators keep them; the reviewers see them (docs/permissions.md)."""

from importlib import import_module

from django.db import migrations

rights_0003 = import_module("workflow.migrations.0003_rights_for_media_contacts_and_comments")

RIGHTS = {
    ("investment", "investmentofficer"): {
        "Writers": ("add", "change", "view"),
        "Translators": ("change", "view"),
        "Editors": ("add", "change", "delete", "view"),
        "Department heads": ("view",),
        "Leadership": ("view",),
        "Press officers": ("add", "change", "delete", "view"),
        "Site administrators": ("add", "change", "delete", "view"),
    },
}


def grant(apps, schema_editor):
    rights_0003.grant_rights(apps, RIGHTS)


def revoke(apps, schema_editor):
    rights_0003.revoke_rights(apps, RIGHTS)


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0005_reviewsettings"),
        ("investment", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
