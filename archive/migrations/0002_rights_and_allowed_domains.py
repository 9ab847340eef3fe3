"""Importing an archive is a right of Site administrators (docs/permissions.md), and so is editing
the allow-list of link domains; the list starts with the domains of government, universities and
the main news sites an article of the zone may cite."""

from django.db import migrations

GROUP = "Site administrators"
RIGHTS = [
    ("importrun", "import_archive", "Can import an old site's archive"),
    ("alloweddomain", "add_alloweddomain", "Can add allowed link domain"),
    ("alloweddomain", "change_alloweddomain", "Can change allowed link domain"),
    ("alloweddomain", "delete_alloweddomain", "Can delete allowed link domain"),
    ("alloweddomain", "view_alloweddomain", "Can view allowed link domain"),
]
DOMAINS = [
    ("gov.cn", "Government"),
    ("edu.cn", "Universities"),
    ("ac.cn", "Academies"),
    ("xinhuanet.com", "Xinhua"),
    ("people.com.cn", "People's Daily"),
    ("dzwww.com", "Dazhong (Shandong)"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for model, codename, name in RIGHTS:
        content_type, _ = ContentType.objects.get_or_create(app_label="archive", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)
    AllowedDomain = apps.get_model("archive", "AllowedDomain")
    for domain, note in DOMAINS:
        AllowedDomain.objects.get_or_create(domain=domain, defaults={"note": note})


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [codename for _model, codename, _name in RIGHTS]
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="archive", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
        ("workflow", "0002_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
