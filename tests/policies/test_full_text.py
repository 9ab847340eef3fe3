"""An entry's full text (rich text, each language) and its PDF in each language: on the entry
page, in the downloads and in the admin; the English page never shows the Chinese text."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from tests.newsroom.factories import DocumentFactory

from ..html import han_outside_zh_markup, parse
from .factories import PolicyEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry_with_texts(policy_list):
    return PolicyEntryFactory(
        page=policy_list,
        title_zh_hans="新落户企业场地补贴",
        title_en="Rent support",
        full_text_zh_hans="<h2>第一条</h2><p>为支持企业落户，制定本办法。</p>",
        full_text_en="<h2>Article 1</h2><p>These rules support companies that move in.</p>",
        document_zh_hans=DocumentFactory(title="场地补贴全文"),
        document_en=DocumentFactory(title="Rent support full text"),
    )


def entry_url(entry, language):
    prefix = "/en/policies/support/" if language == "en" else "/zhengce/zhichi/"
    return f"{prefix}entries/{entry.pk}/"


def test_entry_page_shows_the_full_text_and_both_files_in_chinese(client, entry_with_texts):
    page = parse(client.get(entry_url(entry_with_texts, "zh-hans")))

    assert "为支持企业落户，制定本办法。" in page.select_one(".entry__full-text").get_text()
    links = page.select(".entry__documents a")
    assert [link.get_text(strip=True) for link in links] == ["中文全文", "英文全文"]
    assert links[0]["href"] == entry_with_texts.document_zh_hans.url
    assert links[1]["href"] == entry_with_texts.document_en.url
    assert links[1]["hreflang"] == "en"


def test_entry_page_in_english_shows_english_text_first_and_no_chinese(client, entry_with_texts):
    response = client.get(entry_url(entry_with_texts, "en"))
    page = parse(response)

    assert "These rules support companies that move in." in page.select_one(".entry__full-text").get_text()
    links = page.select(".entry__documents a")
    assert [link.get_text(strip=True) for link in links] == ["Full text in English", "Full text in Chinese"]
    assert links[0]["href"] == entry_with_texts.document_en.url
    assert han_outside_zh_markup(page.find("main")) == []


def test_english_page_without_english_full_text_shows_none(client, entry_with_texts):
    entry_with_texts.full_text_en = "<p></p>"  # what the editor saves when the field is emptied
    entry_with_texts.save()

    page = parse(client.get(entry_url(entry_with_texts, "en")))

    assert page.select_one(".entry__full-text") is None
    assert han_outside_zh_markup(page.find("main")) == []


def test_downloads_link_the_file_in_the_readers_language(client, entry_with_texts):
    for language, document in (
        ("en", entry_with_texts.document_en),
        ("zh-hans", entry_with_texts.document_zh_hans),
    ):
        prefix = "/en/policies/support/" if language == "en" else "/zhengce/zhichi/"
        rows = list(csv.reader(io.StringIO(client.get(f"{prefix}export/csv/").content.decode("utf-8-sig"))))
        column = 10  # "Full text"
        row = next(row for row in rows if row[0] in ("Rent support", "新落户企业场地补贴"))
        assert row[column] == f"http://testserver{document.url}", language


def test_an_entry_with_only_a_chinese_file_offers_it_to_english_readers(client, policy_list):
    entry = PolicyEntryFactory(page=policy_list, document_zh_hans=DocumentFactory(title="仅中文"))

    links = parse(client.get(entry_url(entry, "en"))).select(".entry__documents a")

    assert [link.get_text(strip=True) for link in links] == ["Full text in Chinese"]


def test_the_editor_has_a_full_text_and_a_file_per_language(client, policy_list):
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "pw"))

    html = client.get(f"/admin/pages/{policy_list.pk}/edit/").content.decode()

    for name in ("full_text_zh_hans", "full_text_en", "document_zh_hans", "document_en"):
        assert f'name="entries-0-{name}"' in html, name
