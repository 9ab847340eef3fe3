"""A press release page: release time, contacts, attachments, boilerplate, full-size picture, metadata."""

import json

import pytest

from website.languages import page_url_in
from website.models import SiteSettings

from ..html import han_outside_zh_markup, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def boilerplate(home):
    SiteSettings.objects.filter().update(
        press_boilerplate_zh_hans="<p>关于医学中心的介绍。</p>", press_boilerplate_en="<p>About the zone.</p>"
    )


def test_press_release_shows_what_a_journalist_needs_in_english(client, live_release, boilerplate):
    soup = parse(client.get(page_url_in(live_release, "en")))
    main = soup.find("main")
    text = main.get_text(" ", strip=True)
    assert "Sun Yalin" in text and "Spokesperson" in text
    assert main.select_one('a[href="mailto:press@example.org"]')
    assert main.select_one('a[href="tel:+8653100000001"]')
    attachment = live_release.attachments.get().document
    assert main.select_one(f'a[href="{attachment.url}"]').get_text(strip=True) == "Annual report figures"
    assert "About the zone." in text
    release_time = main.select_one(".article__release time")
    assert "UTC+08:00" in release_time.get_text()
    full = main.select_one(".full-resolution a[download]")
    assert full["href"] == live_release.lead_image.file.url
    assert "1600 × 900" in full.get_text()
    assert han_outside_zh_markup(main) == []


def test_press_release_in_chinese_has_chinese_contacts(client, live_release, boilerplate):
    text = parse(client.get(page_url_in(live_release, "zh-hans"))).find("main").get_text(" ", strip=True)
    assert "孙雅琳" in text and "新闻发言人" in text and "关于医学中心的介绍。" in text


def test_news_story_has_no_press_release_block(client, news_index):
    from ..factories import NewsArticlePageFactory

    story = NewsArticlePageFactory(parent=news_index)
    main = parse(client.get(page_url_in(story, "en"))).find("main")
    assert main.select_one(".article__release") is None
    assert main.select_one(".media-contacts") is None


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_article_metadata_for_search_engines_and_social_networks(client, live_release, language):
    from news.models import ArticleByline

    from ..factories import PersonFactory

    ArticleByline.objects.create(
        page=live_release, person=PersonFactory(name_zh_hans="陈思远", name_en="Chen Siyuan")
    )
    live_release.save_revision().publish()
    soup = parse(client.get(page_url_in(live_release, language)))
    head = soup.head
    script = head.select_one('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@type"] == "NewsArticle"
    for prop in (
        "headline",
        "datePublished",
        "dateModified",
        "image",
        "inLanguage",
        "publisher",
        "mainEntityOfPage",
    ):
        assert data.get(prop), prop
    assert data["inLanguage"] == ("zh-Hans" if language == "zh-hans" else "en")
    assert data["headline"] == (
        live_release.title_zh_hans if language == "zh-hans" else live_release.title_en
    )
    assert data["publisher"]["@type"] == "Organization"
    assert data["author"] == [
        {"@type": "Person", "name": "陈思远" if language == "zh-hans" else "Chen Siyuan"}
    ]
    assert data["image"][0].startswith("http://testserver/")
    canonical = head.select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith(page_url_in(live_release, language))
    description = head.select_one('meta[name="description"]')["content"]
    summary = live_release.summary_zh_hans if language == "zh-hans" else live_release.summary_en
    assert description == summary
    assert head.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    assert head.select_one('meta[name="twitter:image"]')["content"].startswith("http://testserver/")
    assert head.select_one('meta[property="og:image"]')["content"].startswith("http://testserver/")
