"""The Traditional Chinese edition at /zh-hant/: converted from the Simplified text, on every page type."""

import datetime
import re

import pytest
from django.utils import formats, translation
from opencc import OpenCC

from website.languages import HREFLANG
from website.models import GlossaryTerm
from website.traditional import convert_markup, convert_text

from ..factories import KeywordFactory, NewsArticlePageFactory, StandardPageFactory
from ..html import alternates, parse, switcher_link
from ..workflow.factories import StaffFactory

pytestmark = pytest.mark.django_db

SIMPLIFIED_LEFT = OpenCC("s2hk")
GLOSSARY_ADD_URL = "/admin/snippets/website/glossaryterm/add/"


def simplified_left_in(text):
    """Characters OpenCC would still convert: Simplified text the edition left behind."""
    return {char for char in re.findall(r"[\u4e00-\u9fff]", text) if SIMPLIFIED_LEFT.convert(char) != char}


@pytest.fixture
def pages(home, news_index):
    StandardPageFactory(
        parent=home, title_zh_hans="投资指南", title_en="Investor guide", slug_zh_hans="touzi"
    )
    keyword = KeywordFactory(name_zh_hans="精准医学", name_en="Precision medicine", slug="precision-medicine")
    article = NewsArticlePageFactory(
        parent=news_index,
        title_zh_hans="质子治疗中心发展软件信息",
        title_en="Proton therapy centre",
        slug_zh_hans="zhizi",
        slug_en="proton",
        keywords=[keyword],
    )
    return {
        "home": "/",
        "standard": "/touzi/",
        "news index": "/xinwen/",
        "article": article.url,
        "keyword": "/xinwen/keywords/precision-medicine/",
    }


@pytest.mark.parametrize("kind", ["home", "standard", "news index", "article", "keyword"])
def test_every_page_type_exists_in_traditional(client, pages, kind):
    simplified_url = pages[kind]
    traditional_url = "/zh-hant" + simplified_url

    response = client.get(traditional_url)

    assert response.status_code == 200
    soup = parse(response)
    assert soup.html["lang"] == "zh-Hant"
    assert not simplified_left_in(soup.find("main").get_text())
    links = alternates(soup)
    assert links["zh-Hans"] == "http://testserver" + simplified_url
    assert links["zh-Hant"] == "http://testserver" + traditional_url
    assert links["x-default"] == "http://testserver" + simplified_url
    assert soup.head.find("link", rel="canonical")["href"] == "http://testserver" + traditional_url
    # The switcher names each edition in its own script and leads to the same page.
    assert switcher_link(soup, "zh-Hans")["href"] == simplified_url
    assert switcher_link(soup, "zh-Hans").get_text(strip=True) == "简体中文"
    assert switcher_link(parse(client.get(simplified_url)), "zh-Hant")["href"] == traditional_url
    assert switcher_link(soup, "zh-Hant").get_text(strip=True) == "繁體中文"


def test_article_reads_in_hong_kong_traditional_by_default(client, pages):
    soup = parse(client.get("/zh-hant" + pages["article"]))

    assert soup.find("h1").get_text(strip=True) == "質子治療中心發展軟件信息"


def test_taiwan_standard_uses_taiwan_phrases(client, settings, pages):
    settings.TRADITIONAL_CHINESE_STANDARD = "s2twp"

    soup = parse(client.get("/zh-hant" + pages["article"]))

    assert soup.find("h1").get_text(strip=True) == "質子治療中心發展軟體資訊"


def test_dates_follow_django_traditional_chinese_formats(client, news_index):
    """Django's zh_Hant formats (django.conf.locale.zh_Hant) are the ones a /zh-hant/ page uses;
    they write dates as zh_Hans does (2026年12月5日, 24-hour times), which is Traditional usage too."""
    date = datetime.datetime(2026, 12, 5, 14, 30, tzinfo=datetime.UTC)
    NewsArticlePageFactory(parent=news_index, slug_zh_hans="riqi", date=date)
    with translation.override("zh-hant"):
        assert "django.conf.locale.zh_Hant.formats" in [m.__name__ for m in formats.get_format_modules()]

    time = parse(client.get("/zh-hant/xinwen/riqi/")).find("main").find("time")

    assert time.get_text(strip=True) == "2026年12月5日"


def test_english_and_simplified_pages_are_not_converted(client, pages):
    assert "质子治疗中心" in client.get(pages["article"]).content.decode()
    english = parse(client.get("/en/news/proton/"))
    assert not re.search(r"[\u4e00-\u9fff]", english.find("main").get_text())


def test_urls_and_attributes_that_are_not_text_are_left_alone():
    markup = (
        '<a href="/search/?q=质子" title="质子">质子</a>'
        '<input name="q" value="质子" placeholder="搜索">'
        '<textarea name="body">发展</textarea>'
        '<span lang="zh-Hans">简体中文</span>'
        '<script>var a = "发展";</script>'
    )

    converted = convert_markup(markup)

    assert '<a href="/search/?q=质子" title="質子">質子</a>' in converted
    assert 'value="质子" placeholder="搜索"' in converted
    assert '<textarea name="body">发展</textarea>' in converted
    assert '<span lang="zh-Hans">简体中文</span>' in converted
    assert 'var a = "发展";' in converted


def add_term(client, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(GLOSSARY_ADD_URL, {"standard": "", "note": "", **data})
    assert response.status_code == 302, response.content.decode()[:3000]


def test_editor_adds_glossary_terms_and_the_page_follows(client, pages, django_capture_on_commit_callbacks):
    url = "/zh-hant" + pages["article"]
    client.get(url)  # converted once before the glossary says otherwise
    client.force_login(StaffFactory(role="Editors"))
    add_term(
        client,
        django_capture_on_commit_callbacks,
        simplified="质子治疗中心",
        traditional="質子治療中心（濟南）",
    )
    add_term(
        client, django_capture_on_commit_callbacks, simplified="软件", traditional="軟體", standard="s2hk"
    )
    add_term(
        client, django_capture_on_commit_callbacks, simplified="软件", traditional="軟件X", standard="s2twp"
    )
    client.logout()

    title = parse(client.get(url)).find("h1").get_text(strip=True)

    assert title == "質子治療中心（濟南）發展軟體信息"


def test_glossary_rejects_a_term_twice_for_one_standard(client, pages, django_capture_on_commit_callbacks):
    client.force_login(StaffFactory(role="Editors"))
    add_term(client, django_capture_on_commit_callbacks, simplified="发展", traditional="發展")

    response = client.post(GLOSSARY_ADD_URL, {"simplified": "发展", "traditional": "发达", "standard": ""})

    assert response.status_code == 200
    assert GlossaryTerm.objects.count() == 1


def test_writers_cannot_edit_the_glossary(client, pages):
    client.force_login(StaffFactory(role="Writers"))

    response = client.post(GLOSSARY_ADD_URL, {"simplified": "发展", "traditional": "發展", "standard": ""})

    assert response.status_code in (302, 403)
    assert not GlossaryTerm.objects.exists()


def test_convert_text_without_han_is_unchanged():
    assert convert_text("Proton therapy", terms=()) == "Proton therapy"


def test_search_with_a_traditional_query_shows_traditional_results_and_highlights(client, pages):
    soup = parse(client.get("/zh-hant/search/", {"q": "質子治療"}))

    results = soup.select(".search-result__title")
    assert results and "質子治療中心發展軟件信息" in results[0].get_text()
    marks = {mark.get_text() for mark in soup.select(".search-result__title mark")}
    assert marks and marks <= {"質子", "治療", "質子治療"}
    assert not simplified_left_in(soup.find("main").get_text())


def test_feed_api_and_error_page_in_traditional(client, pages):
    feed = client.get("/zh-hant/feeds/news.rss").content.decode()
    assert "質子治療中心" in feed and "质子" not in feed and "/zh-hant/xinwen/zhizi/" in feed

    api = client.get("/zh-hant/api/v2/pages/", {"type": "news.NewsArticlePage", "fields": "title"}).json()
    assert "質子治療中心發展軟件信息" in [item["title"] for item in api["items"]]

    missing = client.get("/zh-hant/no-such-page/")
    assert missing.status_code == 404
    assert parse(missing).html["lang"] == "zh-Hant"
    assert not simplified_left_in(parse(missing).find("main").get_text())


@pytest.mark.parametrize("prefix", ["", "/zh-hant", "/en"])
def test_alert_language_choice_names_each_edition_as_the_switch_does(client, home, prefix):
    soup = parse(client.get(prefix + "/alerts/"))

    options = soup.find("select", attrs={"name": "language"}).find_all("option")
    # Each edition in its own name and script, marked with its lang, so /zh-hant/ keeps 简体中文.
    assert [(option["value"], option["lang"], option.get_text(strip=True)) for option in options] == [
        ("zh-hans", "zh-Hans", "简体中文"),
        ("zh-hant", "zh-Hant", "繁體中文"),
        ("en", "en", "English"),
    ]
    for option in options:
        name = option.get_text(strip=True)
        assert switcher_link(soup, HREFLANG[option["value"]]).get_text(strip=True) == name
