"""Phrases above scattered words, words found however the segmenter cut them, codes and years
as words, body matches by relevance, and "did you mean" by the sound of a Chinese word."""

import datetime

import pytest
from django.utils import timezone, translation
from wagtail.search.index import insert_or_update_object

from search.suggest import did_you_mean

from ..factories import NewsArticlePageFactory, body
from ..html import parse
from ..policies.factories import PolicyEntryFactory, PolicyIndexPageFactory, PolicyListPageFactory

pytestmark = pytest.mark.django_db


def result_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [a.get_text() for a in parse(response).select(".search-result__title a")]


def article(news_index, days_ago=0, **fields):
    """An article whose title, summary and body hold none of the test's words unless told."""
    neutral = {
        "title_en": "Zone news",
        "summary_zh_hans": "园区动态。",
        "summary_en": "Zone news.",
        "body_zh_hans": body("正文。"),
        "date": timezone.now() - datetime.timedelta(days=days_ago),
    }
    return NewsArticlePageFactory(parent=news_index, **{**neutral, **fields})


def test_a_word_is_found_however_the_segmenter_cut_it_in_the_page(client, news_index):
    # The segmenter cuts 罕见病 alone as 罕见/病, and 罕见病患者 as 罕见/病患者.
    article(news_index, title_zh_hans="罕见病患者用上进口新药")
    article(news_index, title_zh_hans="园区举办罕见病防治讲座", days_ago=3)
    article(news_index, title_zh_hans="罕见的大雪", days_ago=1)
    assert sorted(result_titles(client, "/search/?q=罕见病")) == [
        "园区举办罕见病防治讲座",
        "罕见病患者用上进口新药",
    ]
    assert result_titles(client, "/search/?q=罕见病患者")[0] == "罕见病患者用上进口新药"
    assert "罕见的大雪" in result_titles(client, "/search/?q=罕见")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("PD-1", True),
        ("pd-1", True),
        ("COVID-19", True),
        ("5G", True),
        ("MAH", True),
        ("2025", True),
        ("PD-2", False),
        ("COVID-20", False),
        ("2024", False),
    ],
)
def test_codes_and_years_are_words(client, news_index, query, found):
    article(
        news_index,
        title_zh_hans="PD-1抑制剂纳入医保",
        title_en="PD-1 inhibitor covered",
        body_zh_hans=body("2025年起，COVID-19疫苗与5G远程会诊试点由MAH负责。"),
        body_en=body("From 2025 the COVID-19 vaccine and 5G remote consultation pilot, run by the MAH."),
    )
    expected = ["PD-1抑制剂纳入医保"] if found else []
    assert result_titles(client, f"/search/?q={query}") == expected


def test_an_exact_run_of_the_query_ranks_above_its_words_scattered(client, news_index):
    article(news_index, title_zh_hans="散见", body_zh_hans=body("用药指导。罕见病门诊开放。"), days_ago=1)
    article(news_index, title_zh_hans="原文", body_zh_hans=body("罕见病用药指导开始试行。"), days_ago=30)
    # A partial match in the summary ranks below the exact run in a body.
    article(news_index, title_zh_hans="摘要", summary_zh_hans="罕见病日活动。", days_ago=0)
    assert result_titles(client, "/search/?q=罕见病用药指导") == ["原文", "散见", "摘要"]


def test_a_phrase_in_quotes_ranks_above_its_words_scattered(client, news_index):
    article(
        news_index,
        title_zh_hans="分散",
        title_en="Scattered",
        body_en=body("Ion beams, a heavy workload, proton rooms. Proton, ion and heavy: " * 3),
        days_ago=1,
    )
    article(
        news_index,
        title_zh_hans="短语",
        title_en="Phrase",
        body_en=body("The proton and heavy ion centre opens."),
        days_ago=60,
    )
    assert result_titles(client, '/en/search/?q="proton and heavy ion"') == ["Phrase", "Scattered"]
    assert result_titles(client, "/en/search/?q=proton+and+heavy+ion") == ["Phrase", "Scattered"]
    # Without the run, the body that says more about the words comes first.
    assert result_titles(client, "/en/search/?q=heavy+proton+ion") == ["Scattered", "Phrase"]


def test_a_run_holding_a_code_ranks_above_its_words_scattered(client, news_index):
    # The index holds a code whole and in parts (in-vitro: invitro, vitro), so the run's
    # phrase is the index's terms in order; asked as invitro diagnost it was never found.
    article(
        news_index,
        title_zh_hans="分散",
        title_en="Scattered",
        body_en=body("In-vitro tests. Diagnostics. In-vitro work, diagnostics labs."),
        days_ago=1,
    )
    article(
        news_index,
        title_zh_hans="短语",
        title_en="Phrase",
        body_en=body("The zone invites makers of in-vitro diagnostics to set up their plants in its parks."),
        days_ago=60,
    )
    assert result_titles(client, "/en/search/?q=in-vitro+diagnostics") == ["Phrase", "Scattered"]
    assert result_titles(client, "/en/search/?q=diagnostics+in-vitro") == ["Scattered", "Phrase"]


def test_body_matches_rank_by_relevance_not_date(client, news_index):
    article(
        news_index,
        title_zh_hans="顺带一提",
        body_zh_hans=body("园区新闻很多，其中提到干细胞一次。" * 3),
        days_ago=1,
    )
    article(
        news_index, title_zh_hans="专题", body_zh_hans=body("干细胞研究。干细胞治疗。干细胞库。"), days_ago=90
    )
    assert result_titles(client, "/search/?q=干细胞") == ["专题", "顺带一提"]


def test_did_you_mean_offers_the_chinese_word_that_sounds_the_same(client, news_index):
    article(news_index, title_zh_hans="康复中心开业", summary_zh_hans="园区康复中心开业。")
    soup = parse(client.get("/search/?q=康富医院"))
    assert soup.select_one("#search-q")["value"] == "康富医院"  # never silently replaced
    offer = soup.select_one(".search__did-you-mean a")
    assert offer is not None and offer.get_text() == "康复医院"
    assert result_titles(client, "/search/?q=康复医院") == ["康复中心开业"]


def test_did_you_mean_knows_the_words_of_a_lists_entries(client, home, news_index):
    # 体外诊断 names an entry of a list: it is no slip for 对外 of a title, though only one page
    # holds it and 对外诊断 finds more.
    catalogue = PolicyListPageFactory(
        parent=PolicyIndexPageFactory(parent=home), title_zh_hans="招商目录", title_en="Investment catalogue"
    )
    PolicyEntryFactory(page=catalogue, title_zh_hans="体外诊断与高值耗材", summary_zh_hans="试剂与仪器。")
    insert_or_update_object(catalogue)
    article(news_index, title_zh_hans="对外开放新举措")
    article(news_index, title_zh_hans="对外合作签约", days_ago=1)
    soup = parse(client.get("/search/?q=体外诊断"))
    assert [a.get_text() for a in soup.select(".search-result__title a")] == ["招商目录"]
    assert soup.select_one(".search__did-you-mean") is None
    # A slip in it is offered the entry's word (on the page when that finds more).
    with translation.override("zh-hans"):
        assert did_you_mean("休外诊断") == "体外诊断"
