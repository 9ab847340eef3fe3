"""Review actions say what happened: approved and sent on, published, scheduled, sent back with
the comment; the English gate's refusal alone, and only to the level it refused."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from news.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory

from .factories import article_fields, move_to_level, page_form_data
from .test_review import act, mail_to, submit_article

pytestmark = pytest.mark.django_db


def messages_in(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


def message_saying(response, text):
    (message,) = [message for message in messages_in(response) if text in message]
    return message


@pytest.fixture
def boss(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")


def press_release_lacking_english(news_index, review_tasks, boss, level):
    article = NewsArticlePageFactory(parent=news_index, live=False, kind="press_release", english=False)
    article.title_en = "Press release"
    article.save_revision()
    move_to_level(article, level, review_tasks, boss)
    return NewsArticlePage.objects.get(pk=article.pk)


def approve_from_editor(client, user, article, kind="press_release", english=False, **extra):
    client.force_login(user)
    fields = article_fields("gate", english=english, kind=kind) | extra
    data = page_form_data(
        NewsArticlePage, fields | {"action-workflow-action": "true", "workflow-action-name": "approve"}
    )
    return client.post(f"/admin/pages/{article.pk}/edit/", data, follow=True)


def test_approval_says_which_level_it_went_to(client, staff, news_index, review_tasks):
    writer, editor = staff("Writers"), staff("Editors", language="en")
    article = submit_article(client, news_index, writer, "feedback")

    response = act(client, editor, article, "approve")

    assert message_saying(response, "approved at 初审 First review and sent to 复审 Second review")


def test_second_level_approval_of_a_gated_page_shows_no_refusal(
    client, staff, news_index, review_tasks, boss
):
    article = press_release_lacking_english(news_index, review_tasks, boss, level=2)

    response = approve_from_editor(client, staff("Department heads", language="en"), article)

    shown = " ".join(messages_in(response))
    assert "cannot be given final approval" not in shown
    assert "sent to 终审 Final review" in shown
    assert "has been updated" not in shown


def test_a_refused_final_approval_is_not_called_an_update(client, staff, news_index, review_tasks, boss):
    article = press_release_lacking_english(news_index, review_tasks, boss, level=3)

    response = approve_from_editor(client, staff("Leadership", language="en"), article)

    (message,) = messages_in(response)
    assert "cannot be given final approval yet" in message
    assert not NewsArticlePage.objects.get(pk=article.pk).live


def test_final_approval_says_published(client, staff, news_index, review_tasks, boss):
    article = NewsArticlePageFactory(parent=news_index, live=False, kind="news")
    article.save_revision()
    move_to_level(article, 3, review_tasks, boss)

    response = act(client, staff("Leadership"), article, "approve")

    assert NewsArticlePage.objects.get(pk=article.pk).live
    assert message_saying(response, "已通过终审 Final review并已发布")


def test_final_approval_of_an_embargoed_release_says_when_it_goes_out(
    client, staff, news_index, review_tasks, boss
):
    article = NewsArticlePageFactory(parent=news_index, live=False, kind="news")
    article.go_live_at = timezone.now() + timedelta(days=2)
    article.save_revision()
    move_to_level(article, 3, review_tasks, boss)

    response = act(client, staff("Leadership", language="en"), article, "approve")

    assert not NewsArticlePage.objects.get(pk=article.pk).live
    assert "(Beijing time)" in message_saying(response, "it will be published at")


def test_changes_requested_are_said_so_to_the_reviewer_and_in_the_writers_mail(
    client, staff, news_index, review_tasks
):
    writer, editor = staff("Writers"), staff("Editors", language="en")
    article = submit_article(client, news_index, writer, "sentback")
    mail.outbox.clear()

    response = act(client, editor, article, "reject", comment="Please cite the source")

    assert "Please cite the source" in message_saying(response, "Changes requested at 初审 First review")
    (letter,) = mail_to(writer)
    assert "要求修改" in letter.subject and "拒绝" not in letter.subject + letter.body
    assert "Please cite the source" in letter.body


def test_the_review_dialog_still_wants_a_reviewer(client, staff, news_index, review_tasks):
    article = submit_article(client, news_index, staff("Writers"), "anonymous")
    client.logout()
    task_state = article.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])

    response = client.post(url, {"comment": ""}, follow=True)

    assert response.redirect_chain[0][0].startswith("/admin/login/")
    assert NewsArticlePage.objects.get(pk=article.pk).current_workflow_task.pk == review_tasks[0].pk
