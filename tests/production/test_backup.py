"""`make backup` then `make restore` into an empty database brings back every page, revision
and file (scripts/backup, scripts/restore)."""

import hashlib
import importlib.machinery
import importlib.util
import os
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.db import connection
from django.db.utils import ConnectionHandler

from tests.factories import NewsArticlePageFactory

ROOT = Path(__file__).resolve().parents[2]
TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "news_newsarticlepage",
    "media_library_customimage",
    "media_library_customrendition",
    "auth_user",
]


def script(name):
    loader = importlib.machinery.SourceFileLoader(f"{name}_script", str(ROOT / "scripts" / name))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def rows(cursor, table):
    cursor.execute(f"SELECT * FROM {table} ORDER BY 1")  # noqa: S608 (a fixed list of names)
    return cursor.fetchall()


def files(media_root):
    return {
        path.relative_to(media_root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(media_root).rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def empty_database(tmp_path):
    """A second, empty database of the same engine as the suite's."""
    current = connection.settings_dict
    if current["ENGINE"] == "django.db.backends.sqlite3":
        yield {**current, "NAME": str(tmp_path / "restored.sqlite3"), "TEST": {}}
        return
    backup_script = script("backup")
    env = backup_script.postgres_environment(current)
    name = f"{current['NAME']}_restored"
    subprocess.run(["dropdb", "--if-exists", name], check=True, env=env)
    subprocess.run(["createdb", name], check=True, env=env)
    yield {**current, "NAME": name, "TEST": {}}
    subprocess.run(["dropdb", "--if-exists", name], check=True, env=env)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_and_restore_bring_back_every_page_revision_and_file(
    news_index, settings, tmp_path, empty_database, admin_user
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    embargoed = settings.PRIVATE_MEDIA_ROOT / "embargoed" / "k3x9" / "campus.jpg"
    embargoed.parent.mkdir(parents=True)
    embargoed.write_bytes(b"an embargoed release's picture")
    articles = [NewsArticlePageFactory(parent=news_index) for _ in range(3)]
    for article in articles:
        article.title_en = f"{article.title_en} (revised)"
        article.save_revision(user=admin_user).publish()
        article.lead_image.get_rendition("fill-400x300")
    original_files = files(settings.MEDIA_ROOT)
    assert len(original_files) >= 6  # three originals and three renditions

    archive = tmp_path / "backup.tar.gz"
    output, manifest = script("backup").backup(archive)
    assert output == archive
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and manifest["database"] in names
    assert {f"media/{name}" for name in original_files} <= set(names)
    assert "private-media/embargoed/k3x9/campus.jpg" in names

    restored_media = tmp_path / "restored-media"
    restored_private = tmp_path / "restored-private-media"
    script("restore").restore(
        archive, database=empty_database, media_root=restored_media, private_media_root=restored_private
    )

    assert files(restored_media) == original_files
    assert files(restored_private) == files(settings.PRIVATE_MEDIA_ROOT)
    assert (restored_private / "embargoed/k3x9/campus.jpg").read_bytes() == embargoed.read_bytes()
    restored = ConnectionHandler({"default": empty_database})["default"]
    try:
        with connection.cursor() as live, restored.cursor() as copy:
            for table in TABLES:
                original = rows(live, table)
                assert original, table
                assert rows(copy, table) == original, table
    finally:
        restored.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_database_that_is_not_empty(home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive, _ = script("backup").backup(tmp_path / "backup.tar.gz")
    restore = script("restore")
    with pytest.raises(restore.RestoreError, match="not empty"):
        restore.restore(archive, database=connection.settings_dict, media_root=tmp_path / "elsewhere")


def test_make_restore_without_an_archive_says_how_to_use_it():
    result = subprocess.run(
        ["make", "--no-print-directory", "restore"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "MAKEFLAGS": ""},
        timeout=120,
    )
    assert result.returncode != 0
    assert "usage: make restore BACKUP=path/to/backup.tar.gz" in result.stdout
