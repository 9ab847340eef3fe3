"""Moving and renaming pages keeps both languages' addresses right."""

import pytest

from ..factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def test_moving_an_article_updates_both_languages_paths(client, home, news_index):
    reports = NewsIndexPageFactory(
        parent=home, title_zh_hans="报道", title_en="Reports", slug_zh_hans="baodao", slug_en="reports"
    )
    article = NewsArticlePageFactory(parent=news_index, slug_zh_hans="zhizi", slug_en="proton")

    article.move(reports, pos="last-child")
    article.refresh_from_db()

    assert article.url_path_zh_hans.endswith("/baodao/zhizi/")
    assert article.url_path_en.endswith("/reports/proton/")
    assert client.get("/baodao/zhizi/").status_code == 200
    assert client.get("/en/reports/proton/").status_code == 200
    assert client.get("/xinwen/zhizi/").status_code == 301


def test_moved_article_old_addresses_redirect_in_both_languages(client, home, news_index):
    reports = NewsIndexPageFactory(parent=home, slug_zh_hans="baodao", slug_en="reports")
    article = NewsArticlePageFactory(parent=news_index, slug_zh_hans="zhizi", slug_en="proton")

    article.move(reports, pos="last-child")

    assert client.get("/xinwen/zhizi/")["Location"] == "/baodao/zhizi/"
    assert client.get("/en/news/proton/")["Location"] == "/en/reports/proton/"


def test_english_slug_change_redirects_the_old_english_address(client, news_index):
    article = NewsArticlePageFactory(parent=news_index, slug_zh_hans="zhizi", slug_en="proton")

    article.slug_en = "proton-therapy"
    article.save_revision().publish()

    assert client.get("/en/news/proton-therapy/").status_code == 200
    assert client.get("/en/news/proton/")["Location"] == "/en/news/proton-therapy/"
    assert client.get("/xinwen/zhizi/").status_code == 200
