"""The newsroom's full list of press releases: all of them, 20 a page, filterable by year, in
each language; and what an embargo means, on every embargoed release a journalist previews."""

import datetime
import zoneinfo

import pytest

from ..factories import NewsArticlePageFactory
from ..html import han_outside_zh_markup, parse
from .factories import PressReleaseFactory
from .test_preview import preview, read  # noqa: F401 -- the preview fixture

pytestmark = pytest.mark.django_db

LIST = {"zh-hans": "/xinwen-zhongxin/releases/", "en": "/en/newsroom/releases/"}
BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def releases(newsroom, news_index):
    """23 English releases in 2025, 2 in 2026, one Chinese-only in 2026, and a news story."""
    made = []
    for number in range(25):
        year = 2025 if number < 23 else 2026
        made.append(
            PressReleaseFactory(
                parent=news_index,
                title_zh_hans=f"新闻稿{number}",
                title_en=f"Release {number}",
                date=datetime.datetime(year, 1 + number % 12, 1 + number, 10, 0, tzinfo=BEIJING),
            )
        )
    PressReleaseFactory(
        parent=news_index,
        english=False,
        title_zh_hans="只有中文的新闻稿",
        date=datetime.datetime(2026, 3, 1, tzinfo=BEIJING),
    )
    NewsArticlePageFactory(parent=news_index, title_en="Not a release")
    return made


def titles(response):
    return [a.get_text(strip=True) for a in parse(response).select(".release-list a")]


def test_all_releases_paginated_in_english(client, releases):
    first = client.get(LIST["en"])
    second = client.get(LIST["en"], {"page": 2})

    assert first.status_code == second.status_code == 200
    assert len(titles(first)) == 20
    assert len(titles(second)) == 5
    assert set(titles(first) + titles(second)) == {f"Release {n}" for n in range(25)}
    assert "25 press releases" in parse(first).select_one(".results-count").get_text()
    assert han_outside_zh_markup(parse(first).find("main")) == []


def test_chinese_list_has_every_release_and_the_year_filter_works(client, releases):
    everything = titles(client.get(LIST["zh-hans"])) + titles(client.get(LIST["zh-hans"], {"page": 2}))
    assert len(everything) == 26 and "只有中文的新闻稿" in everything

    year_2026 = titles(client.get(LIST["zh-hans"], {"year": "2026"}))
    assert sorted(year_2026) == sorted(["新闻稿23", "新闻稿24", "只有中文的新闻稿"])
    assert sorted(titles(client.get(LIST["en"], {"year": "2026"}))) == ["Release 23", "Release 24"]
    options = [o["value"] for o in parse(client.get(LIST["en"])).select("#filter-year option")]
    assert options == ["", "2026", "2025"]


@pytest.mark.parametrize(
    "language, message", [("en", "There are no press releases for the year"), ("zh-hans", "没有")]
)
def test_a_bad_year_gets_a_clear_message(client, releases, language, message):
    response = client.get(LIST[language], {"year": "1999"})
    assert response.status_code == 400
    assert message in parse(response).select_one(".filters__errors").get_text()


def test_the_newsroom_page_links_the_full_list(client, releases):
    page = parse(client.get("/en/newsroom/"))
    assert page.select_one(".newsroom__all-releases a")["href"] == LIST["en"]


def test_an_embargoed_release_says_what_the_embargo_means(client, preview, embargoed_release):  # noqa: F811
    english = parse(read(client, f"/en/embargo/{preview.token}/"))
    chinese = parse(read(client, f"/embargo/{preview.token}/"))

    assert "Nothing from it may be published" in english.select_one(".embargo-explained").get_text()
    assert "禁发时间前" in chinese.select_one(".embargo-explained").get_text()
