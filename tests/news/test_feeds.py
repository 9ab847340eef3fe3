"""RSS 2.0 and Atom feeds per language: they parse, and hold only published items in the feed's language."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..factories import NewsArticlePageFactory, PersonFactory
from ..newsroom.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.fixture
def articles(news_index, keyword, live_release):
    reporter = PersonFactory(name_zh_hans="陈思远", name_en="Chen Siyuan")
    news = NewsArticlePageFactory(
        parent=news_index,
        title_zh_hans="新闻标题",
        title_en="A news story",
        keywords=[keyword],
        bylines=[(reporter, "reporter")],
    )
    chinese_only = NewsArticlePageFactory(parent=news_index, english=False, title_zh_hans="只有中文的新闻")
    draft = NewsArticlePageFactory(
        parent=news_index, live=False, title_zh_hans="草稿新闻", title_en="Draft story"
    )
    return {"news": news, "release": live_release, "chinese_only": chinese_only, "draft": draft}


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_chinese_news_feed_holds_published_articles_with_their_details(client, articles, kind):
    response, feed = read(client, f"/feeds/news.{kind}")
    expected_type = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(expected_type)
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {"新闻标题", "质子中心年度报告", "只有中文的新闻"}
    news = next(entry for entry in feed.entries if entry.title == "新闻标题")
    assert news.link == "http://testserver/xinwen/" + articles["news"].slug_zh_hans + "/"
    assert news.summary == articles["news"].summary_zh_hans
    assert news.author == "陈思远"
    assert news.published_parsed is not None
    enclosure = next(link for link in news.links if link.rel == "enclosure")
    assert enclosure.type == "image/jpeg" or enclosure.type == "image/png"
    assert enclosure.href.startswith("http://testserver/") and "original_images" in enclosure.href


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_english_feed_leaves_out_articles_without_english_and_shows_no_chinese(client, articles, kind):
    _, feed = read(client, f"/en/feeds/news.{kind}")
    assert {entry.title for entry in feed.entries} == {"A news story", "Proton centre annual report"}
    story = next(entry for entry in feed.entries if entry.title == "A news story")
    assert story.link.startswith("http://testserver/en/news/")
    assert story.author == "Chen Siyuan"
    assert feed.feed.language == "en" if kind == "rss" else True
    text = "".join(f"{e.title}{e.summary}{e.get('author', '')}" for e in feed.entries)
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_press_release_feed_holds_only_press_releases(client, articles):
    for url, title in (
        ("/feeds/press-releases.rss", "质子中心年度报告"),
        ("/en/feeds/press-releases.atom", "Proton centre annual report"),
    ):
        _, feed = read(client, url)
        assert [entry.title for entry in feed.entries] == [title]


def test_keyword_feed_holds_the_keywords_articles(client, articles, keyword, news_index):
    NewsArticlePageFactory(parent=news_index, title_zh_hans="别的主题", title_en="Another subject")
    _, feed = read(client, f"/en/feeds/keywords/{keyword.slug}.rss")
    assert {entry.title for entry in feed.entries} == {"A news story", "Proton centre annual report"}
    assert client.get("/feeds/keywords/no-such-keyword.rss").status_code == 404


def test_pages_link_their_feeds_in_the_head(client, articles, keyword, news_index):
    from ..html import parse

    soup = parse(client.get(f"/en/news/keywords/{keyword.slug}/"))
    feeds = {link["href"]: link["type"] for link in soup.head.select('link[rel="alternate"][type]')}
    assert feeds == {
        "/en/feeds/news.rss": "application/rss+xml",
        "/en/feeds/news.atom": "application/atom+xml",
        "/en/feeds/press-releases.rss": "application/rss+xml",
        "/en/feeds/press-releases.atom": "application/atom+xml",
        f"/en/feeds/keywords/{keyword.slug}.rss": "application/rss+xml",
        f"/en/feeds/keywords/{keyword.slug}.atom": "application/atom+xml",
    }
    chinese = parse(client.get("/"))
    assert "/feeds/news.rss" in [
        link["href"] for link in chinese.head.select('link[type="application/rss+xml"]')
    ]


def test_feed_costs_the_same_queries_for_few_and_many_articles(client, news_index, keyword):
    reporter = PersonFactory()

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/feeds/news.rss").status_code == 200
        return len(queries)

    PressReleaseFactory(parent=news_index, keywords=[keyword], bylines=[(reporter, "author")])
    count()  # the first request fills Wagtail's site-root cache
    few = count()
    for _ in range(6):
        PressReleaseFactory(parent=news_index, keywords=[keyword], bylines=[(reporter, "author")])
    assert count() == few
