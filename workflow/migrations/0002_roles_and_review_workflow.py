"""The staff groups with exactly their permissions, and the three-level review on the whole tree.

docs/permissions.md describes the result (tests/workflow/test_permissions.py checks it).
Wagtail's own first migrations create "Editors" and "Moderators" with broad rights and a
one-step "Moderators approval" workflow on the root page: Editors is reset to the rights
below, and the Moderators group and its workflow give way to the three-level review.
Running this again (e.g. after someone changed a group by hand) restores the intended rights.
"""

from django.db import migrations

# Page permissions, granted on the tree's root so they hold for every site's pages.
PAGE = {
    "Writers": ["add", "change"],
    "Translators": ["add", "change"],
    "Editors": ["add", "change", "lock"],
    "Department heads": ["add", "change", "lock"],
    "Leadership": ["add", "change", "lock", "publish"],
    "Press officers": ["add", "change", "lock"],
    "Site administrators": ["add", "change", "lock", "unlock", "publish", "bulk_delete"],
}

# Images and documents, granted on the root collection.
MEDIA = {
    "Writers": ["add", "choose"],
    "Translators": ["change", "choose"],
    "Editors": ["add", "change", "delete", "choose"],
    "Department heads": ["choose"],
    "Leadership": ["choose"],
    "Press officers": ["add", "change", "delete", "choose"],
    "Site administrators": ["add", "change", "delete", "choose"],
}

# Snippets (people in bylines, keywords).
SNIPPETS = {
    "Writers": ["add", "change", "view"],
    "Translators": ["change", "view"],
    "Editors": ["add", "change", "delete", "view"],
    "Department heads": ["view"],
    "Leadership": ["view"],
    "Press officers": ["add", "change", "delete", "view"],
    "Site administrators": ["add", "change", "delete", "view"],
}
SNIPPET_MODELS = [("news", "person"), ("news", "keyword")]

# Everything else: (app label, codename) model permissions.
OTHER = {
    "Site administrators": [
        ("home", "change_sitesettings"),
        ("home", "view_sitesettings"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "delete_user"),
        ("auth", "view_user"),
    ],
}

# (task name, group): the name holds both languages so each reviewer reads it in theirs.
LEVELS = [
    ("初审 First review", "Editors", "wagtailcore", "groupapprovaltask"),
    ("复审 Second review", "Department heads", "wagtailcore", "groupapprovaltask"),
    ("终审 Final review", "Leadership", "workflow", "bilingualgatetask"),
]
WORKFLOW_NAME = "三级审核 Three-level review"


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    # Django creates permissions after migrating (post_migrate); on a fresh database they
    # do not exist yet, so make them as Django would.
    name = f"Can {codename.split('_', 1)[0]} {model}"
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def model_of(codename):
    """The model a codename like change_sitesettings belongs to."""
    return codename.split("_", 1)[1]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")

    for name in PAGE:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.clear()
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()

        group.permissions.add(access_admin)
        for app_label, model in SNIPPET_MODELS:
            for action in SNIPPETS[name]:
                group.permissions.add(permission(apps, app_label, model, f"{action}_{model}"))
        for app_label, codename in OTHER.get(name, []):
            group.permissions.add(permission(apps, app_label, model_of(codename), codename))
        if root_page is not None:
            for action in PAGE[name]:
                GroupPagePermission.objects.create(
                    group=group, page=root_page, permission=permission(apps, "wagtailcore", "page", f"{action}_page")
                )
        if root_collection is not None:
            for action in MEDIA[name]:
                for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                    GroupCollectionPermission.objects.create(
                        group=group,
                        collection=root_collection,
                        permission=permission(apps, app_label, model, f"{action}_{model}"),
                    )


def create_review_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for order, (task_name, group_name, app_label, model) in enumerate(LEVELS):
        Task = apps.get_model(app_label, model)
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        task = Task.objects.filter(name=task_name).first()
        if task is None:
            task = Task.objects.create(name=task_name, content_type=content_type, active=True)
        task.groups.set([Group.objects.get(name=group_name)])
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})

    # Wagtail's sample one-step workflow and the Moderators group (who could publish anything).
    Workflow.objects.filter(name="Moderators approval").update(active=False)
    apps.get_model("wagtailcore", "Task").objects.filter(name="Moderators approval").update(active=False)
    Group.objects.filter(name="Moderators", user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("home", "0001_initial"),
        ("news", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_review_workflow, migrations.RunPython.noop),
    ]
