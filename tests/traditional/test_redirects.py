"""Old addresses work in the Traditional edition too: `/zh-hant/<old address>` leads to the
Traditional page, whether the redirect came from a move, a slug change or an editor."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from website.redirects import in_traditional_edition, simplified_address

from ..factories import NewsArticlePageFactory, NewsIndexPageFactory
from ..html import parse

pytestmark = pytest.mark.django_db


def test_moved_article_old_address_redirects_to_the_traditional_page(client, home, news_index):
    reports = NewsIndexPageFactory(parent=home, slug_zh_hans="baodao", slug_en="reports")
    article = NewsArticlePageFactory(parent=news_index, title_zh_hans="质子治疗", slug_zh_hans="zhizi")

    article.move(reports, pos="last-child")

    response = client.get("/zh-hant/xinwen/zhizi/")
    assert response.status_code == 301 and response["Location"] == "/zh-hant/baodao/zhizi/"
    page = client.get(response["Location"])
    assert parse(page).html["lang"] == "zh-Hant" and "質子治療" in page.text
    assert client.get("/xinwen/zhizi/")["Location"] == "/baodao/zhizi/"  # Simplified unchanged


def test_redirects_an_editor_adds_apply_under_zh_hant(client, news_index):
    article = NewsArticlePageFactory(parent=news_index, slug_zh_hans="zhizi")
    Redirect.objects.create(old_path="/old/news.php?id=7", redirect_page=article, is_permanent=True)
    Redirect.objects.create(old_path="/old/about.html", redirect_link="/xinwen/", is_permanent=False)
    Redirect.objects.create(old_path="/old/partner.html", redirect_link="https://example.org/x")

    by_page = client.get("/zh-hant/old/news.php?id=7")
    assert by_page.status_code == 301 and by_page["Location"] == "/zh-hant/xinwen/zhizi/"
    by_link = client.get("/zh-hant/old/about.html")
    assert by_link.status_code == 302 and by_link["Location"] == "/zh-hant/xinwen/"
    assert client.get("/zh-hant/old/partner.html")["Location"] == "https://example.org/x"
    assert client.get("/zh-hant/old/missing.html").status_code == 404


def test_addresses_outside_the_edition_are_left_alone():
    assert simplified_address("/zh-hant/old/?p=1") == "/old/?p=1"
    assert simplified_address("/zh-hant") == "/"
    assert simplified_address("/zh-hantology/") is None
    assert simplified_address("/en/old/") is None
    assert in_traditional_edition("/en/news/proton/") == "/en/news/proton/"
    assert in_traditional_edition("/zh-hant/xinwen/") == "/zh-hant/xinwen/"
    assert in_traditional_edition("//cdn.example.org/x") == "//cdn.example.org/x"
    assert in_traditional_edition("/?p=3") == "/zh-hant/?p=3"
