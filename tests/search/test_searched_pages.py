"""The search's own row of each searchable page (search.searched): its kind, English, date and
index entry, which the site search filters and joins its matches by, kept right as pages are
published, unpublished, moved, deleted and reindexed."""

import datetime

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from news.models import NewsArticlePage
from search.models import SearchedPage
from search.query import search

from ..factories import NewsArticlePageFactory, NewsIndexPageFactory, StandardPageFactory, body

pytestmark = pytest.mark.django_db


def found(query, language="zh-hans", **filters):
    with translation.override(language):
        return [page.pk for page in search(query, **filters)]


def the_row_of(page):
    """The page's row as the search reads it, checked against the page and its index entry."""
    row = SearchedPage.objects.get(page=page)
    entry = apps.get_model("wagtailsearch", "IndexEntry").objects.get(
        content_type=ContentType.objects.get_for_model(type(page)), object_id=str(page.pk)
    )
    assert row.entry == entry.pk
    return row


def test_the_row_follows_publishing_unpublishing_moving_and_deletion(news_index, home):
    date = timezone.now() - datetime.timedelta(days=400)
    story = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="重离子病房开工", title_en="", kind="news", date=date
    )
    row = the_row_of(story)
    assert (row.kind, row.has_english, row.date) == ("news", False, date)
    assert found("重离子", kind_key="news", year=timezone.localtime(date).year) == [story.pk]
    assert found("heavy ion", language="en") == []

    # An editor makes it a press release of today, in both languages, and publishes it.
    story = NewsArticlePage.objects.get(pk=story.pk)
    story.kind = "press_release"
    story.date = timezone.now()
    story.title_en = "Heavy-ion ward starts"
    story.summary_en = "The ward is being built."
    story.body_en = body("The heavy-ion ward is being built.")
    story.save_revision().publish()
    row = the_row_of(story)
    assert (row.kind, row.has_english, row.date) == ("press_release", True, story.date)
    assert found("重离子", kind_key="news") == []
    assert found("重离子", kind_key="press_release", year=timezone.localtime(story.date).year) == [story.pk]
    assert found("重离子", year=timezone.localtime(date).year) == []
    assert found("heavy ion", language="en") == [story.pk]

    story.unpublish()
    assert found("重离子") == []
    story.save_revision().publish()
    assert found("重离子", kind_key="press_release") == [story.pk]

    # Moved to another section: the same page, the same row and entry.
    elsewhere = NewsIndexPageFactory(
        parent=home,
        title_zh_hans="园区动态",
        title_en="Park news",
        slug_zh_hans="dongtai",
        slug_en="park-news",
    )
    story.move(elsewhere, pos="last-child")
    story = NewsArticlePage.objects.get(pk=story.pk)
    assert story.get_parent().pk == elsewhere.pk
    assert the_row_of(story).kind == "press_release"
    assert found("重离子", kind_key="press_release") == [story.pk]

    story.delete()
    assert not SearchedPage.objects.filter(page_id=story.pk).exists()
    assert found("重离子") == []


def test_a_full_reindex_writes_every_searchable_pages_row_again(news_index, home):
    stories = [NewsArticlePageFactory(parent=news_index, title_zh_hans=f"质子新闻{n}") for n in range(3)]
    standard = StandardPageFactory(parent=home, title_zh_hans="质子治疗指南")
    SearchedPage.objects.all().delete()
    assert found("质子") == []
    call_command("update_index", verbosity=0)
    for page in [*stories, standard]:
        the_row_of(page)
    assert SearchedPage.objects.get(page=standard).kind == "page"
    assert sorted(found("质子")) == sorted(page.pk for page in [*stories, standard])
    # The news index is no kind of result: it has no row.
    assert not SearchedPage.objects.filter(page=news_index).exists()


def test_the_search_reads_no_page_types_table(news_index):
    # The kinds' filters, the English and the date come from the search's row of each page: the
    # search's one query joins no page type's own table (news_newsarticlepage held the kind and
    # the date of 10,000 articles), and on PostgreSQL finds each match's index entry by that
    # row, not by its page's id written as text.
    now = timezone.now()
    for n in range(3):
        NewsArticlePageFactory(parent=news_index, title_zh_hans=f"质子新闻{n}", kind="feature", date=now)
    marker = "@@" if connection.vendor == "postgresql" else " MATCH "
    with translation.override("zh-hans"), CaptureQueriesContext(connection) as queries:
        results = search("质子 医院", kind_key="feature", year=timezone.localtime(now).year)
        assert len(list(results[:10])) == 3
    ranking = [query["sql"] for query in queries if marker in query["sql"] and "WITH" in query["sql"]]
    assert len(ranking) == 1, [query["sql"][:80] for query in queries]
    assert NewsArticlePage._meta.db_table not in ranking[0]
    if connection.vendor == "postgresql":
        assert "::varchar" not in ranking[0]
