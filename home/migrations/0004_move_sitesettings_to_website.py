"""The site settings move to the foundation (website.SiteSettings): the table is renamed,
not copied, and the English gate's column goes, its value copied to workflow.ReviewSettings
first (workflow 0005). website 0002 takes the model over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_sitesettings_english_gate"),
        ("workflow", "0005_reviewsettings"),
    ]

    operations = [
        migrations.RemoveField(model_name="sitesettings", name="english_gate"),
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable(name="sitesettings", table="website_sitesettings")],
            state_operations=[migrations.DeleteModel(name="SiteSettings")],
        ),
    ]
