"""Translators change the English of a page and only the English: the Chinese fields are shown
disabled, and the server ignores whatever is posted for them."""

import pytest

from news.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory

from .factories import article_fields, page_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_index):
    page = NewsArticlePageFactory(
        parent=news_index, live=False, kind="news", title="园区动态原文", english=False
    )
    page.save_revision()
    return page


def post_edit(client, user, article, **fields):
    client.force_login(user)
    data = page_form_data(NewsArticlePage, article_fields("tr", **fields))
    return client.post(f"/admin/pages/{article.pk}/edit/", data)


def test_a_translator_sees_the_chinese_disabled(client, staff, article):
    client.force_login(staff("Translators"))
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert 'name="title_zh_hans"' in html
    title_input = html.split('name="title_zh_hans"')[1].split(">")[0]
    assert "disabled" in title_input
    assert "disabled" not in html.split('name="title_en"')[1].split(">")[0]


def test_a_translators_post_changes_the_english_and_leaves_the_chinese(client, staff, article):
    chinese_title, chinese_summary = article.title_zh_hans, article.summary_zh_hans
    response = post_edit(client, staff("Translators"), article, title_zh_hans="译员改动的中文标题")

    assert response.status_code == 302, response.content.decode()[:2000]
    saved = NewsArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert (saved.title_zh_hans, saved.summary_zh_hans) == (chinese_title, chinese_summary)
    assert saved.title_en == "Zone news tr"
    assert saved.summary_en == "The zone gained fifteen projects."


def test_a_writer_still_changes_the_chinese(client, staff, article):
    response = post_edit(client, staff("Writers"), article, title_zh_hans="撰稿人改动的中文标题")

    assert response.status_code == 302
    saved = NewsArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert saved.title_zh_hans == "撰稿人改动的中文标题"
