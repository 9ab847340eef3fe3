"""The site settings, moved here from home (home 0004 renamed the table): the model joins the
state, and its content type follows, so permissions and references keep pointing at it."""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models

from website.moves import relabel_content_types


class Migration(migrations.Migration):
    dependencies = [
        ("media_library", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("website", "0001_page_tree_index"),
        ("home", "0004_move_sitesettings_to_website"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SiteSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('organisation_name', models.CharField(max_length=200, verbose_name='organisation name')),
                        ('organisation_name_zh_hans', models.CharField(max_length=200, null=True, verbose_name='organisation name')),
                        ('organisation_name_en', models.CharField(max_length=200, null=True, verbose_name='organisation name')),
                        ('address', models.CharField(blank=True, max_length=300, verbose_name='address')),
                        ('address_zh_hans', models.CharField(blank=True, max_length=300, null=True, verbose_name='address')),
                        ('address_en', models.CharField(blank=True, max_length=300, null=True, verbose_name='address')),
                        ('phone', models.CharField(blank=True, max_length=50, verbose_name='telephone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='email')),
                        ('press_boilerplate', wagtail.fields.RichTextField(blank=True, help_text='About the organisation, printed at the end of press releases.', verbose_name='press boilerplate')),
                        ('press_boilerplate_zh_hans', wagtail.fields.RichTextField(blank=True, help_text='About the organisation, printed at the end of press releases.', null=True, verbose_name='press boilerplate')),
                        ('press_boilerplate_en', wagtail.fields.RichTextField(blank=True, help_text='About the organisation, printed at the end of press releases.', null=True, verbose_name='press boilerplate')),
                        ('social_links', wagtail.fields.StreamField([('link', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example WeChat or LinkedIn', 'label': 'Name', 'max_length': 40}), 1: ('wagtail.blocks.URLBlock', (), {'label': 'Address'}), 2: ('wagtail.blocks.StructBlock', [[('name', 0), ('url', 1)]], {})}, verbose_name='social links')),
                        ('icp_number', models.CharField(blank=True, help_text='Shown in the footer with a link to the MIIT filing system.', max_length=100, verbose_name='ICP filing number')),
                        ('icp_number_zh_hans', models.CharField(blank=True, help_text='Shown in the footer with a link to the MIIT filing system.', max_length=100, null=True, verbose_name='ICP filing number')),
                        ('icp_number_en', models.CharField(blank=True, help_text='Shown in the footer with a link to the MIIT filing system.', max_length=100, null=True, verbose_name='ICP filing number')),
                        ('public_security_number', models.CharField(blank=True, max_length=100, verbose_name='public-security filing number')),
                        ('public_security_number_zh_hans', models.CharField(blank=True, max_length=100, null=True, verbose_name='public-security filing number')),
                        ('public_security_number_en', models.CharField(blank=True, max_length=100, null=True, verbose_name='public-security filing number')),
                        ('public_security_code', models.CharField(blank=True, help_text='The digits only, used for the link to the filing record.', max_length=30, verbose_name='public-security record code')),
                        ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='media_library.customimage', verbose_name='logo')),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                        'verbose_name': 'site settings',
                    },
                ),
            ]
        ),
        relabel_content_types("home", "website", ["sitesettings"]),
    ]
