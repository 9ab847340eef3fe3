"""Both languages on every page type: <html lang>, hreflang alternates, the switcher."""

import pytest

from ..factories import KeywordFactory, NewsArticlePageFactory, StandardPageFactory
from ..html import alternates, parse, switcher_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def twins(home, news_index):
    """(Chinese URL, English URL, Chinese h1, English h1) for every page type."""
    StandardPageFactory(
        parent=home,
        title_zh_hans="投资指南",
        title_en="Investor guide",
        slug_zh_hans="touzi",
        slug_en="investor-guide",
    )
    keyword = KeywordFactory(name_zh_hans="精准医学", name_en="Precision medicine", slug="precision-medicine")
    article = NewsArticlePageFactory(
        parent=news_index,
        title_zh_hans="精准医学产业园",
        title_en="Precision medicine park",
        slug_zh_hans="chanyeyuan",
        slug_en="precision-park",
        keywords=[keyword],
    )
    return {
        "home": ("/", "/en/", None, None),
        "standard": ("/touzi/", "/en/investor-guide/", "投资指南", "Investor guide"),
        "news index": ("/xinwen/", "/en/news/", "新闻", "News"),
        "article": (article.url, "/en/news/precision-park/", "精准医学产业园", "Precision medicine park"),
        "keyword": (
            "/xinwen/keywords/precision-medicine/",
            "/en/news/keywords/precision-medicine/",
            "精准医学",
            "Precision medicine",
        ),
    }


@pytest.mark.parametrize("kind", ["home", "standard", "news index", "article", "keyword"])
def test_page_renders_in_both_languages_with_lang_and_alternates(client, twins, kind):
    chinese_url, english_url, chinese_h1, english_h1 = twins[kind]

    chinese = client.get(chinese_url)
    english = client.get(english_url)

    assert chinese.status_code == 200 and english.status_code == 200
    zh, en = parse(chinese), parse(english)
    assert zh.html["lang"] == "zh-Hans"
    assert en.html["lang"] == "en"
    if chinese_h1:
        assert zh.find("h1").get_text(strip=True) == chinese_h1
        assert en.find("h1").get_text(strip=True) == english_h1
    for soup in (zh, en):
        links = alternates(soup)
        assert links["zh-Hans"] == "http://testserver" + chinese_url
        assert links["en"] == "http://testserver" + english_url
        assert links["x-default"] == "http://testserver" + chinese_url
    assert zh.head.find("link", rel="canonical")["href"] == "http://testserver" + chinese_url
    assert en.head.find("link", rel="canonical")["href"] == "http://testserver" + english_url


@pytest.mark.parametrize("kind", ["home", "standard", "news index", "article", "keyword"])
def test_switcher_lands_on_the_twin_page(client, twins, kind):
    chinese_url, english_url, chinese_h1, english_h1 = twins[kind]

    to_english = switcher_link(parse(client.get(chinese_url)), "en")["href"]
    to_chinese = switcher_link(parse(client.get(english_url)), "zh-Hans")["href"]

    assert to_english == english_url
    assert to_chinese == chinese_url
    if english_h1:
        assert parse(client.get(to_english)).find("h1").get_text(strip=True) == english_h1


def test_switcher_keeps_the_news_filter(client, twins):
    soup = parse(client.get("/xinwen/?keyword=precision-medicine"))
    assert switcher_link(soup, "en")["href"] == "/en/news/?keyword=precision-medicine"


def test_untranslated_page_advertises_no_english_alternate(client, news_index):
    NewsArticlePageFactory(parent=news_index, slug_zh_hans="weifanyi", english=False)

    links = alternates(parse(client.get("/xinwen/weifanyi/")))

    assert "en" not in links
    assert links["x-default"] == links["zh-Hans"]
