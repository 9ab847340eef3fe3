"""The journalists' services move to their own app, newsroom: media contacts, press-release
attachments and contacts, the newsroom page and press kit, embargo preview links and email
alerts. Their tables are renamed, not copied, so no row is lost or renumbered; newsroom 0001
takes the models over and relabels their content types."""

from django.db import migrations

MOVED = [
    "mediacontact",
    "articlemediacontact",
    "articleattachment",
    "newsroompage",
    "newsroommediacontact",
    "presskitimage",
    "embargopreview",
    "embargopreviewuse",
    "subscriber",
    "alertdelivery",
]


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_rights_for_email_alerts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="mediacontact", table="newsroom_mediacontact"),
                migrations.AlterModelTable(name="articlemediacontact", table="newsroom_articlemediacontact"),
                migrations.AlterModelTable(name="articleattachment", table="newsroom_articleattachment"),
                migrations.AlterModelTable(name="newsroompage", table="newsroom_newsroompage"),
                migrations.AlterModelTable(
                    name="newsroommediacontact", table="newsroom_newsroommediacontact"
                ),
                migrations.AlterModelTable(name="presskitimage", table="newsroom_presskitimage"),
                migrations.AlterModelTable(name="embargopreview", table="newsroom_embargopreview"),
                migrations.AlterModelTable(name="embargopreviewuse", table="newsroom_embargopreviewuse"),
                migrations.AlterModelTable(name="subscriber", table="newsroom_subscriber"),
                migrations.AlterModelTable(name="alertdelivery", table="newsroom_alertdelivery"),
            ],
            state_operations=[
                migrations.RemoveConstraint(
                    model_name="alertdelivery",
                    name="one_alert_per_release",
                ),
                migrations.RemoveField(
                    model_name="articlemediacontact",
                    name="contact",
                ),
                migrations.RemoveField(
                    model_name="articlemediacontact",
                    name="page",
                ),
                migrations.RemoveField(
                    model_name="embargopreview",
                    name="created_by",
                ),
                migrations.RemoveField(
                    model_name="embargopreview",
                    name="page",
                ),
                migrations.RemoveField(
                    model_name="embargopreviewuse",
                    name="preview",
                ),
                migrations.RemoveField(
                    model_name="newsroommediacontact",
                    name="contact",
                ),
                migrations.RemoveField(
                    model_name="newsroommediacontact",
                    name="page",
                ),
                migrations.RemoveField(
                    model_name="newsroompage",
                    name="page_ptr",
                ),
                migrations.RemoveField(
                    model_name="presskitimage",
                    name="page",
                ),
                migrations.RemoveField(
                    model_name="presskitimage",
                    name="image",
                ),
                migrations.RemoveField(
                    model_name="alertdelivery",
                    name="page",
                ),
                migrations.RemoveField(
                    model_name="alertdelivery",
                    name="subscriber",
                ),
                migrations.DeleteModel(
                    name="ArticleAttachment",
                ),
                migrations.DeleteModel(
                    name="ArticleMediaContact",
                ),
                migrations.DeleteModel(
                    name="EmbargoPreview",
                ),
                migrations.DeleteModel(
                    name="EmbargoPreviewUse",
                ),
                migrations.DeleteModel(
                    name="MediaContact",
                ),
                migrations.DeleteModel(
                    name="NewsroomMediaContact",
                ),
                migrations.DeleteModel(
                    name="NewsroomPage",
                ),
                migrations.DeleteModel(
                    name="PressKitImage",
                ),
                migrations.DeleteModel(
                    name="AlertDelivery",
                ),
                migrations.DeleteModel(
                    name="Subscriber",
                ),
            ],
        ),
    ]
