"""Absolute links come from the site's configured address (SITE_URL), whatever Host a request
carried and whatever Wagtail's Site record says (the tests' Site is `localhost:80`)."""

import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.core import mail
from django.test import override_settings

from newsroom.models import EmbargoPreview, Subscriber

from ..newsroom.factories import PressReleaseFactory, schedule
from ..newsroom.test_alerts import shown_earlier

pytestmark = pytest.mark.django_db

ADDRESS = "https://www.jimc.example.cn"
configured = override_settings(SITE_URL=ADDRESS, WAGTAILAPI_BASE_URL=ADDRESS)
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def links_in(text):
    return re.findall(r"https?://[^\s\"'<>]+", text)


@configured
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_api_links_use_the_configured_address(client, live_release, prefix):
    data = client.get(f"{prefix}/api/v2/pages/?type=news.NewsArticlePage", HTTP_HOST="localhost").json()
    (item,) = data["items"]
    slug = live_release.slug_en if prefix else live_release.slug_zh_hans
    section = "news" if prefix else "xinwen"
    assert item["meta"]["html_url"] == f"{ADDRESS}{prefix}/{section}/{slug}/"
    assert item["meta"]["detail_url"] == f"{ADDRESS}{prefix}/api/v2/pages/{live_release.pk}/"


@configured
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_feed_links_use_the_configured_address(client, live_release, prefix):
    response = client.get(f"{prefix}/feeds/news.atom", HTTP_HOST="localhost")
    feed = feedparser.parse(response.content)
    assert feed.feed.link.startswith(f"{ADDRESS}{prefix}/")
    (entry,) = feed.entries
    assert entry.link.startswith(f"{ADDRESS}{prefix}/")
    assert all(
        link.startswith(ADDRESS) for link in links_in(response.content.decode()) if "w3.org" not in link
    )
    assert "localhost" not in response.content.decode()


@configured
def test_sitemap_robots_and_page_links_use_the_configured_address(client, live_release):
    root = ET.fromstring(client.get("/sitemap.xml", HTTP_HOST="localhost").content)
    locations = [url.find("s:loc", NS).text for url in root.findall("s:url", NS)]
    alternates = [link.get("href") for link in root.iter(f"{{{NS['xhtml']}}}link")]
    assert f"{ADDRESS}/" in locations and f"{ADDRESS}/en/" in locations
    assert all(url.startswith(f"{ADDRESS}/") for url in locations + alternates)
    assert (
        f"Sitemap: {ADDRESS}/sitemap.xml" in client.get("/robots.txt", HTTP_HOST="localhost").content.decode()
    )

    page = client.get(f"/en/news/{live_release.slug_en}/", HTTP_HOST="localhost").content.decode()
    assert f'<link rel="canonical" href="{ADDRESS}/en/news/{live_release.slug_en}/"' in page
    assert "http://localhost" not in page


@configured
@pytest.mark.parametrize(("prefix", "language"), [("", "zh-hans"), ("/en", "en")])
def test_alert_mails_link_to_the_configured_address(
    client, news_index, django_capture_on_commit_callbacks, prefix, language
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{prefix}/alerts/",
            {
                "email": "reporter@example.com",
                "language": language,
                "topic": "press_releases",
                "consent": "on",
                **shown_earlier(),
            },
            HTTP_HOST="localhost",
        )
    (confirmation,) = mail.outbox
    links = links_in(confirmation.body)
    assert any(link.startswith(f"{ADDRESS}{prefix}/alerts/confirm/") for link in links), links
    subscriber = Subscriber.objects.get()
    assert (
        confirmation.extra_headers["List-Unsubscribe"]
        == f"<{ADDRESS}{prefix}/alerts/unsubscribe/{subscriber.key}/>"
    )
    client.get(next(link for link in links if "/alerts/confirm/" in link).removeprefix(ADDRESS))

    with django_capture_on_commit_callbacks(execute=True):
        release = PressReleaseFactory(parent=news_index, title_zh_hans="新的新闻稿", title_en="A new release")
        release.save_revision().publish()
    alert = mail.outbox[-1]
    slug = release.slug_en if language == "en" else release.slug_zh_hans
    section = "news" if language == "en" else "xinwen"
    assert f"{ADDRESS}{prefix}/{section}/{slug}/" in alert.body
    assert "localhost" not in alert.body


@configured
def test_embargo_preview_links_use_the_configured_address(news_index):
    release = schedule(PressReleaseFactory(parent=news_index, live=False))
    preview = EmbargoPreview.objects.create(
        page=release, journalist_name="Li Ming", journalist_email="li@example.com"
    )
    assert preview.links().split() == [
        f"{ADDRESS}/embargo/{preview.token}/",
        f"{ADDRESS}/en/embargo/{preview.token}/",
    ]
