"""Rights on reader story submissions (moderated like comments) and on reading inquiry-form
submissions, which is now its own right instead of following page editing (see
participation/wagtail_hooks.py and docs/permissions.md)."""

from importlib import import_module

from django.db import migrations

rights_0003 = import_module("workflow.migrations.0003_rights_for_media_contacts_and_comments")

RIGHTS = {
    # Moderating stories: approve or reject (change), delete, view (with the photo).
    ("participation", "storysubmission"): {
        "Editors": ("change", "delete", "view"),
        "Press officers": ("change", "delete", "view"),
        "Site administrators": ("change", "delete", "view"),
    },
    # Listing and exporting what readers sent through form pages (the investment inquiry).
    ("wagtailforms", "formsubmission"): {
        "Press officers": ("view",),
        "Site administrators": ("view",),
    },
}


def grant(apps, schema_editor):
    rights_0003.grant_rights(apps, RIGHTS)


def revoke(apps, schema_editor):
    rights_0003.revoke_rights(apps, RIGHTS)


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0003_rights_for_media_contacts_and_comments"),
        ("participation", "0002_story_submissions"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
