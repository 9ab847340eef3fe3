"""The search page in both languages: what it finds, in which order, and what it does with bad input."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from ..factories import NewsArticlePageFactory, StandardPageFactory, body
from ..html import HAN, parse

pytestmark = pytest.mark.django_db


def result_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [a.get_text() for a in parse(response).select(".search-result__title a")]


def article(news_index, **fields):
    return NewsArticlePageFactory(parent=news_index, **fields)


def test_a_chinese_word_inside_a_run_of_chinese_is_found(client, news_index):
    article(
        news_index,
        title_zh_hans="山东省质子中心收治首位患者",
        summary_zh_hans="园区招商团队成员一边学习一边工作。",
    )
    assert result_titles(client, "/search/?q=质子") == ["山东省质子中心收治首位患者"]
    assert result_titles(client, "/search/?q=招商") == ["山东省质子中心收治首位患者"]
    # Any word may match: a page holding some of the words is found.
    assert result_titles(client, "/search/?q=质子 仪器") == ["山东省质子中心收治首位患者"]
    assert result_titles(client, "/search/?q=质子治疗仪器") == []  # 质子治疗 is one word: both parts
    assert result_titles(client, "/search/?q=仪器设备") == []


def test_traditional_characters_find_simplified_text(client, news_index):
    article(news_index, title_zh_hans="精准医学产业园一期投用")
    assert result_titles(client, "/search/?q=精準醫學") == ["精准医学产业园一期投用"]


def test_english_words_are_found_by_their_stem(client, news_index):
    article(news_index, title_en="The centre treats its first patients", summary_en="Therapies for children.")
    assert result_titles(client, "/en/search/?q=treated+patient") == ["The centre treats its first patients"]
    assert result_titles(client, "/en/search/?q=THERAPY") == ["The centre treats its first patients"]


def test_english_results_hold_only_pages_with_english(client, news_index):
    article(news_index, english=False, title_zh_hans="医学中心新建综合医院开始试运行")
    article(news_index, title_zh_hans="综合医院的英文报道", title_en="The general hospital opens")
    assert sorted(result_titles(client, "/search/?q=综合医院")) == [
        "医学中心新建综合医院开始试运行",
        "综合医院的英文报道",
    ]
    english = client.get("/en/search/?q=综合医院")
    results = parse(english).select(".search-result")
    assert [r.select_one("h2").get_text() for r in results] == ["The general hospital opens"]
    assert not any(HAN.search(r.get_text()) for r in results)


def test_the_other_language_is_suggested_when_nothing_is_found(client, news_index):
    article(news_index, english=False, title_zh_hans="医学中心新建综合医院开始试运行")
    soup = parse(client.get("/en/search/?q=综合医院"))
    suggestion = soup.select_one('.search__none a[hreflang="zh-Hans"]')
    assert suggestion["href"] == "/search/?q=%E7%BB%BC%E5%90%88%E5%8C%BB%E9%99%A2"


def test_fewer_words_are_suggested_only_when_they_find_something(client, news_index):
    article(news_index, title_en="Proton therapy centre", date=timezone.now() - datetime.timedelta(days=800))
    this_year = timezone.localdate().year
    soup = parse(client.get(f"/en/search/?q=proton+giraffe&year={this_year}"))
    # Nothing this year; "proton" alone finds the older page, "giraffe" finds nothing at all.
    links = [a.get_text() for a in soup.select('.search__none a[href^="?"]')]
    assert "proton" in links and "giraffe" not in links


def test_empty_translations_are_not_indexed_as_none(client, news_index):
    article(news_index, english=False, title_zh_hans="只有中文")
    StandardPageFactory(parent=news_index.get_parent(), english=False)
    assert result_titles(client, "/search/?q=None") == []
    assert result_titles(client, "/search/?q=none") == []


def test_a_title_match_beats_a_body_match(client, news_index):
    article(news_index, title_en="Fund news", body_en=body("Oncology " * 20), date=timezone.now())
    article(news_index, title_en="Oncology ward opens", date=timezone.now() - datetime.timedelta(days=400))
    assert result_titles(client, "/en/search/?q=oncology") == ["Oncology ward opens", "Fund news"]


def test_newer_beats_older_when_relevance_ties(client, news_index):
    now = timezone.now()
    # The same words, so the same relevance; the older story is created last, so creation
    # order cannot be what decides.
    article(
        news_index, title_zh_hans="质子新闻", title_en="Proton news", date=now - datetime.timedelta(days=1)
    )
    article(
        news_index, title_zh_hans="质子新闻", title_en="Proton news", date=now - datetime.timedelta(days=30)
    )
    soup = parse(client.get("/en/search/?q=proton+news"))
    dates = [t["datetime"] for t in soup.select(".search-result time")]
    assert len(dates) == 2 and dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("prefix", "word", "language"),
    [("", "免疫", "zh_hans"), ("/en", "immunotherapy", "en")],
)
def test_a_summary_match_beats_a_body_match_and_body_matches_rank_by_relevance(
    client, news_index, prefix, word, language
):
    now = timezone.now()
    for title, summary, text, days in [
        ("Body, often, older", "新闻 news", f"{word} " * 12, 20),
        ("Summary", f"{word} 新闻 news", "", 400),
        ("Body, once, newer", "新闻 news", word, 2),
    ]:
        article(
            news_index,
            title_zh_hans=title,
            title_en=title,
            **{f"summary_{language}": summary, f"body_{language}": body(f"{text} 新闻 news")},
            date=now - datetime.timedelta(days=days),
        )
    titles = result_titles(client, f"{prefix}/search/?q={word}")
    # The page's summary says what it is about: it ranks with the title. Among pages that
    # hold the word only in their body, the body that is about it comes first, not the newer.
    assert titles == ["Summary", "Body, often, older", "Body, once, newer"]


def test_the_index_follows_publishing_unpublishing_and_deletion(client, news_index):
    story = article(news_index, title_zh_hans="重离子病房开工", title_en="Heavy-ion ward")
    assert result_titles(client, "/search/?q=重离子") == ["重离子病房开工"]

    story.unpublish()
    assert result_titles(client, "/search/?q=重离子") == []
    assert result_titles(client, "/en/search/?q=heavy+ion") == []

    story.title_zh_hans = "重离子病房封顶"
    story.save_revision().publish()
    assert result_titles(client, "/search/?q=封顶") == ["重离子病房封顶"]
    assert result_titles(client, "/search/?q=开工") == []

    story.delete()
    assert result_titles(client, "/search/?q=重离子") == []
    assert not Page.objects.filter(title_zh_hans="重离子病房封顶").exists()


def test_the_index_follows_scheduled_go_live_and_expiry(client, news_index):
    story = article(news_index, title_zh_hans="预约发布的路演新闻", live=False)
    story.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live
    assert result_titles(client, "/search/?q=路演") == []

    # The hour passes: the scheduled revision's go-live time is now behind us.
    revision = story.latest_revision
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    assert result_titles(client, "/search/?q=路演") == ["预约发布的路演新闻"]

    story.refresh_from_db()
    story.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    story.save()
    call_command("publish_scheduled", verbosity=0)
    assert result_titles(client, "/search/?q=路演") == []


BAD_QUERIES = [
    "",
    "质",
    "a",
    "。，！？……",
    "!!!",
    '"proton',
    "proton*",
    "NEAR(proton therapy)",
    "proton OR therapy",
    "-proton",
    "proton AND NOT",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "CT检查 proton 質子",
    "🔬💉 质子",
    "{title} : proton",
    "\\",
    "%",
]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_answers_quickly_without_an_error(
    client, news_index, prefix, query, django_assert_max_num_queries
):
    """Quickly: within a budget of queries (the search, its count, each suggestion checked:
    at most 35 on SQLite and 64 on PostgreSQL, whose suggestions ask more), not a wall-clock
    limit, which a loaded machine broke in CI (1.2 s for "{title} : proton")."""
    article(news_index)
    with django_assert_max_num_queries(40 if connection.vendor == "sqlite" else 70):
        response = client.get(f"{prefix}/search/", {"q": query, "kind": "bogus", "year": "abc", "page": "x"})
    assert response.status_code == 200
    assert parse(response).select_one("#search-q")["value"] == query


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_an_absurdly_long_query_is_refused_with_a_message(client, home, prefix):
    response = client.get(f"{prefix}/search/", {"q": "质子" * 5000})
    assert response.status_code == 400
    assert parse(response).select_one('[role="alert"]').get_text().strip()


def test_results_filter_by_kind_and_year(client, news_index):
    this_year = timezone.now().year
    article(news_index, title_zh_hans="质子新闻", kind="news", date=timezone.now())
    article(news_index, title_zh_hans="质子新闻稿", kind="press_release", date=timezone.now())
    article(
        news_index, title_zh_hans="旧的质子新闻", kind="news", date=timezone.now().replace(year=this_year - 3)
    )
    assert result_titles(client, "/search/?q=质子&kind=press_release") == ["质子新闻稿"]
    assert sorted(result_titles(client, f"/search/?q=质子&kind=news&year={this_year}")) == ["质子新闻"]
    assert result_titles(client, f"/search/?q=质子&year={this_year - 3}") == ["旧的质子新闻"]


def test_the_summary_is_highlighted_and_escaped(client, news_index):
    article(news_index, summary_zh_hans="质子治疗，a < b & 质子。", title_zh_hans="标题")
    summary = parse(client.get("/search/?q=质子")).select_one(".search-result__summary")
    assert [m.get_text() for m in summary.select("mark")] == ["质子", "质子"]
    assert summary.get_text() == "质子治疗，a < b & 质子。"  # escaped, and full-width punctuation kept


def test_pagination_keeps_the_query_and_the_box_keeps_it_too(client, news_index):
    for n in range(12):
        article(news_index, title_zh_hans=f"质子新闻{n}")
    soup = parse(client.get("/search/?q=质子"))
    assert len(soup.select(".search-result")) == 10
    next_link = soup.select_one('.pagination a[rel="next"]')["href"]
    assert "q=%E8%B4%A8%E5%AD%90" in next_link and "page=2" in next_link
    second = parse(client.get("/search/" + next_link))
    assert len(second.select(".search-result")) == 2
    assert second.select_one("#search-q")["value"] == "质子"


def test_the_language_switcher_keeps_the_search(client, news_index):
    soup = parse(client.get("/search/?q=质子"))
    assert soup.body.select_one('a[hreflang="en"]')["href"] == "/en/search/?q=%E8%B4%A8%E5%AD%90"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_results(client, news_index):
    article(news_index, title_zh_hans="质子一")
    StandardPageFactory(parent=news_index.get_parent(), title_zh_hans="质子页面")
    client.get("/search/?q=质子")  # fills the content-type cache, which then lasts
    few = count_queries(client, "/search/?q=质子")
    for n in range(9):
        article(news_index, title_zh_hans=f"质子新闻{n}")
    many = count_queries(client, "/search/?q=质子")
    assert few == many


def test_the_admin_page_search_finds_chinese_words(admin_client, news_index):
    article(news_index, title_zh_hans="山东省质子中心收治首位患者")
    response = admin_client.get("/admin/pages/search/", {"q": "质子"})
    assert response.status_code == 200
    assert "山东省质子中心收治首位患者" in response.content.decode()
