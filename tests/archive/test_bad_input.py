"""Archives that are broken or hostile: each gets a clear message in the operator's language,
nothing is written outside the media root, nothing runs, and the rest still imports."""

import io
import random
import zipfile

import pytest

from archive.models import ImportRecord
from news.models import NewsArticlePage

from . import samples
from .conftest import make_folder, zip_bytes

pytestmark = pytest.mark.django_db
GOOD = (
    "园区新增十五个项目\n\n2024-01-08 10:00\n\n园区新开工项目十五个，完成投资一百二十亿元，各项目进展顺利。\n"
)


def failures():
    return {record.source: record.details[0] for record in ImportRecord.objects.filter(outcome="failed")}


def test_corrupt_zip_says_so(tmp_path, run_import):
    random.seed(4)
    path = tmp_path / "broken.zip"
    path.write_bytes(bytes(random.randrange(256) for _ in range(4000)))

    out = run_import(path)

    assert "broken.zip is not a readable ZIP archive" in out
    assert NewsArticlePage.objects.count() == 0


def test_truncated_zip_still_gives_up_its_whole_entries(tmp_path, run_import):
    data = zip_bytes(
        {"a.txt": GOOD, "b.txt": GOOD.replace("十五", "十六"), "c.txt": GOOD.replace("十五", "二十") * 50}
    )
    path = tmp_path / "cut.zip"
    path.write_bytes(
        data[: data.find(b"PK\x01\x02") - 10]
    )  # the directory at the end and c.txt's end are gone

    out = run_import(path, language="zh-hans")

    assert "cut.zip 已损坏或不完整：仍可从中读取 3 个文件" in out
    assert "c.txt：在归档中已损坏" in out
    assert NewsArticlePage.objects.count() == 2


def test_entries_leading_outside_the_archive_are_refused(tmp_path, run_import, settings):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../escape.txt", GOOD)
        archive.writestr("/etc/cron.d/evil.txt", GOOD)
        archive.writestr("ok/good.txt", GOOD)
    (tmp_path / "paths.zip").write_bytes(buffer.getvalue())

    out = run_import(tmp_path / "paths.zip")

    assert "../../escape.txt: refused, its path leads outside the archive" in out
    assert "/etc/cron.d/evil.txt: refused" in out
    assert NewsArticlePage.objects.count() == 1
    assert not (tmp_path.parent / "escape.txt").exists() and not (tmp_path / "escape.txt").exists()


def test_zip_bomb_is_refused(tmp_path, run_import, settings):
    settings.ARCHIVE_MAX_UNPACKED_SIZE = 30 * 1024 * 1024
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a-good.txt", GOOD)
        archive.writestr("bomb.txt", b"\0" * (20 * 1024 * 1024))  # 20 MB packs into ~20 KB
        for number in range(3):
            archive.writestr(f"big-{number}.html", b"<p>" + b"x" * (12 * 1024 * 1024))

    out = run_import(path)

    assert "bomb.txt: refused, it would unpack to" in out and "ZIP bomb" in out
    assert "would unpack to more than 30 MB in all" in out or "times its packed size" in out
    assert NewsArticlePage.objects.count() == 1


def test_xml_bomb_in_a_wordpress_export_is_refused(tmp_path, run_import):
    files = {"bomb.xml": samples.XML_BOMB, "good.txt": GOOD}

    out = run_import(make_folder(tmp_path / "export", files), language="zh-hans")

    assert "bomb.xml" in out and "XML 炸弹" in out
    assert NewsArticlePage.objects.count() == 1


def test_file_in_an_unknown_encoding_is_refused_with_a_message(tmp_path, run_import):
    random.seed(7)
    files = {"garbage.txt": bytes(random.randrange(256) for _ in range(3000)), "good.txt": GOOD}

    out = run_import(make_folder(tmp_path / "export", files))

    assert "The file is in no encoding the importer can recognise" in out
    assert failures()["garbage.txt"]["code"] == "encoding_unknown"
    assert NewsArticlePage.objects.count() == 1


def test_manifest_with_missing_columns_names_them(tmp_path, run_import):
    files = {"manifest.csv": "url,date\nhttp://old.example.cn/1.html,2024-01-01\n", "good.txt": GOOD}

    out = run_import(make_folder(tmp_path / "export", files), language="zh-hans")

    assert "manifest.csv：清单缺少列 title, body_html / body_text" in out
    assert NewsArticlePage.objects.count() == 1


def test_a_report_csv_is_left_by_every_run(tmp_path, run_import):
    run_import(make_folder(tmp_path / "export", {"good.txt": GOOD}), language="zh-hans")
    text = (tmp_path / "report.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("序号,来源,原地址,标题,结果")
    assert "园区新增十五个项目" in text and "已导入" in text
