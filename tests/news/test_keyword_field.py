"""The editor's keyword field: a tag field that suggests keywords by their Chinese or English
name and adds the ones it does not know (with a pinyin slug), keeping those chosen before."""

import pytest
from taggit.utils import parse_tags

from news.models import Keyword, NewsArticlePage
from tests.factories import KeywordFactory, NewsArticlePageFactory

from ..html import parse
from ..workflow.factories import StaffFactory, article_fields, page_form_data

pytestmark = pytest.mark.django_db


def test_the_keyword_field_suggests_by_either_name(client):
    KeywordFactory(name_zh_hans="质子治疗", name_en="Proton therapy", slug="proton-therapy")
    KeywordFactory(name_zh_hans="新材料", name_en="New materials", slug="new-materials")
    client.force_login(StaffFactory(role="Writers"))

    assert client.get("/admin/news/keywords/autocomplete/", {"term": "质子"}).json() == ["质子治疗"]
    assert client.get("/admin/news/keywords/autocomplete/", {"term": "materials"}).json() == ["新材料"]
    client.logout()
    assert client.get("/admin/news/keywords/autocomplete/", {"term": "质子"}).status_code != 200


def test_a_writer_tags_an_article_with_a_known_and_a_new_chinese_keyword(client, news_index):
    known = KeywordFactory(name_zh_hans="质子治疗", name_en="Proton therapy", slug="proton-therapy")
    client.force_login(StaffFactory(role="Writers"))
    add_url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    field = parse(client.get(add_url)).select_one('input[name="keywords"]')
    assert field["data-controller"] == "w-tag"
    assert field["data-w-tag-url-value"] == "/admin/news/keywords/autocomplete/"

    data = page_form_data(NewsArticlePage, article_fields("tags") | {"keywords": "质子治疗, 新型材料"})
    response = client.post(add_url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    article = NewsArticlePage.objects.get(slug_zh_hans="dongtai-tags").get_latest_revision_as_object()
    new = Keyword.objects.get(name_zh_hans="新型材料")
    assert new.slug == "xinxingcailiao"  # pinyin, not a percent-encoded address
    assert {keyword.pk for keyword in article.keywords.all()} == {known.pk, new.pk}
    # The editor shows both again, so saving keeps them.
    edit = parse(client.get(f"/admin/pages/{article.pk}/edit/")).select_one('input[name="keywords"]')
    assert sorted(parse_tags(edit["value"])) == ["新型材料", "质子治疗"]


def test_a_translator_picks_known_keywords_but_cannot_add_one(client, news_index):
    known = KeywordFactory(name_zh_hans="质子治疗", name_en="Proton therapy", slug="proton-therapy")
    article = NewsArticlePageFactory(parent=news_index, live=False, title="园区动态原文", english=False)
    article.save_revision()
    client.force_login(StaffFactory(role="Translators"))
    edit_url = f"/admin/pages/{article.pk}/edit/"

    refused = client.post(
        edit_url,
        page_form_data(NewsArticlePage, article_fields("tr") | {"keywords": '"Proton therapy", 新型材料'}),
    )

    assert refused.status_code == 200
    assert "“新型材料”还不是关键词" in refused.content.decode()  # the admin speaks the translator's Chinese
    assert not Keyword.objects.filter(name_zh_hans="新型材料").exists()
    # What the translator typed is still in the field (Wagtail's tag field quotes a name with spaces).
    assert "新型材料" in parse(refused).select_one('input[name="keywords"]')["value"]

    kept = client.post(
        edit_url, page_form_data(NewsArticlePage, article_fields("tr") | {"keywords": '"Proton therapy"'})
    )
    assert kept.status_code == 302, [
        e.get_text(" ", strip=True)
        for e in parse(kept).select(
            ".messages, .error-message, .help-critical, .w-field__errors, [role=alert]"
        )
        if e.get_text(strip=True)
    ]
    assert [
        keyword.pk
        for keyword in NewsArticlePage.objects.get(pk=article.pk)
        .get_latest_revision_as_object()
        .keywords.all()
    ] == [known.pk]
