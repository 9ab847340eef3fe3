"""The journalists' services, moved here from news (news 0007 renamed their tables): the models
join the state, their content types follow, so permissions, page types, revisions and search
entries keep pointing at them, and queued alert tasks keep their place in the queue."""

import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
import newsroom.models
import wagtail.contrib.routable_page.models
from django.conf import settings
from django.db import migrations, models

from website.moves import relabel_content_types


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
TASKS = {"news.tasks.send_release_alerts": "newsroom.tasks.send_release_alerts", "news.tasks.send_alert": "newsroom.tasks.send_alert"}


def rename_tasks(apps, mapping):
    """Alert tasks waiting in the queue name their function: the worker must find it here."""
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in mapping.items():
        results.objects.filter(task_path=old).update(task_path=new)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('media_library', '0001_initial'),
        ('news', '0007_move_journalist_services_to_newsroom'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MediaContact',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('name_zh_hans', models.CharField(max_length=100, null=True, verbose_name='name')),
                        ('name_en', models.CharField(max_length=100, null=True, verbose_name='name')),
                        ('role', models.CharField(blank=True, help_text='For example Press officer', max_length=200, verbose_name='role')),
                        ('role_zh_hans', models.CharField(blank=True, help_text='For example Press officer', max_length=200, null=True, verbose_name='role')),
                        ('role_en', models.CharField(blank=True, help_text='For example Press officer', max_length=200, null=True, verbose_name='role')),
                        ('phone', models.CharField(blank=True, max_length=50, verbose_name='telephone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='email')),
                    ],
                    options={
                        'verbose_name': 'media contact',
                        'verbose_name_plural': 'media contacts',
                        'ordering': ['name'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='NewsroomPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('has_english', models.BooleanField(db_index=True, default=False, editable=False, help_text='Derived on save: every field a reader needs is filled in English.', verbose_name='has English')),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                        ('intro_zh_hans', models.TextField(blank=True, null=True, verbose_name='introduction')),
                        ('intro_en', models.TextField(blank=True, null=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'newsroom',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='Subscriber',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254, unique=True, verbose_name='email')),
                        ('language', models.CharField(choices=[('zh-hans', '简体中文'), ('en', 'English')], max_length=10, verbose_name='language')),
                        ('topic', models.CharField(choices=[('press_releases', 'Press releases'), ('all_news', 'All news, including press releases')], default='press_releases', max_length=20, verbose_name='topics')),
                        ('key', models.CharField(default=newsroom.models.new_key, editable=False, max_length=64, unique=True)),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed at')),
                        ('unsubscribed_at', models.DateTimeField(blank=True, null=True, verbose_name='unsubscribed at')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='subscribed at')),
                    ],
                    options={
                        'verbose_name': 'alert subscriber',
                        'verbose_name_plural': 'alert subscribers',
                    },
                ),
                migrations.CreateModel(
                    name='ArticleAttachment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('title', models.CharField(blank=True, help_text="Leave empty to use the document's title.", max_length=255, verbose_name='link text')),
                        ('title_zh_hans', models.CharField(blank=True, help_text="Leave empty to use the document's title.", max_length=255, null=True, verbose_name='link text')),
                        ('title_en', models.CharField(blank=True, help_text="Leave empty to use the document's title.", max_length=255, null=True, verbose_name='link text')),
                        ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtaildocs.document', verbose_name='document')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='news.newsarticlepage')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='EmbargoPreview',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('token', models.CharField(default=newsroom.models.new_token, editable=False, max_length=64, unique=True)),
                        ('journalist_name', models.CharField(max_length=200, verbose_name='journalist')),
                        ('journalist_email', models.EmailField(max_length=254, verbose_name="journalist's email")),
                        ('outlet', models.CharField(blank=True, max_length=200, verbose_name='media outlet')),
                        ('revoked', models.BooleanField(default=False, help_text='Tick to make the link stop working at once.', verbose_name='revoked')),
                        ('revoked_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='revoked at')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('page', models.ForeignKey(help_text='A press release scheduled for publication (go-live date in the future).', on_delete=django.db.models.deletion.CASCADE, related_name='embargo_previews', to='news.newsarticlepage', verbose_name='press release')),
                    ],
                    options={
                        'verbose_name': 'embargo preview link',
                        'verbose_name_plural': 'embargo preview links',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='EmbargoPreviewUse',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('used_at', models.DateTimeField(auto_now_add=True, verbose_name='time')),
                        ('ip_address', models.GenericIPAddressField(blank=True, null=True, verbose_name='IP address')),
                        ('user_agent', models.CharField(blank=True, max_length=400, verbose_name='browser')),
                        ('outcome', models.CharField(max_length=20, verbose_name='outcome')),
                        ('preview', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='uses', to='newsroom.embargopreview')),
                    ],
                    options={
                        'verbose_name': 'embargo preview use',
                        'ordering': ['-used_at'],
                    },
                ),
                migrations.CreateModel(
                    name='ArticleMediaContact',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='media_contacts', to='news.newsarticlepage')),
                        ('contact', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='newsroom.mediacontact', verbose_name='media contact')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='NewsroomMediaContact',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('contact', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='newsroom.mediacontact', verbose_name='media contact')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='media_contacts', to='newsroom.newsroompage')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='PressKitImage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('image', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='media_library.customimage', verbose_name='image')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='press_kit_images', to='newsroom.newsroompage')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='AlertDelivery',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('attempts', models.PositiveIntegerField(default=0)),
                        ('last_error', models.TextField(blank=True)),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='news.newsarticlepage')),
                        ('subscriber', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='newsroom.subscriber')),
                    ],
                    options={
                        'verbose_name': 'alert delivery',
                        'verbose_name_plural': 'alert deliveries',
                        'constraints': [models.UniqueConstraint(fields=('subscriber', 'page'), name='one_alert_per_release')],
                    },
                ),
            ]
        ),
        relabel_content_types("news", "newsroom", MOVED),
        migrations.RunPython(
            lambda apps, schema_editor: rename_tasks(apps, TASKS),
            lambda apps, schema_editor: rename_tasks(apps, {new: old for old, new in TASKS.items()}),
        ),
    ]
