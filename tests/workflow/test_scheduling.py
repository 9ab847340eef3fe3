"""A page approved for a future time stays out of sight until the scheduler publishes it."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from news.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory
from tests.html import parse

from .factories import move_to_level

pytestmark = pytest.mark.django_db


def visible_everywhere(client, article):
    """Where a reader could meet the article: its page, the news list, search, in both languages."""
    seen = {}
    for prefix, slug, title in (
        ("", article.slug_zh_hans, article.title_zh_hans),
        ("/en", article.slug_en, article.title_en),
    ):
        index = "/en/news/" if prefix else "/xinwen/"
        seen[f"{prefix or '/zh'} page"] = client.get(f"{index}{slug}/").status_code == 200
        seen[f"{prefix or '/zh'} list"] = title in parse(client.get(index)).get_text()
        search = client.get(f"{prefix}/search/", {"q": "定时发布" if not prefix else "Scheduled"})
        seen[f"{prefix or '/zh'} search"] = title in parse(search).get_text()
    return seen


def test_scheduled_page_is_hidden_until_the_scheduler_publishes_it(
    client, news_index, review_tasks, admin_user
):
    go_live = (timezone.now() + datetime.timedelta(hours=2)).replace(microsecond=0)
    article = NewsArticlePageFactory(
        parent=news_index,
        live=False,
        title_zh_hans="定时发布的新闻",
        title_en="Scheduled news release",
        go_live_at=go_live,
    )
    article.save_revision()
    state = move_to_level(article, 3, review_tasks, admin_user)
    state.current_task_state.approve(user=admin_user)  # the final approval schedules it

    article = NewsArticlePage.objects.get(pk=article.pk)
    assert not article.live
    revision = Revision.page_revisions.get(object_id=str(article.pk), approved_go_live_at__isnull=False)
    assert revision.approved_go_live_at == go_live

    call_command("publish_scheduled")  # before its time: nothing happens
    assert not any(visible_everywhere(client, article).values())

    # The scheduler's first run after the go-live time publishes it.
    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")

        assert NewsArticlePage.objects.get(pk=article.pk).live
        assert all(visible_everywhere(client, article).values()), visible_everywhere(client, article)


def test_run_scheduler_once_publishes_due_pages_and_unpublishes_expired_ones(news_index, admin_user):
    now = timezone.now().replace(microsecond=0)
    due = NewsArticlePageFactory(parent=news_index, live=False, go_live_at=now + datetime.timedelta(hours=1))
    due.save_revision().publish(user=admin_user)
    expiring = NewsArticlePageFactory(parent=news_index, expire_at=now + datetime.timedelta(minutes=30))
    assert not NewsArticlePage.objects.get(pk=due.pk).live

    with time_machine.travel(now + datetime.timedelta(hours=2)):
        call_command("run_scheduler", once=True, verbosity=0)

    assert NewsArticlePage.objects.get(pk=due.pk).live
    assert not NewsArticlePage.objects.get(pk=expiring.pk).live
