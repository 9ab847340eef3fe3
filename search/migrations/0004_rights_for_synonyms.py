"""Who keeps the search synonyms in the admin (Snippets): Editors, Press officers and Site
administrators (docs/permissions.md)."""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")
GROUPS = ["Editors", "Press officers", "Site administrators"]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="site_search", model="synonym")
    # Django creates permissions after migrating (post_migrate): make them as Django would.
    return [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_synonym", defaults={"name": f"Can {action} search synonym"}
        )[0]
        for action in ACTIONS
    ]


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
    ]

    operations = [migrations.RunPython(grant, revoke)]
