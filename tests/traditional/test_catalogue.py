"""The Traditional interface catalogue: written from the Simplified one, committed, current, compiled."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.utils import translation

from ..html import parse

ROOT = Path(__file__).resolve().parents[2]


def catalogue(root, language):
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


def translations(path):
    return {(entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.pofile(str(path)) if entry.msgid}


def test_committed_catalogue_is_the_one_the_command_writes(tmp_path, settings):
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]

    call_command("traditional_catalogue", verbosity=0)

    assert translations(catalogue(tmp_path, "zh_Hant")) == translations(catalogue(ROOT, "zh_Hant")), (
        "run `make messages`"
    )


def test_compiled_catalogue_matches_its_source():
    po = polib.pofile(str(catalogue(ROOT, "zh_Hant")))
    mo = polib.mofile(str(catalogue(ROOT, "zh_Hant").with_suffix(".mo")))
    assert {e.msgid: e.msgstr for e in mo if e.msgid} == {e.msgid: e.msgstr for e in po.translated_entries()}


def test_every_simplified_string_has_its_traditional_form():
    simplified = translations(catalogue(ROOT, "zh_Hans"))
    traditional = translations(catalogue(ROOT, "zh_Hant"))
    assert simplified.keys() == traditional.keys()
    assert all(traditional[key] for key, text in simplified.items() if text)


def test_words_follow_traditional_usage_not_only_script():
    with translation.override("zh-hant"):
        assert translation.gettext("Language") == "語言"
    po = {entry.msgstr for entry in polib.pofile(str(catalogue(ROOT, "zh_Hant")))}
    assert not any("信息" in text for text in po)  # 資訊 in Traditional usage


@pytest.mark.django_db
def test_known_interface_string_renders_in_traditional(client, home):
    assert parse(client.get("/zh-hant/")).find("nav", class_="language-switcher")["aria-label"] == "語言"
