"""Query budgets: no page's query count grows with the number of articles, keywords or people."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

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


@pytest.mark.parametrize("language_prefix", ["", "/en", "/zh-hant"])
def test_query_counts_do_not_grow_with_articles(client, settings, home, news_index, language_prefix):
    counts = {"without cache": {}, "kept": {}}
    for size in (5, 50):
        article = fill(home, news_index, size - len(counts["kept"]) * 5, feature=not counts["kept"])
        with translation.override("zh-hans"):  # not the language the last request left active
            simplified_url = article.url
        article_path = {"": simplified_url, "/en": "/en/news/" + article.slug_en + "/"}.get(
            language_prefix, language_prefix + simplified_url
        )
        index_path = "/en/news/" if language_prefix == "/en" else language_prefix + "/xinwen/"
        for mode, seconds in (("without cache", 0), ("kept", 600)):
            settings.FRAGMENT_CACHE_SECONDS = seconds
            cache.clear()  # a new generation, as publishing the new articles would start
            counts[mode][size] = {
                "home": queries(client, language_prefix + "/"),
                "news index": queries(client, index_path),
                "article": queries(client, article_path),
            }

    print("query counts", language_prefix or "/", counts)
    for mode, budget in (("without cache", BUDGET), ("kept", KEPT_BUDGET)):
        assert counts[mode][5] == counts[mode][50], mode
        for page, count in counts[mode][50].items():
            assert count <= budget[page], (mode, page, count)


def test_an_article_open_for_comments_keeps_its_budget(client, settings, home, news_index):
    """Without a shared cache the comment section adds one query (the approved comments),
    however many there are: the privacy notice its form links to is kept with the site's other
    shared objects. With one, the comments are kept with the article's revision until one is
    approved or removed (website.cache.page_fragment), and add none."""
    from ..participation.factories import CommentFactory, InquiryPageFactory, PrivacyPageFactory

    privacy = PrivacyPageFactory(parent=home)
    InquiryPageFactory(parent=home, privacy_page=privacy)
    article = NewsArticlePageFactory(parent=news_index)
    counts = {}
    for comments in (None, 1, 6):
        if comments:
            article.comments_enabled = True
            article.save_revision().publish()
            while article.comments.count() < comments:
                CommentFactory(article=article)
        for mode, seconds in (("without cache", 0), ("kept", 600)):
            settings.FRAGMENT_CACHE_SECONDS = seconds
            cache.clear()
            counts[mode, comments] = queries(client, article.url)
            page = client.get(article.url).content.decode()
            assert page.count('class="comment"') == (comments or 0)
            assert (f'privacy"><a href="{privacy.url}"' in page) == bool(comments)

    print("query counts, article open for comments", counts)
    assert counts["without cache", 1] == counts["without cache", 6] <= BUDGET["article"]
    assert counts["kept", 1] == counts["kept", 6] == counts["kept", None] <= KEPT_BUDGET["article"]
