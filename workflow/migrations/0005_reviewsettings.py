"""The English gate's page types move from the site settings (home.SiteSettings) to the
review's own settings: each site's choice is copied, and Site administrators, who edited it
there, may edit it here."""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

import workflow.fields
import workflow.gate

rights_0003 = import_module("workflow.migrations.0003_rights_for_media_contacts_and_comments")

RIGHTS = {("workflow", "reviewsettings"): {"Site administrators": ("change", "view")}}


def copy_gate(apps, schema_editor):
    site_settings = apps.get_model("home", "SiteSettings")
    review_settings = apps.get_model("workflow", "ReviewSettings")
    for row in site_settings.objects.all():
        review_settings.objects.update_or_create(site_id=row.site_id, defaults={"english_gate": row.english_gate})


def copy_gate_back(apps, schema_editor):
    site_settings = apps.get_model("home", "SiteSettings")
    for row in apps.get_model("workflow", "ReviewSettings").objects.all():
        site_settings.objects.filter(site_id=row.site_id).update(english_gate=row.english_gate)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("workflow", "0004_rights_for_stories_and_inquiries"),
        ("home", "0003_sitesettings_english_gate"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReviewSettings",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "english_gate",
                    workflow.fields.ChoiceListField(
                        blank=True,
                        default=workflow.gate.default_gate,
                        help_text="The final review refuses to approve pages of these kinds while any of their English is missing.",
                        verbose_name="complete English required before final approval",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
                    ),
                ),
            ],
            options={"verbose_name": "review settings"},
        ),
        migrations.RunPython(copy_gate, copy_gate_back),
        migrations.RunPython(
            lambda apps, schema_editor: rights_0003.grant_rights(apps, RIGHTS),
            lambda apps, schema_editor: rights_0003.revoke_rights(apps, RIGHTS),
        ),
    ]
