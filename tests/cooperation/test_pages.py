"""Cooperation index and showcases in both languages: filters, overview counts, related news."""

import itertools

import pytest
from django.utils import translation

from cooperation.models import CooperationStatus, Country, Sector, ShowcaseNewsLink

from ..factories import NewsArticlePageFactory
from ..html import han_outside_zh_markup, parse, switcher_link
from .conftest import SHOWCASES

pytestmark = pytest.mark.django_db

INDEX = {"zh-hans": "/guoji-hezuo/", "en": "/en/international-cooperation/"}


def shown(response):
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in parse(response).select(".showcase-card h3 a")]


def test_index_in_both_languages_with_counts_per_country_and_sector(client, showcases):
    chinese = parse(client.get(INDEX["zh-hans"]))
    english = parse(client.get(INDEX["en"]))

    assert english.find("h1").get_text(strip=True) == "International cooperation"
    assert len(chinese.select(".showcase-card")) == 6
    assert len(english.select(".showcase-card")) == 5  # the Japanese project has no English
    assert han_outside_zh_markup(english.find("main")) == []
    tables = english.select("table.count-table")
    by_country = {
        row.th.get_text(strip=True): row.select_one(".count-table__number").get_text(strip=True)
        for row in tables[0].select("tbody tr")
    }
    assert by_country == {"South Korea": "3", "Israel": "1", "Switzerland": "1"}
    assert tables[0].caption.get_text(strip=True)
    by_sector = {
        row.th.get_text(strip=True): row.select_one(".count-table__number").get_text(strip=True)
        for row in tables[1].select("tbody tr")
    }
    assert by_sector == {"Medical services": "2", "Health and wellness": "2", "Medical devices": "1"}
    chinese_countries = [
        row.th.get_text(strip=True) for row in chinese.select("table.count-table")[0].select("tbody tr")
    ]
    assert len(chinese_countries) == 4  # Japan counts in Chinese


def test_every_filter_combination_returns_exactly_the_expected_showcases(client, showcases):
    countries = ["", "KR", "IL", "CH", "JP"]
    sectors = ["", *Sector.values]
    statuses = ["", *CooperationStatus.values]
    for language, country, sector, status in itertools.product(INDEX, countries, sectors, statuses):
        query = {k: v for k, v in {"country": country, "sector": sector, "status": status}.items() if v}
        response = client.get(INDEX[language], query)
        assert response.status_code == 200
        expected = {
            (f"zh-{key}" if language == "zh-hans" else f"en-{key}")
            for key, (c, se, st, english) in SHOWCASES.items()
            if (english or language == "zh-hans")
            and (not country or c == country)
            and (not sector or se == sector)
            and (not status or st == status)
        }
        assert set(shown(response)) == expected, (language, query)


@pytest.mark.parametrize("query", [{"country": "XX"}, {"sector": "space"}, {"status": "done"}])
def test_bad_filter_values_get_a_clear_message(client, showcases, query):
    english = client.get(INDEX["en"], query)
    chinese = client.get(INDEX["zh-hans"], query)
    assert english.status_code == chinese.status_code == 400
    assert "Select a valid choice" in parse(english).select_one('[role="alert"]').get_text()
    assert "选择一个有效的选项" in parse(chinese).select_one('[role="alert"]').get_text()


def test_showcase_page_in_both_languages_and_the_untranslated_notice(client, showcases):
    english = client.get(INDEX["en"] + "en-il1/")
    chinese = client.get(INDEX["zh-hans"] + "zh-il1/")
    untranslated = client.get(INDEX["en"] + "zh-jp1/")

    assert parse(english).find("h1").get_text(strip=True) == showcases["il1"].title_en
    assert "Israel" in parse(english).find("main").get_text()
    with translation.override("zh-hans"):
        chinese_country = str(Country.IL.label)
    assert chinese_country in parse(chinese).find("main").get_text()
    assert showcases["il1"].partner_zh_hans in parse(chinese).find("main").get_text()
    assert switcher_link(parse(english), "zh-Hans")["href"] == INDEX["zh-hans"] + "zh-il1/"
    assert "not yet available in English" in parse(untranslated).find("h1").get_text()
    for response in (english, chinese):
        assert len(parse(response).find_all("h1")) == 1


def test_related_news_both_ways(client, news_index, showcases):
    article = NewsArticlePageFactory(parent=news_index, slug_zh_hans="hezuo", slug_en="cooperation-story")
    for key in ("kr1", "jp1"):
        ShowcaseNewsLink.objects.create(page=showcases[key], article=article)

    showcase = parse(client.get(INDEX["en"] + "en-kr1/"))
    assert showcase.find("a", href="/en/news/cooperation-story/")

    english_article = parse(client.get("/en/news/cooperation-story/"))
    chinese_article = parse(client.get("/xinwen/hezuo/"))
    english_links = [a["href"] for a in english_article.select("#linked-showcases-heading ~ ul a")]
    chinese_links = [a["href"] for a in chinese_article.select("#linked-showcases-heading ~ ul a")]
    assert english_links == [INDEX["en"] + "en-kr1/"]  # the Japanese project has no English
    assert sorted(chinese_links) == [INDEX["zh-hans"] + "zh-jp1/", INDEX["zh-hans"] + "zh-kr1/"]

    showcases["kr1"].unpublish()
    assert not parse(client.get("/en/news/cooperation-story/")).select("#linked-showcases-heading")


def test_cooperation_index_is_in_the_main_menu(client, showcases):
    assert parse(client.get("/en/")).select_one('.main-nav a[href="/en/international-cooperation/"]')


@pytest.mark.parametrize("prefix", ["/guoji-hezuo/", "/en/international-cooperation/"])
def test_query_counts_do_not_grow_with_showcases(client, cooperation_index, prefix):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import CooperationShowcasePageFactory

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    countries = list(Country.values)
    counts = {}
    for size in (3, 30):
        while cooperation_index.get_children().count() < size:
            n = cooperation_index.get_children().count()
            CooperationShowcasePageFactory(parent=cooperation_index, country=countries[n % len(countries)])
        counts[size] = [queries(prefix), queries(prefix + "?country=KR")]
    print("query counts", prefix, counts)
    assert counts[3] == counts[30]
    assert max(counts[30]) <= 25
