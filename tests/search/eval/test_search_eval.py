"""The site search is at least as good as an offline BM25 over the same text (evaluation.py).

The suite runs the articles written for the evaluation alone, with the queries judged on them;
`make search-eval` (SEARCH_EVAL=1) runs every query over the demo content and those articles,
prints the table docs/search.md records, and holds the issue's target in every class.
"""

import os

import pytest
from wagtail.models import Page

from demo.search import SYNONYMS
from news.models import NewsIndexPage

from ...workflow.factories import StaffFactory
from .evaluation import CLASSES, add_articles, articles, evaluate, queries

pytestmark = pytest.mark.django_db


def test_the_judgments_cover_every_class_of_query():
    judged = queries()
    assert len(judged) >= 30
    assert {query.kind for query in judged} == set(CLASSES)
    assert all(sum(1 for query in judged if query.kind == kind) >= 4 for kind in CLASSES)
    assert all(2 in query.relevant.values() for query in judged), "every query has an answer"
    assert len({article["slug"] for article in articles()}) == len(articles())


def add_the_demo_synonyms(client):
    """The demo's synonym groups (demo/search.py), added by an editor in the admin."""
    client.force_login(StaffFactory(role="Editors"))
    for words, note in SYNONYMS:
        response = client.post("/admin/snippets/site_search/synonym/add/", {"words": words, "note": note})
        assert response.status_code == 302, words
    client.logout()


def test_on_the_articles_written_for_it_the_site_ranks_at_least_as_well_as_bm25(client, news_index):
    add_articles(news_index)
    add_the_demo_synonyms(client)
    written = {article["slug"] for article in articles()}
    chosen = [query for query in queries() if set(query.relevant) <= written]
    assert len(chosen) >= 25

    evaluation = evaluate(chosen)
    print("\n" + "\n".join(evaluation.report()))

    site, bm25 = evaluation.scores("site"), evaluation.scores("bm25")
    assert site["nDCG@10"] >= bm25["nDCG@10"], evaluation.report()
    assert site["P@1"] >= bm25["P@1"], evaluation.report()
    # The reference knows no synonyms and no spelling: there the site must do better.
    for kinds in (["synonym"], ["typo"]):
        assert evaluation.scores("site", kinds)["nDCG@10"] > evaluation.scores("bm25", kinds)["nDCG@10"]


@pytest.mark.skipif(not os.environ.get("SEARCH_EVAL"), reason="the whole evaluation: make search-eval")
def test_over_the_demo_content_the_site_ranks_at_least_as_well_as_bm25_in_every_class(demo_content):
    add_articles(NewsIndexPage.objects.live().order_by("path").first())
    judged = queries()
    slugs = set(Page.objects.values_list("slug_zh_hans", flat=True))
    assert {slug for query in judged for slug in query.relevant} <= slugs, "a judged page is missing"

    evaluation = evaluate(judged)
    print("\n" + "\n".join(evaluation.report()))

    behind = [
        kinds[0] if kinds else "overall"
        for kinds in [[kind] for kind in CLASSES] + [None]
        if evaluation.scores("site", kinds)["nDCG@10"] < evaluation.scores("bm25", kinds)["nDCG@10"]
    ]
    assert not behind, f"the site's nDCG@10 is below the reference's in: {', '.join(behind)}"
