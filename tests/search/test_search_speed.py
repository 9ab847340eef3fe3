"""How the search reads the index, which keeps it fast as the site grows (`make search-bench`
measures the time: docs/performance.md)."""

import datetime
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.search.backends import get_search_backend
from wagtail.search.index import insert_or_update_object

from search.backend.query import ROUNDING_MARGIN
from search.query import search
from search.ranking import TITLE_SCORE, first_key, lower_bound, python_title_score, title_score

from ..factories import NewsArticlePageFactory, body
from ..html import parse
from ..policies.factories import PolicyEntryFactory, PolicyIndexPageFactory, PolicyListPageFactory

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


QUESTION = "济南哪家医院可以做质子治疗"


def question_stories(news_index, home):
    """Twenty-four pages, all but one holding some of the question's words (济南, 医院, 质子治疗) in their
    title, body or both, over four dates, and a policy list holding them in its entries (its
    coverage counts half): every part of the first key has something to decide, and many
    pages tie on their coverage, to be ordered by their title score."""
    now = timezone.now()
    titles = ["济南医院新闻第{}号", "质子治疗中心第{}号", "园区动态第{}号", "济南质子治疗医院第{}号"]
    bodies = ["质子治疗。", "济南医院。", "质子和重离子治疗在济南。", "医院里的质子治疗。", "园区。"]
    for n in range(24):
        NewsArticlePageFactory(
            parent=news_index,
            title_zh_hans=titles[n % 4].format(n),
            summary_zh_hans="园区动态。",
            body_zh_hans=body(bodies[n % 5] * (n % 3 + 1)),
            date=now - datetime.timedelta(days=n % 4),
        )
    policy_list = PolicyListPageFactory(parent=PolicyIndexPageFactory(parent=home), title_zh_hans="医疗政策")
    PolicyEntryFactory(page=policy_list, title_zh_hans="济南质子治疗补贴")
    insert_or_update_object(policy_list)


def test_each_page_of_a_question_is_its_slice_of_the_ranking_of_every_match(client, news_index, home):
    # The search ranks in full only the matches that can reach the page asked for
    # (search.backend.query.ONE_PASS); the pages must add up to the ranking of all matches,
    # computed without that cut-off.
    question_stories(news_index, home)
    with translation.override("zh-hans"):
        whole = [page.title for page in search(QUESTION)]
        assert len(whole) == 24  # all but the page of 园区 alone
        for start, stop in ((0, 10), (10, 20), (20, 30), (3, 7)):
            assert [page.title for page in search(QUESTION)[start:stop]] == whole[start:stop]
    shown = []
    for number in (1, 2, 3):
        soup = parse(client.get("/search/", {"q": QUESTION, "page": number}))
        shown += [a.get_text() for a in soup.select(".search-result__title a")]
        assert "24" in soup.select_one(".search__count").get_text()
    assert shown == whole


@pytest.mark.parametrize("query", ['"质子治疗" 济南医院', "济南 质子治疗 医院", QUESTION, "质子治疗"])
def test_the_one_pass_shortcuts_rank_as_the_plain_first_pass(news_index, home, query):
    # PostgreSQL checks a query's phrases only for the matches within reach of the slice, the
    # first pass bounding them by the phrases whose terms a match holds
    # (DatabaseCompilerMixin.PHRASES_WITHIN_REACH), and works out the first pass's lookups at
    # once, a mask of bits for each entry (LOOKUPS_AT_ONCE). The slices must be those of the
    # ranking with every match's phrases checked and each lookup tested in the first pass, and
    # the count the same.
    question_stories(news_index, home)
    compiler_class = type(search(query).query_compiler)
    with translation.override("zh-hans"):
        every = search(query)
        with (
            mock.patch.object(compiler_class, "PHRASES_WITHIN_REACH", False),
            mock.patch.object(compiler_class, "LOOKUPS_AT_ONCE", False),
        ):
            whole = [page.pk for page in search(query)]
            first = [page.pk for page in search(query)[:10]]
        assert len(whole) >= 20
        assert first == whole[:10]
        assert [page.pk for page in every] == whole
        for start, stop in ((0, 10), (10, 20), (20, 30), (3, 7)):
            results = search(query)
            assert [page.pk for page in results[start:stop]] == whole[start:stop]
            assert results.count() == len(whole)
        if connection.vendor == "postgresql":
            with CaptureQueriesContext(connection) as queries:
                list(search(query)[:10])
            ranking = [q["sql"] for q in queries if "phrased" in q["sql"]]
            assert len(ranking) == 1
            # The lookups at once for several words (a word alone makes few); a word alone has
            # its title scored before its phrase is checked (REACH_PHRASES_LAST).
            assert ("masks AS MATERIALIZED" in ranking[0]) == (query != "质子治疗")
            assert ("titled AS MATERIALIZED" in ranking[0]) == (query == "质子治疗")


@pytest.mark.parametrize("query", [QUESTION, "质子 医院", '"质子治疗" 济南', "质子"])
def test_every_matchs_first_key_lies_within_the_bounds_the_cut_off_reads(news_index, home, query):
    # The cut-off keeps a match whose lower bound plus the title score's bound reaches the
    # slice's stop-th best lower bound. That is sound only if, for every match, the first key
    # is at least its lower bound and at most that sum: a bound too low would drop pages that
    # belong on the page (the pages whose title score lifts them above others).
    question_stories(news_index, home)
    with translation.override("zh-hans"):
        compiler = search(query).query_compiler
        config = compiler.get_config(get_search_backend())
        matches = compiler.search(config, None, None, score_field="_score").order_by()
        matches, parts, bound = compiler._with_first_pass(matches, F)
        # The key as the one pass completes it, and as the search orders by it otherwise.
        title = F(f"index_entries__{compiler.TITLE_COLUMN}")
        key = first_key(compiler._ranking()["terms"], title, **parts)
        rows = list(
            matches.annotate(
                key=key, lower=lower_bound(**parts), bound=bound, ordered_by=F(TITLE_SCORE)
            ).values_list("key", "lower", "bound", "ordered_by")
        )
    assert len(rows) >= 20
    margin = ROUNDING_MARGIN  # the rounding of sums in another order, which the cut-off allows
    for key, lower, title_bound, ordered_by in rows:
        assert lower - margin <= key <= lower + title_bound + margin, (key, lower, title_bound)
        assert key == pytest.approx(ordered_by, abs=1e-9)
    # The title score decides for some matches, which the bound must then cover.
    assert any(key > lower for key, lower, _bound, _ordered_by in rows)


def test_a_page_of_results_and_their_count_take_one_full_text_query(client, news_index):
    # Counting, ranking and the slice's cut-off were three reads of every match (a word on
    # 8,000 pages: 25 ms each); the search page asks for its page of results first, and the
    # one query that ranks it counts every match too.
    proton_stories(news_index)
    marker = "@@" if connection.vendor == "postgresql" else " MATCH "
    for number, shown in ((1, 10), (2, 4)):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": "质子", "page": number})
        assert len(parse(response).select(".search-result")) == shown
        assert "14" in parse(response).select_one(".search__count").get_text()
        assert len([q for q in queries if marker in q["sql"]]) == 1, [q["sql"][:80] for q in queries]


def test_the_count_of_a_page_of_results_already_fetched_asks_the_database_nothing(news_index):
    # On PostgreSQL the count set the planner's settings and put them back (three round trips)
    # around a count it already had from the page of results.
    proton_stories(news_index)
    with translation.override("zh-hans"):
        results = search("质子")
        assert len(list(results[:10])) == 10
        with CaptureQueriesContext(connection) as queries:
            assert results.count() == 14
    assert len(queries) == 0, [q["sql"][:80] for q in queries]


def test_the_terms_counts_are_kept_until_the_index_changes(news_index):
    # The ranking weighs each word by how many index entries hold its terms: counting them took
    # a question of nine terms 10–28 ms at 10,000 articles. The counts are kept until the next
    # write to the index, then counted again, so a new page weighs in at once.
    proton_stories(news_index)
    counting = "SELECT (SELECT count(*) FROM wagtailsearch_indexentry)"

    def searched():
        with translation.override("zh-hans"), CaptureQueriesContext(connection) as queries:
            titles = [page.title for page in search("质子 医院")[:20]]
        return titles, sum(counting in query["sql"] for query in queries)

    first, counts = searched()
    assert counts == 1
    again, counts = searched()
    assert (again, counts) == (first, 0)
    NewsArticlePageFactory(parent=news_index, title_zh_hans="质子医院开诊", body_zh_hans=body("质子。"))
    after, counts = searched()
    assert counts == 1
    assert "质子医院开诊" in after


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text table")
def test_sqlite_runs_the_full_text_match_once_per_search(news_index):
    # Read from the full-text side, the match runs once and bm25() scores each match as it
    # comes, its page found through the search's own row of the page (by its index on `entry`);
    # the other way round, SQLite runs the match again for every page (15 s at 10,000 pages).
    # The full-text table is read otherwise only for the terms' lookups (a list of the entries
    # holding a term, built once per search).
    proton_stories(news_index)
    statements = []

    def kept(execute, sql, params, many, context):
        if sql.lstrip().startswith("WITH"):
            statements.append((sql, params))
        return execute(sql, params, many, context)

    with translation.override("zh-hans"), connection.execute_wrapper(kept):
        assert len(list(search("质子 医院")[:10])) == 10
    sql, params = statements[0]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        steps = {row[0]: (row[1], row[-1]) for row in cursor.fetchall()}
    table = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")._meta.db_table
    full_text = [(parent, step) for parent, step in steps.values() if table in step]
    assert full_text[0][1].startswith(f"SCAN {table} VIRTUAL TABLE INDEX 0:M"), steps
    assert steps[full_text[0][0]][1] == "MATERIALIZE matches", steps
    for parent, _step in full_text[1:]:
        assert steps[parent][1].startswith("LIST SUBQUERY"), steps
    searched = apps.get_model("site_search", "SearchedPage")._meta.db_table
    assert f"SEARCH {searched} USING INDEX" in " ".join(step for _parent, step in steps.values()), steps


def full_text_segments():
    """How many segments SQLite's full-text table has: the second number of its structure record
    (FTS5's %_data row 10: a 4-byte cookie, a marker in newer versions, then varints for the
    levels and the segments, each below 128 here)."""
    table = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT block FROM {table}_data WHERE id = 10")
        structure = bytes(cursor.fetchone()[0])
    start = 8 if structure[4:8] == b"\xff\x00\x00\x01" else 4
    return structure[start + 1]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text table")
def test_a_full_reindex_leaves_sqlites_full_text_table_merged(news_index):
    # A reindex writes the full-text table as several segments, and a term's lookup reads
    # every segment; update_index ends by merging them into one (FTS5's 'optimize'). The
    # search finds the same pages afterwards.
    for n in range(30):
        NewsArticlePageFactory(
            parent=news_index, title_zh_hans=f"质子治疗第{n}号", body_zh_hans=body("医院。")
        )
    # FTS5 writes a segment each time its pending terms pass `hashsize` (1 MB by default, a few
    # thousand articles): here 4 kB, so that thirty pages are written as many segments.
    table = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES('hashsize', 4096)")
    try:
        call_command("update_index", verbosity=0)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES('hashsize', 1048576)")
    assert full_text_segments() == 1
    with translation.override("zh-hans"):
        assert search("质子治疗").count() == 30


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

    statements = []

    def explained(execute, sql, params, many, context):
        if "@@" in sql and not sql.startswith("EXPLAIN"):
            statements.append(sql)
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN {sql}", params)
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
        return execute(sql, params, many, context)

    with translation.override("zh-hans"), connection.execute_wrapper(explained):
        results = search("质子")
        assert results.count() == 14
        assert len(list(results[:10])) == 10
    assert len(plans) == 2  # the count, then a page of results ranked in one pass
    # The matches are joined to the entries found, not tested against their list: PostgreSQL
    # takes a list it has no statistics of for 200 entries, and looked each match up by index.
    assert all("JOIN found ON found.id = m._entry" in sql for sql in statements), statements
    assert not any("IN (SELECT id FROM found)" in sql for sql in statements), statements
    for plan in plans:
        assert "Seq Scan on wagtailsearch_indexentry" not in plan, plan
        # Nor by another index, testing each entry's vectors (search.backend.postgres.FOUND).
        assert "Filter: ((title || body) @@" not in plan, plan
    with connection.cursor() as cursor:
        cursor.execute(settings)
        assert cursor.fetchone() == before  # put back for the queries that follow


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")
def test_postgresql_indexes_the_searched_rows_by_entry_with_the_rest_of_each_row(db):
    """The first pass joins every match to its searched row by entry: with the rest of the row in
    the index (migration site_search.0007) PostgreSQL reads the index alone at 10,000 articles
    (docs/performance.md). A table of a few test rows is planned otherwise, so the index itself
    is checked here."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'site_search_entry_covering'")
        (definition,) = cursor.fetchone()
    assert definition.endswith("(entry) INCLUDE (page_id, kind, has_english, date)"), definition


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
        in_sql = entries.annotate(score=title_score(terms, F(column))).values_list(column, "score")
        scored = [(python_title_score(title, *terms), score) for title, score in in_sql]
        assert len(scored) == len(titles)
        assert any(score > 0 for score, _ in scored), query
        for in_python, score in scored:
            assert in_python == score, (query, scored)
