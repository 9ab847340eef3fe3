"""Archives made in the tests: the two seed articles as they are (damage included), re-encoded where
a test asks, and small made-up exports in every format the importer reads."""

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command

# Byte-for-byte copies kept with the tests (seeds/README.md); ARCHIVE_SEEDS reads another folder.
SEEDS = Path(os.environ.get("ARCHIVE_SEEDS") or Path(__file__).resolve().parent / "seeds")
TRADITIONAL_SEED = "000_93236ae547b8a386.txt"
ANNOTATED_SEED = "003_1b673c4e7e4bcaeb.txt"


def seed_bytes(name):
    return (SEEDS / name).read_bytes()


def seed_text(name):
    return seed_bytes(name).decode("utf-8")


def make_folder(root, files):
    """files: {relative path: bytes or str}"""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def make_zip(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return path


def zip_bytes(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def png_bytes(color="teal", size=(40, 30)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def run_import(news_index, tmp_path):
    """run_import(path, "--dry-run", ...) -> the command's output; the CSV report lands in tmp_path."""

    def run(path, *args, language="en"):
        out = io.StringIO()
        report = tmp_path / "report.csv"
        extra = [] if "--dry-run" in args or "--report" in args else ["--report", str(report)]
        call_command(
            "import_archive",
            str(path),
            "--section",
            str(news_index.pk),
            "--no-progress",
            "--language",
            language,
            *extra,
            *args,
            stdout=out,
        )
        return out.getvalue()

    return run


@pytest.fixture
def seed_folder(tmp_path):
    def make(*names, encoding=None):
        files = {}
        for name in names:
            data = seed_bytes(name)
            files[name] = data if encoding is None else data.decode("utf-8").encode(encoding)
        return make_folder(tmp_path / "export", files)

    return make


@pytest.fixture(autouse=True)
def clean_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)
