"""The models that moved app keep every row: the site settings (home -> website, its English gate
-> workflow.ReviewSettings) and the journalists' services (news -> newsroom).

A scratch database of the suite's engine gets the demo and one row of each moved table the
demo leaves empty; its migrations are then undone to before the moves (home 0003, news 0006,
workflow 0004) and done again. The old tables, read between, hold exactly the rows the new
tables hold before and after, and the content types, group rights and queued alert tasks
follow the models.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.db.utils import ConnectionHandler

ROOT = Path(__file__).resolve().parents[2]
MOVED_TO_NEWSROOM = [
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
# (table before the moves, table after)
TABLES = [("home_sitesettings", "website_sitesettings")] + [
    (f"news_{model}", f"newsroom_{model}") for model in MOVED_TO_NEWSROOM
]
OLD_LABELS, NEW_LABELS = ("home", "news"), ("website", "newsroom")
# Columns that migrations after the moves added: undone with them, so not compared.
ADDED_AFTER_THE_MOVES = {
    "english_gate",
    "share_image_id",
    # website 0004: the footer's WeChat QR code and government site marks.
    "wechat_qr_id",
    "site_identifier",
    "government_mark_id",
    "government_mark_url",
    # website 0005: the inquiry form every footer links.
    "inquiry_page_id",
    # newsroom 0002: when a subscriber consented and was last sent a confirmation.
    "confirmation_sent_at",
    "consented_at",
}
BEFORE_THE_MOVES = [
    ("website", "0001_page_tree_index"),
    ("newsroom", "zero"),
    ("news", "0006_rights_for_email_alerts"),
    ("home", "0003_sitesettings_english_gate"),
    ("workflow", "0004_rights_for_stories_and_inquiries"),
]
# Rows of the tables the demo leaves empty, written with the current code.
EXTRA_ROWS = """
from datetime import timedelta
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Site
from workflow.models import ReviewSettings
from news.models import NewsArticlePage
from newsroom.models import AlertDelivery, ArticleAttachment, EmbargoPreview, EmbargoPreviewUse, Subscriber
from newsroom.tasks import send_alert
release = NewsArticlePage.objects.filter(kind="press_release").first()
subscriber = Subscriber.objects.create(
    email="reporter@example.org", language="en", confirmed_at=timezone.now()
)
AlertDelivery.objects.create(subscriber=subscriber, page=release, attempts=2, last_error="SMTP down")
preview = EmbargoPreview.objects.create(
    page=release, journalist_name="王记者", journalist_email="w@example.org"
)
EmbargoPreviewUse.objects.create(preview=preview, ip_address="203.0.113.9", outcome="shown")
document = Document.objects.create(title="全文", file="documents/full-text.pdf")
ArticleAttachment.objects.create(page=release, document=document, title_zh_hans="全文", title_en="Full text")
site = Site.objects.get(is_default_site=True)
ReviewSettings.objects.update_or_create(site=site, defaults={"english_gate": ["news.newsarticlepage"]})
send_alert.using(run_after=timezone.now() + timedelta(days=1)).enqueue(1, 2)
"""


@pytest.fixture
def scratch_database(tmp_path):
    """A database of the suite's engine, for `manage.py` in a subprocess, and its settings."""
    current = connection.settings_dict
    if current["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path / "moves.sqlite3"
        yield f"sqlite:///{path}", {**current, "NAME": str(path), "TEST": {}}
        return
    name = f"{current['NAME']}_moves"
    env = {
        **os.environ,
        "PGHOST": current["HOST"] or "",
        "PGPORT": str(current["PORT"] or ""),
        "PGUSER": current["USER"],
    }
    subprocess.run(["dropdb", "--if-exists", name], check=True, env=env)
    subprocess.run(["createdb", name], check=True, env=env)
    port = f":{current['PORT']}" if current["PORT"] else ""
    yield (
        f"postgres://{current['USER']}@{current['HOST']}{port}/{name}",
        {**current, "NAME": name, "TEST": {}},
    )
    subprocess.run(["dropdb", "--if-exists", name], check=True, env=env)


def manage(url, tmp_path, *args):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        # Development settings: their task queue is the database's, which can hold a task for later.
        "DJANGO_SETTINGS_MODULE": "website.settings.dev",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private-media"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def read(database, query):
    handler = ConnectionHandler({"default": database})
    try:
        with handler["default"].cursor() as cursor:
            cursor.execute(query)
            return [tuple(str(value) for value in row) for row in cursor.fetchall()]
    finally:
        handler.close_all()


def columns(database, table):
    """The table's column names and its primary key's."""
    handler = ConnectionHandler({"default": database})
    introspection = handler["default"].introspection
    try:
        with handler["default"].cursor() as cursor:
            names = [column.name for column in introspection.get_table_description(cursor, table)]
            return names, introspection.get_primary_key_column(cursor, table)
    finally:
        handler.close_all()


def snapshot(database, tables, gate_table, app_labels):
    """Every row of `tables`, each English gate by site, the moved content types, the rights
    groups hold on them and the queued alert tasks, named so both sides compare."""
    rows = {}
    for table in tables:
        names, key = columns(database, table)
        names = sorted(name for name in names if name not in ADDED_AFTER_THE_MOVES)
        query = f"SELECT {', '.join(names)} FROM {table} ORDER BY {key}"  # noqa: S608
        rows[table.split("_", 1)[1]] = read(database, query)
    gate_query = f"SELECT site_id, english_gate FROM {gate_table} ORDER BY site_id"  # noqa: S608
    rows["english gate"] = [(site, gate.replace(" ", "")) for site, gate in read(database, gate_query)]
    models = "', '".join(["sitesettings", *MOVED_TO_NEWSROOM])
    # Only the labels of this side: `migrate` back to before the moves, run by today's code,
    # makes content types for today's models again (post_migrate), which the way forward drops.
    labels = "', '".join(app_labels)
    rows["content types"] = read(
        database,
        f"SELECT id, model FROM django_content_type WHERE model IN ('{models}')"  # noqa: S608
        f" AND app_label IN ('{labels}') ORDER BY id",
    )
    rows["rights"] = read(
        database,
        "SELECT g.name, p.codename, p.content_type_id FROM auth_group g"
        " JOIN auth_group_permissions gp ON gp.group_id = g.id"
        " JOIN auth_permission p ON p.id = gp.permission_id"
        f" WHERE p.content_type_id IN (SELECT id FROM django_content_type WHERE model IN ('{models}'))"  # noqa: S608
        " ORDER BY g.name, p.codename",
    )
    rows["queued tasks"] = read(
        database,
        "SELECT id, args_kwargs FROM django_tasks_database_dbtaskresult"
        " WHERE task_path LIKE '%.tasks.send_alert' ORDER BY id",
    )
    return rows


@pytest.mark.django_db
def test_moving_models_between_apps_keeps_every_row(scratch_database, tmp_path):
    url, database = scratch_database
    manage(url, tmp_path, "migrate", "--noinput")
    manage(url, tmp_path, "update_translation_fields")
    manage(url, tmp_path, "load_demo", "--verbosity", "0")
    manage(url, tmp_path, "shell", "--command", EXTRA_ROWS)
    old_names, new_names = zip(*TABLES, strict=True)
    labels = "SELECT app_label, model FROM django_content_type WHERE model IN ('sitesettings', 'subscriber')"

    moved = snapshot(database, new_names, "workflow_reviewsettings", NEW_LABELS)
    assert all(moved[table.split("_", 1)[1]] for table in new_names), "every moved table has rows"
    assert sorted(read(database, labels)) == [("newsroom", "subscriber"), ("website", "sitesettings")]

    for app, target in BEFORE_THE_MOVES:
        manage(url, tmp_path, "migrate", app, target, "--noinput")
    before = snapshot(database, old_names, "home_sitesettings", OLD_LABELS)
    assert sorted(read(database, labels)) == [("home", "sitesettings"), ("news", "subscriber")]
    assert before == moved

    manage(url, tmp_path, "migrate", "--noinput")
    after = snapshot(database, new_names, "workflow_reviewsettings", NEW_LABELS)
    assert after == before
    assert sorted(read(database, labels)) == [("newsroom", "subscriber"), ("website", "sitesettings")]
    queued = read(database, "SELECT task_path FROM django_tasks_database_dbtaskresult WHERE status = 'READY'")
    assert ("newsroom.tasks.send_alert",) in queued


@pytest.mark.parametrize(
    "old, new",
    [
        ("/admin/settings/home/sitesettings/1/", "/admin/settings/website/sitesettings/1/"),
        ("/admin/snippets/news/mediacontact/", "/admin/snippets/newsroom/mediacontact/"),
        ("/admin/snippets/news/embargopreview/add/", "/admin/snippets/newsroom/embargopreview/add/"),
    ],
)
def test_old_admin_addresses_of_moved_models_redirect(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
