"""An embargoed (scheduled, not yet live) release leaks nowhere; once the scheduler runs it is everywhere."""

import pytest
from django.core.management import call_command

from website.languages import page_url_in

from .factories import let_time_pass

pytestmark = pytest.mark.django_db

SECRETS = ("禁发新闻稿标题", "Embargoed headline", "禁发摘要", "Embargoed summary", "jinfa", "embargoed/")


def public_channels(news_index, keyword, live_release, newsroom):
    """Every public address that lists or shows articles, in both languages."""
    urls = ["/sitemap.xml", "/api/v2/pages/?limit=20", "/en/api/v2/pages/?limit=20"]
    urls += [
        "/api/v2/pages/?type=news.NewsArticlePage&fields=title,summary,lead_image",
        "/en/api/v2/pages/?type=news.NewsArticlePage&fields=title,summary,lead_image",
    ]
    for language in ("zh-hans", "en"):
        prefix = "" if language == "zh-hans" else "/en"
        index_url = page_url_in(news_index, language)
        urls += [
            page_url_in(news_index.get_parent(), language),
            index_url,
            f"{index_url}?keyword={keyword.slug}",
            f"{index_url}keywords/{keyword.slug}/",
            page_url_in(live_release, language),  # related articles by shared keyword
            page_url_in(newsroom, language),
        ]
        for feed in ("news", "press-releases", f"keywords/{keyword.slug}"):
            urls += [f"{prefix}/feeds/{feed}.rss", f"{prefix}/feeds/{feed}.atom"]
    return urls


def leaks(client, urls, embargoed_release):
    image_file = embargoed_release.lead_image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        hits = [secret for secret in (*SECRETS, image_file) if secret in text]
        if f"/pages/{embargoed_release.pk}/" in text:
            hits.append("API detail URL")
        if hits:
            found[url] = hits
    return found


def test_embargoed_release_is_nowhere_before_its_time(
    client, news_index, keyword, live_release, embargoed_release, newsroom
):
    urls = public_channels(news_index, keyword, live_release, newsroom)
    assert leaks(client, urls, embargoed_release) == {}

    for language in ("zh-hans", "en"):
        assert client.get(page_url_in(embargoed_release, language)).status_code == 404
    assert client.get(f"/api/v2/pages/{embargoed_release.pk}/").status_code == 404
    assert client.get(f"/en/api/v2/pages/{embargoed_release.pk}/").status_code == 404
    document = embargoed_release.attachments.get().document
    assert client.get(document.url).status_code == 404


def test_staff_may_download_an_embargoed_attachment(client, embargoed_release, admin_user):
    client.force_login(admin_user)
    document = embargoed_release.attachments.get().document
    assert client.get(document.url).status_code == 200


def test_release_appears_everywhere_once_the_scheduler_runs(
    client, news_index, keyword, live_release, embargoed_release, newsroom
):
    let_time_pass(embargoed_release)
    call_command("publish_scheduled", verbosity=0)
    embargoed_release.refresh_from_db()
    assert embargoed_release.live

    urls = public_channels(news_index, keyword, live_release, newsroom)
    found = leaks(client, urls, embargoed_release)
    # Every listing now names the release (the English ones by its English title).
    missing = [url for url in urls if url not in found]
    assert missing == []
    for language in ("zh-hans", "en"):
        assert client.get(page_url_in(embargoed_release, language)).status_code == 200
    assert client.get(embargoed_release.attachments.get().document.url).status_code == 200


def search_titles(client, url):
    from ..html import parse

    response = client.get(url)
    assert response.status_code == 200
    return [a.get_text().strip() for a in parse(response).select(".search-result__title a")]


def test_search_finds_an_embargoed_release_only_after_the_scheduler_runs(client, embargoed_release):
    searches = {
        "/search/?q=禁发新闻稿标题": "禁发新闻稿标题",
        "/en/search/?q=Embargoed+headline": "Embargoed headline",
    }
    for url in searches:
        assert search_titles(client, url) == []

    let_time_pass(embargoed_release)
    call_command("publish_scheduled", verbosity=0)
    for url, title in searches.items():
        assert search_titles(client, url) == [title]
