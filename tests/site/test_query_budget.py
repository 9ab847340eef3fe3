"""Query budgets: no page's query count grows with the number of articles, keywords or people."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import ArticleByline

from ..factories import KeywordFactory, NewsArticlePageFactory, PersonFactory

pytestmark = pytest.mark.django_db

# The most queries each page may make, measured with a warm rendition cache: without a shared
# cache (development), and as production's readers get a page the page cache misses, with what
# website.cache keeps for the generation already kept.
BUDGET = {"home": 20, "news index": 20, "article": 25}
KEPT_BUDGET = {"home": 6, "news index": 6, "article": 6}


def fill(home, news_index, count, feature):
    keywords = [KeywordFactory() for _ in range(3)]
    people = [PersonFactory() for _ in range(3)]
    articles = [
        NewsArticlePageFactory(
            parent=news_index,
            keywords=keywords,
            bylines=[(person, ArticleByline.Role.REPORTER) for person in people],
        )
        for _ in range(count)
    ]
    if feature:
        for article in articles[:3]:
            home.featured_stories.create(article=article)
    return articles[0]


def queries(client, url):
    client.get(url)  # the first view makes image renditions; count the steady state
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("kept", [False, True], ids=["without-cache", "kept"])
@pytest.mark.parametrize("language_prefix", ["", "/en"])
def test_query_counts_do_not_grow_with_articles(client, settings, home, news_index, language_prefix, kept):
    settings.FRAGMENT_CACHE_SECONDS = 600 if kept else 0
    counts = {}
    for size in (5, 50):
        article = fill(home, news_index, size - len(counts) * 5, feature=not counts)
        cache.clear()  # a new generation, as publishing the new articles would start
        article_path = article.url if not language_prefix else "/en/news/" + article.slug_en + "/"
        index_path = "/xinwen/" if not language_prefix else "/en/news/"
        counts[size] = {
            "home": queries(client, language_prefix + "/"),
            "news index": queries(client, index_path),
            "article": queries(client, article_path),
        }

    print("query counts", "kept" if kept else "without cache", language_prefix or "/", counts)
    assert counts[5] == counts[50]
    for page, count in counts[50].items():
        assert count <= (KEPT_BUDGET if kept else BUDGET)[page], (page, count)
