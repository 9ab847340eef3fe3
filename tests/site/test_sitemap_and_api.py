"""sitemap.xml (sitemaps.org with hreflang alternates), robots.txt and the read-only JSON API."""

import xml.etree.ElementTree as ET

import pytest

from ..factories import KeywordFactory, NewsArticlePageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def pages(news_index, live_release):
    chinese_only = NewsArticlePageFactory(parent=news_index, english=False, slug_zh_hans="zhiyou-zhongwen")
    draft = NewsArticlePageFactory(parent=news_index, live=False, slug_zh_hans="caogao", slug_en="draft")
    return {"release": live_release, "chinese_only": chinese_only, "draft": draft}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}urlset"
    entries, lastmods = {}, {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        assert loc not in entries, f"{loc} listed twice"
        lastmod = url.find("s:lastmod", NS)
        lastmods[loc] = lastmod.text if lastmod is not None else None
        entries[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
    return entries, lastmods


def test_sitemap_lists_each_published_page_once_per_language_with_alternates(client, pages):
    release = pages["release"]
    release.save_revision().publish()  # as an editor does: sets last_published_at
    entries, lastmods = sitemap_entries(client)
    base = "http://testserver"
    zh, en = f"{base}/xinwen/{release.slug_zh_hans}/", f"{base}/en/news/{release.slug_en}/"
    hant = f"{base}/zh-hant/xinwen/{release.slug_zh_hans}/"
    both = {"zh-Hans": zh, "zh-Hant": hant, "en": en, "x-default": zh}
    assert entries[zh] == both
    assert entries[en] == both
    assert entries[hant] == both
    published = release.specific_class.objects.get(pk=release.pk).last_published_at
    assert lastmods[zh] == lastmods[en] == published.astimezone().strftime("%Y-%m-%d")
    assert entries[f"{base}/"] == {
        "zh-Hans": f"{base}/",
        "zh-Hant": f"{base}/zh-hant/",
        "en": f"{base}/en/",
        "x-default": f"{base}/",
    }
    # A page without English: in both Chinese editions, no alternate pointing at the English notice.
    assert entries[f"{base}/xinwen/zhiyou-zhongwen/"] == {
        "zh-Hans": f"{base}/xinwen/zhiyou-zhongwen/",
        "zh-Hant": f"{base}/zh-hant/xinwen/zhiyou-zhongwen/",
        "x-default": f"{base}/xinwen/zhiyou-zhongwen/",
    }
    assert not any("zhiyou-zhongwen" in loc and "/en/" in loc for loc in entries)
    # Drafts are not there in either language.
    assert not any("caogao" in loc or "/draft/" in loc for loc in entries)


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def api(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def test_api_lists_published_articles_in_chinese(client, pages):
    data = api(client, "/api/v2/pages/?type=news.NewsArticlePage&fields=title,summary,kind,date")
    by_id = {item["id"]: item for item in data["items"]}
    assert set(by_id) == {pages["release"].pk, pages["chinese_only"].pk}
    release = by_id[pages["release"].pk]
    assert release["title"] == "质子中心年度报告"
    assert release["kind"] == "press_release"
    assert release["meta"]["html_url"].endswith(f"/xinwen/{pages['release'].slug_zh_hans}/")
    assert release["meta"]["detail_url"].endswith(f"/api/v2/pages/{pages['release'].pk}/")
    assert "/en/" not in release["meta"]["detail_url"]


def test_english_api_has_only_english_pages_and_no_chinese(client, pages):
    data = api(client, "/en/api/v2/pages/?type=news.NewsArticlePage&fields=title,summary,body")
    assert [item["id"] for item in data["items"]] == [pages["release"].pk]
    item = data["items"][0]
    assert item["title"] == "Proton centre annual report"
    assert item["summary"] == pages["release"].summary_en
    assert item["meta"]["html_url"].endswith(f"/en/news/{pages['release'].slug_en}/")
    assert item["meta"]["detail_url"].endswith(f"/en/api/v2/pages/{pages['release'].pk}/")
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in str(item))
    assert client.get(f"/en/api/v2/pages/{pages['chinese_only'].pk}/").status_code == 404


def test_api_detail_and_bad_input(client, pages):
    detail = api(client, f"/api/v2/pages/{pages['release'].pk}/")
    assert detail["lead_image"]["url"].endswith(".jpg")
    assert client.get(f"/api/v2/pages/{pages['draft'].pk}/").status_code == 404
    bad = client.get("/api/v2/pages/?limit=abc")
    assert bad.status_code == 400
    assert "message" in bad.json()
    # Read-only: writing is not allowed.
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405


def test_sitemap_lists_keyword_pages_in_each_language_they_exist_in(client, pages, keyword):
    chinese_keyword = KeywordFactory(slug="zhongwen-ci", name_en="")
    pages["chinese_only"].keywords.add(chinese_keyword)
    pages["chinese_only"].save_revision().publish()

    entries, _lastmods = sitemap_entries(client)

    base = "http://testserver"
    zh, en = f"{base}/xinwen/keywords/proton-therapy/", f"{base}/en/news/keywords/proton-therapy/"
    hant = f"{base}/zh-hant/xinwen/keywords/proton-therapy/"
    assert (
        entries[zh]
        == entries[en]
        == entries[hant]
        == {"zh-Hans": zh, "zh-Hant": hant, "en": en, "x-default": zh}
    )
    assert client.get(zh).status_code == client.get(en).status_code == client.get(hant).status_code == 200
    chinese_only = f"{base}/xinwen/keywords/zhongwen-ci/"
    assert entries[chinese_only] == {
        "zh-Hans": chinese_only,
        "zh-Hant": f"{base}/zh-hant/xinwen/keywords/zhongwen-ci/",
        "x-default": chinese_only,
    }
    assert f"{base}/en/news/keywords/zhongwen-ci/" not in entries
