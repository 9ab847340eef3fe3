"""Rights on the snippets added after the roles: media contacts (news.MediaContact) and
reader comments (participation.Comment). See docs/permissions.md."""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")
RIGHTS = {
    # Media contacts are managed like people and keywords.
    ("news", "mediacontact"): {
        "Editors": ACTIONS,
        "Press officers": ACTIONS,
        "Site administrators": ACTIONS,
        "Translators": ("change", "view"),
        "Department heads": ("view",),
        "Leadership": ("view",),
    },
    # Moderating comments: approve or reject (change), delete, view.
    ("participation", "comment"): {
        "Editors": ("change", "delete", "view"),
        "Press officers": ("change", "delete", "view"),
        "Site administrators": ("change", "delete", "view"),
    },
}


def grant(apps, schema_editor):
    grant_rights(apps, RIGHTS)


def revoke(apps, schema_editor):
    revoke_rights(apps, RIGHTS)


def grant_rights(apps, rights):
    """Give each group its model permissions: {(app label, model): {group name: actions}}.
    Later rights migrations call this with their own table."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for (app_label, model), groups in rights.items():
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for group_name, actions in groups.items():
            group, _ = Group.objects.get_or_create(name=group_name)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


def revoke_rights(apps, rights):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for (app_label, model), groups in rights.items():
        for group_name, actions in groups.items():
            codenames = [f"{action}_{model}" for action in actions]
            permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            for group in Group.objects.filter(name=group_name):
                group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0002_roles_and_review_workflow"),
        ("news", "0005_email_alerts"),
        ("participation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
