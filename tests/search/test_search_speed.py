"""How the search reads the index, which keeps it fast as the site grows (`make search-bench`
measures the time: docs/performance.md)."""

import datetime

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from search.query import search
from search.ranking import python_title_score, title_score

from ..factories import NewsArticlePageFactory, body
from ..html import parse

pytestmark = pytest.mark.django_db


def proton_stories(news_index):
    """Fourteen stories about protons: some say it in the title, the others in the body,
    over four dates, so that every ordering key has something to decide."""
    now = timezone.now()
    for n in range(14):
        in_title = n % 3 == 0
        NewsArticlePageFactory(
            parent=news_index,
            title_zh_hans=f"质子中心第{n}号" if in_title else f"医院新闻第{n}号",
            body_zh_hans=body("质子治疗。" * (n % 5 + 1)),
            date=now - datetime.timedelta(days=n % 4),
        )


def test_each_page_of_results_is_its_slice_of_the_whole_ranking(client, news_index):
    # PostgreSQL ranks only the matches whose title score can reach the page asked for:
    # the pages must still add up to the ranking of every match.
    proton_stories(news_index)
    with translation.override("zh-hans"):
        whole = [page.title for page in search("质子")]
    shown = []
    for number in (1, 2):
        soup = parse(client.get("/search/", {"q": "质子", "page": number}))
        shown += [a.get_text() for a in soup.select(".search-result__title a")]
    assert len(whole) == 14
    assert shown == whole
    assert shown[0].startswith("质子中心")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text table")
def test_sqlite_runs_the_full_text_match_once_per_search(news_index):
    # Read from the full-text side, the match runs once and bm25() scores each match as it
    # comes; the other way round, SQLite runs the match again for every page (15 s at
    # 10,000 pages).
    proton_stories(news_index)
    with translation.override("zh-hans"):
        results = search("质子")
        ranked = results.query_compiler.search(None, 0, 10, score_field="_score")
    sql, params = ranked.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        steps = [row[-1] for row in cursor.fetchall()]
    table = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")._meta.db_table
    assert steps[0].startswith(f"SCAN {table} VIRTUAL TABLE INDEX 0:M"), steps
    assert [step for step in steps if table in step] == steps[:1], steps


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_postgresql_finds_the_matches_through_the_gin_index(news_index):
    # Left to itself, the planner reads every index entry and matches each one when a word is
    # on most pages (110 ms at 10,000 articles, against 3 ms through the GIN index), as it
    # does here once it knows that most entries hold the word.
    proton_stories(news_index)
    settings = "SELECT current_setting('enable_seqscan'), current_setting('random_page_cost')"
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute(settings)
        before = cursor.fetchone()
    plans = []

    def explained(execute, sql, params, many, context):
        if "@@" in sql and not sql.startswith("EXPLAIN"):
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN {sql}", params)
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
        return execute(sql, params, many, context)

    with translation.override("zh-hans"), connection.execute_wrapper(explained):
        results = search("质子")
        assert results.count() == 14
        assert len(list(results[:10])) == 10
    assert len(plans) == 2  # the count, then a page of results ranked in one pass
    for plan in plans:
        assert "Seq Scan on wagtailsearch_indexentry" not in plan, plan
    with connection.cursor() as cursor:
        cursor.execute(settings)
        assert cursor.fetchone() == before  # put back for the queries that follow


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's one-pass ranking")
def test_postgresql_counts_and_ranks_a_page_of_results_in_one_query(client, news_index):
    # Counting, ranking and the slice's title-score cut-off were three reads of every match
    # (a word on 8,000 pages: 25 ms each); the search page now asks for the page of
    # results first, and the one query that ranks it counts every match too.
    proton_stories(news_index)
    for number, shown in ((1, 10), (2, 4)):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": "质子", "page": number})
        assert len(parse(response).select(".search-result")) == shown
        assert "14" in parse(response).select_one(".search__count").get_text()
        assert len([q for q in queries if "@@" in q["sql"]]) == 1, [q["sql"][:80] for q in queries]


@pytest.mark.parametrize(("number", "shown"), [("3", 4), ("99", 4), ("0", 4), ("x", 10)])
def test_a_page_number_out_of_range_shows_the_last_page_and_a_bad_one_the_first(
    client, news_index, number, shown
):
    proton_stories(news_index)
    soup = parse(client.get("/search/", {"q": "质子", "page": number}))
    assert len(soup.select(".search-result")) == shown


def test_the_title_score_is_the_same_worked_out_in_python(news_index):
    # SQLite runs search.ranking.python_title_score itself (registered on each connection);
    # PostgreSQL runs site_title_score, its SQL twin (migration site_search.0002). Both must
    # give the same number, to the last bit, or the databases would rank equal titles apart.
    titles = [
        ("质子治疗中心开业", "Proton therapy centre opens"),
        ("质子质子质子", "Proton proton"),
        ("CAR-T细胞治疗进入临床", "CAR-T therapy enters the clinic"),
        ("5G远程手术", ""),
        ("医学中心", "Medical center, proton and heavy ion therapy, investment"),
    ]
    for title_zh, title_en in titles:
        NewsArticlePageFactory(parent=news_index, title_zh_hans=title_zh, title_en=title_en)
    entries = apps.get_model("wagtailsearch", "IndexEntry").objects.filter(
        content_type__model="newsarticlepage"
    )
    column = "title" if connection.vendor == "sqlite" else "title_text"
    chinese = ["质子", "质子 治疗", "car 治疗", "远程 手术"]
    for query in [*chinese, "proton therapi", "invest medic", "proton proton"]:
        terms = query.split()
        in_sql = entries.annotate(score=title_score(terms, column)).values_list(column, "score")
        scored = [(python_title_score(title, *terms), score) for title, score in in_sql]
        assert len(scored) == len(titles)
        assert any(score > 0 for score, _ in scored), query
        for in_python, score in scored:
            assert in_python == score, (query, scored)
