"""Rights on the Traditional Chinese glossary (website.GlossaryTerm): the editors who review the
text and the press officers who know the names keep it; site administrators too."""

from importlib import import_module

from django.db import migrations

rights_0003 = import_module("workflow.migrations.0003_rights_for_media_contacts_and_comments")

RIGHTS = {
    ("website", "glossaryterm"): {
        "Editors": ("add", "change", "delete", "view"),
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
        ("workflow", "0006_rights_for_investment_officers"),
        ("website", "0006_traditional_glossary"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
