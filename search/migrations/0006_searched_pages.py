"""The site search's own row for each searchable page (search.models.SearchedPage), kept by the
indexing (search.searched), filled here from the pages and the index as they are, so that the
search finds what it found before without a reindex."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill(apps, schema_editor):
    from search.kinds import KINDS

    try:
        entries = apps.get_model("wagtailsearch", "IndexEntry")
    except LookupError:
        return
    if not entries.objects.exists():
        return  # a new database: the pages' rows are written as they are indexed
    content_types = apps.get_model("contenttypes", "ContentType")
    searched = apps.get_model("site_search", "SearchedPage")
    rows = []
    for kind in KINDS:
        app_label, model_name = kind.model_label.split(".")
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        content_type = content_types.objects.filter(app_label=app_label, model=model_name.lower()).first()
        if content_type is None:
            continue
        ids = dict(
            entries.objects.filter(content_type_id=content_type.pk).values_list("object_id", "id")
        )
        # The page type's date field, as the search reads it (search.kinds.Kind.date_field):
        # a historical model has its fields, not its class attributes.
        date_field = kind.date_field if kind.model is not None else "first_published_at"
        fields = {field.name for field in model._meta.get_fields()}
        if not {"has_english", date_field, *kind.filters} <= fields:
            continue
        pages = model.objects.filter(content_type_id=content_type.pk, **kind.filters)
        for pk, has_english, date, first_published_at in pages.values_list(
            "pk", "has_english", date_field, "first_published_at"
        ):
            entry = ids.get(str(pk))
            if entry is not None:
                rows.append(
                    searched(
                        page_id=pk,
                        entry=entry,
                        kind=kind.key,
                        has_english=has_english,
                        date=first_published_at if date is None else date,
                    )
                )
    searched.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0005_title_score_once_per_language"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchedPage",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="searched",
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("entry", models.IntegerField(db_index=True)),
                ("kind", models.CharField(max_length=32)),
                ("has_english", models.BooleanField()),
                ("date", models.DateTimeField(null=True)),
            ],
            options={"verbose_name": "searched page"},
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
