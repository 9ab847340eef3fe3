"""For migrations that move a model to another app without losing a row: its table is renamed
(`AlterModelTable` in the old app) and its content type relabelled here, so the rows that
point at the content type (permissions, page types, revisions, log entries, search entries,
workflow states) follow the model unchanged."""

from django.db import migrations


def relabel_content_types(old_app_label, new_app_label, model_names):
    """A RunPython operation giving the models' content types to `new_app_label`, and back."""

    def relabel(apps, from_label, to_label):
        content_type = apps.get_model("contenttypes", "ContentType")
        for model in model_names:
            # A content type the new label got before this ran (a `migrate` interrupted
            # after post_migrate) holds nothing yet: the moved one replaces it.
            if content_type.objects.filter(app_label=from_label, model=model).exists():
                content_type.objects.filter(app_label=to_label, model=model).delete()
            content_type.objects.filter(app_label=from_label, model=model).update(app_label=to_label)

    return migrations.RunPython(
        lambda apps, schema_editor: relabel(apps, old_app_label, new_app_label),
        lambda apps, schema_editor: relabel(apps, new_app_label, old_app_label),
    )
