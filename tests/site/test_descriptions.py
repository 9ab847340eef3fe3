"""What search engines and link previews show of a page (meta description, og:description): its
search description, else its summary, else its introduction, in the reader's language."""

import pytest

from website.languages import page_url_in

from ..factories import NewsArticlePageFactory
from ..html import parse

pytestmark = pytest.mark.django_db


def descriptions(response):
    head = parse(response).select_one("head")
    found = [
        head.select_one('meta[name="description"]'),
        head.select_one('meta[property="og:description"]'),
        head.select_one('meta[name="twitter:description"]'),
    ]
    return {tag["content"] if tag else None for tag in found}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_page_is_described_by_its_search_description_else_its_summary_else_its_intro(
    client, news_index, home, language
):
    article = NewsArticlePageFactory(parent=news_index)
    # The home page has an introduction and no summary; the article a summary and no introduction.
    intro = home.intro_zh_hans if language == "zh-hans" else home.intro_en
    summary = article.summary_zh_hans if language == "zh-hans" else article.summary_en
    assert descriptions(client.get(page_url_in(home, language))) == {intro}
    assert descriptions(client.get(page_url_in(article, language))) == {summary}

    article.search_description_zh_hans = "搜索引擎看到的质子治疗中心简介。"
    article.search_description_en = "What search engines show of the proton therapy centre."
    article.save_revision().publish()
    wanted = article.search_description_zh_hans if language == "zh-hans" else article.search_description_en
    assert descriptions(client.get(page_url_in(article, language))) == {wanted}


def test_a_long_description_is_cut_to_200_characters_and_shown_as_text(client, news_index):
    article = NewsArticlePageFactory(parent=news_index, summary_en="Proton & heavy ion <b>therapy</b> " * 20)
    (description,) = descriptions(client.get(page_url_in(article, "en")))
    assert len(description) == 200
    assert description.endswith("…")
    assert description.startswith("Proton & heavy ion therapy Proton")
