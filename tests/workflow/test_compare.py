"""Comparing two revisions marks the Chinese characters that changed, not whole sentences."""

import pytest
from django.urls import reverse

from tests.factories import NewsArticlePageFactory
from workflow.compare import diff_text

pytestmark = pytest.mark.django_db


def test_changed_chinese_characters_are_marked_one_by_one():
    html = diff_text("园区新增十五个项目。", "园区新增十六个项目。").to_html()
    assert html == '园区新增十<span class="deletion">五</span><span class="addition">六</span>个项目。'


def test_english_words_stay_whole():
    html = diff_text("fifteen projects", "sixteen projects").to_html()
    assert '<span class="deletion">fifteen</span>' in html and '<span class="addition">sixteen</span>' in html


def test_the_compare_view_shows_the_changed_character(client, staff, news_index):
    article = NewsArticlePageFactory(parent=news_index, live=False, kind="news")
    article.summary_zh_hans = "园区新增十五个项目。"
    first = article.save_revision()
    article.summary_zh_hans = "园区新增十六个项目。"
    second = article.save_revision()
    client.force_login(staff("Editors"))

    html = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, first.pk, second.pk])
    ).content.decode()

    assert '<span class="deletion">五</span><span class="addition">六</span>' in html
