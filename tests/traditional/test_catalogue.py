"""The Traditional interface catalogue: written from the Simplified one, committed, current, compiled."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from website.management.commands.traditional_catalogue import catalogue_dir, corrections
from website.traditional import STANDARDS, convert_text

from ..html import parse

ROOT = Path(__file__).resolve().parents[2]


def catalogue(root, language):
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


def traditional(locale_dir, standard):
    return catalogue_dir(locale_dir, standard) / "zh_Hant" / "LC_MESSAGES" / "django.po"


def translations(path):
    return {(entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.pofile(str(path)) if entry.msgid}


def test_committed_catalogues_are_the_ones_the_command_writes(tmp_path):
    shutil.copytree(ROOT / "locale", tmp_path / "locale")

    call_command("traditional_catalogue", locale_dir=tmp_path / "locale", verbosity=0)

    for standard in STANDARDS:
        written = translations(traditional(tmp_path / "locale", standard))
        committed = translations(traditional(ROOT / "locale", standard))
        assert written == committed, f"{standard}: run `make messages`"


@pytest.mark.parametrize("standard", sorted(STANDARDS))
def test_each_catalogue_follows_its_standard_and_the_corrections(standard):
    """What a reader sees is the catalogue as written: /zh-hant/ pages pass interface text through
    the standard's conversion again, which must change nothing (else the corrections would be lost)."""
    terms = corrections(ROOT / "locale", standard)
    entries = polib.pofile(str(traditional(ROOT / "locale", standard)))
    simplified = translations(catalogue(ROOT, "zh_Hans"))
    for entry in entries:
        if entry.msgstr:
            assert entry.msgstr == convert_text(simplified[(entry.msgctxt, entry.msgid)], standard, terms)
            assert convert_text(entry.msgstr, standard, ()) == entry.msgstr, entry.msgid
    text = "\n".join(entry.msgstr for entry in entries)
    assert not any(simplified_word in text for simplified_word, _ in terms)
    assert ("軟體" in text) == (standard == "s2twp") and ("軟件" in text) == (standard == "s2hk")
    assert "資訊" in text and "信息" not in text


def test_corrections_list_names_known_standards_only(tmp_path):
    (tmp_path / "traditional-corrections.tsv").write_text("s2t\t软件\t軟體\twhy\n", encoding="utf-8")
    with pytest.raises(CommandError, match="unknown standard 's2t'"):
        corrections(tmp_path, "s2hk")


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


@pytest.mark.django_db
def test_taiwan_standard_reads_its_own_catalogue(client, home, settings):
    assert "訂閲" in client.get("/zh-hant/alerts/").text  # "Subscribe" with Hong Kong's 閲

    settings.TRADITIONAL_CHINESE_STANDARD = "s2twp"
    settings.LOCALE_PATHS = [ROOT / "locale" / "s2twp", *settings.LOCALE_PATHS]  # as base.py sets it

    text = client.get("/zh-hant/alerts/").text
    assert "訂閱" in text and "訂閲" not in text
