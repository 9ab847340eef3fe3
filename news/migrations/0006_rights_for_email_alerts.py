"""Who sees the email-alert subscribers and deliveries in the admin: Press officers and Site
administrators (docs/permissions.md). They may delete a subscriber; nobody adds or edits one
there (news.wagtail_hooks refuses it): subscribers come only from the public double opt-in."""

from django.db import migrations

RIGHTS = {"subscriber": ("view", "delete"), "alertdelivery": ("view",)}
GROUPS = ["Press officers", "Site administrators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for model, actions in RIGHTS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="news", model=model)
        # Django creates permissions after migrating (post_migrate): make them as Django would.
        permissions += [
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )[0]
            for action in actions
        ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in RIGHTS.items() for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="news", codename__in=codenames)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0002_roles_and_review_workflow"),
        ("news", "0005_email_alerts"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
