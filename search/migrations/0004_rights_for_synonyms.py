"""Who keeps the search synonyms (Snippets) and the promoted search results (Settings →
Promoted search results) in the admin: Editors, Press officers and Site administrators
(docs/permissions.md)."""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")
GROUPS = ["Editors", "Press officers", "Site administrators"]


MODELS = [("site_search", "synonym"), ("wagtailsearchpromotions", "searchpromotion")]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for app_label, model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        # Django creates permissions after migrating (post_migrate): make them as Django would.
        permissions += [
            Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )[0]
            for action in ACTIONS
        ]
    return permissions


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = _permissions(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = _permissions(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0002_roles_and_review_workflow"),
        ("site_search", "0003_synonyms"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
