"""Checks that hold for the whole site: one <h1>, error pages, migrations, catalogues."""

import io
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.template.loader import get_template
from django.utils import translation

from ..factories import KeywordFactory, NewsArticlePageFactory, StandardPageFactory
from ..html import parse

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_every_public_page_has_exactly_one_h1(client, home, news_index):
    keyword = KeywordFactory(slug="park")
    StandardPageFactory(parent=home, slug_zh_hans="guanyu", slug_en="about")
    NewsArticlePageFactory(
        parent=news_index, slug_zh_hans="youyingwen", slug_en="with-english", keywords=[keyword]
    )
    NewsArticlePageFactory(parent=news_index, slug_zh_hans="wuyingwen", english=False)
    urls = [
        "/",
        "/guanyu/",
        "/xinwen/",
        "/xinwen/?page=9",
        "/xinwen/youyingwen/",
        "/xinwen/wuyingwen/",
        "/xinwen/keywords/park/",
        "/no-such-page/",
        "/en/",
        "/en/about/",
        "/en/news/",
        "/en/news/with-english/",
        "/en/news/wuyingwen/",
        "/en/news/keywords/park/",
        "/en/no-such-page/",
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert len(parse(response).find_all("h1")) == 1, url


@pytest.mark.django_db
def test_not_found_page_speaks_the_readers_language(client, home):
    chinese = client.get("/no-such-page/")
    english = client.get("/en/no-such-page/")

    assert chinese.status_code == english.status_code == 404
    assert parse(chinese).html["lang"] == "zh-Hans"
    assert parse(english).html["lang"] == "en"
    assert "Page not found" in parse(english).find("h1").get_text()
    assert parse(chinese).find("h1").get_text(strip=True) != parse(english).find("h1").get_text(strip=True)


@pytest.mark.parametrize("language, lang_attribute", [("zh-hans", "zh-Hans"), ("en", "en")])
def test_server_error_page_renders_without_context(language, lang_attribute):
    with translation.override(language):
        html = get_template("500.html").render({})
    assert f'lang="{lang_attribute}"' in html
    assert html.count("<h1") == 1


def test_no_model_change_lacks_its_migration(db):
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def catalogue(language):
    return ROOT / "locale" / language / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("language", ["zh_Hans", "en"])
def test_compiled_catalogue_matches_its_source(language):
    po = polib.pofile(catalogue(language))
    mo = polib.mofile(catalogue(language).with_suffix(".mo"))
    translated = {entry.msgid: entry.msgstr for entry in po.translated_entries()}
    compiled = {entry.msgid: entry.msgstr for entry in mo if entry.msgid}
    assert compiled == translated


def test_chinese_catalogue_translates_every_string():
    po = polib.pofile(catalogue("zh_Hans"))
    missing = [entry.msgid for entry in po if not entry.translated() and not entry.obsolete]
    assert missing == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_catalogues_hold_every_string_in_the_code(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(
        ROOT,
        tree,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "media", "test-artifacts", "static", "*.sqlite3", "__pycache__"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale",
            "zh_Hans",
            "--ignore",
            ".venv/*",
            "--no-obsolete",
        ],
        cwd=tree,
        check=True,
        capture_output=True,
    )
    fresh = {entry.msgid for entry in polib.pofile(tree / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")}
    committed = {entry.msgid for entry in polib.pofile(catalogue("zh_Hans"))}
    assert sorted(fresh - committed) == [], "run `make messages` and translate the new strings"


@pytest.mark.django_db
@pytest.mark.parametrize("url, expected", [("/", "跳到正文"), ("/en/", "Skip to main content")])
def test_known_interface_string_renders_in_each_language(client, home, url, expected):
    assert parse(client.get(url)).find("a", href="#main").get_text(strip=True) == expected
