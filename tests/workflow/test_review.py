"""The three-level review through the admin: submit, approve three times, request changes,
and the final level's refusal of a press release that lacks English."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Site, TaskState, WorkflowState
from wagtail.rich_text import RichText

from news.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory
from workflow.models import ReviewSettings

from .factories import article_fields, move_to_level, page_form_data, review_settings_url

pytestmark = pytest.mark.django_db


def submit_article(client, news_index, writer, slug, **fields):
    client.force_login(writer)
    data = page_form_data(NewsArticlePage, article_fields(slug, **fields) | {"action-submit": "submit"})
    response = client.post(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    return NewsArticlePage.objects.get(slug_zh_hans=f"dongtai-{slug}")


def act(client, user, page, action, comment=""):
    """`user` takes `action` (approve / reject) on the page's current task, from the dashboard's modal."""
    client.force_login(user)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment}, follow=True)


def current_level(page, review_tasks):
    page = NewsArticlePage.objects.get(pk=page.pk)
    task = page.current_workflow_task
    return [t.pk for t in review_tasks].index(task.pk) + 1 if task else None


def mail_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def test_writer_submits_and_three_reviewers_approve_then_it_is_live_in_both_languages(
    client, staff, news_index, review_tasks
):
    writer, editor, head, leader = (
        staff("Writers"),
        staff("Editors", language="en"),
        staff("Department heads"),
        staff("Leadership"),
    )
    article = submit_article(client, news_index, writer, "review")
    assert not article.live
    assert current_level(article, review_tasks) == 1
    assert mail_to(editor), "the first reviewers are told by email"
    assert not mail_to(head)

    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    assert "Awaiting your review" in dashboard and article.title in dashboard

    act(client, editor, article, "approve")
    assert current_level(article, review_tasks) == 2
    assert mail_to(head)
    act(client, head, article, "approve")
    assert current_level(article, review_tasks) == 3
    assert mail_to(leader), "the final level (with its English check) notifies Leadership too"
    act(client, leader, article, "approve")

    article.refresh_from_db()
    assert article.live and article.has_english
    assert current_level(article, review_tasks) is None
    approvers = TaskState.objects.filter(workflow_state__object_id=str(article.pk)).values_list(
        "finished_by__username", flat=True
    )
    assert sorted(approvers) == sorted([editor.username, head.username, leader.username])
    client.logout()
    assert "园区动态review" in client.get("/xinwen/dongtai-review/").content.decode()
    assert "Zone news review" in client.get("/en/news/zone-news-review/").content.decode()


def test_changes_requested_at_the_second_level_go_back_to_the_writer_with_the_comment(
    client, staff, news_index, review_tasks
):
    writer, editor, head = staff("Writers"), staff("Editors"), staff("Department heads")
    article = submit_article(client, news_index, writer, "changes")
    act(client, editor, article, "approve")
    mail.outbox.clear()

    act(client, head, article, "reject", comment="请补充数据来源 / Please cite the source of the figures")

    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not NewsArticlePage.objects.get(pk=article.pk).live
    (message,) = mail_to(writer)
    assert "请补充数据来源" in message.body
    client.force_login(writer)
    editor_page = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "请补充数据来源" in editor_page

    # The writer corrects and submits again: the review resumes at the level that asked.
    data = page_form_data(NewsArticlePage, article_fields("changes") | {"action-submit": "submit"})
    client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert current_level(article, review_tasks) == 2


@pytest.fixture
def press_release_at_final_review(news_index, review_tasks, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    article = NewsArticlePageFactory(parent=news_index, live=False, kind="press_release", english=False)
    article.title_en = "Press release"  # some English, not all of it
    article.save_revision()
    move_to_level(article, 3, review_tasks, boss)
    return NewsArticlePage.objects.get(pk=article.pk)


@pytest.mark.parametrize(
    "language, explanation",
    [("en", "cannot be given final approval yet"), ("zh-hans", "暂不能通过终审")],
)
def test_final_review_refuses_a_press_release_lacking_english_in_the_reviewers_language(
    client, staff, press_release_at_final_review, review_tasks, language, explanation
):
    article = press_release_at_final_review
    leader = staff("Leadership", language=language)

    response = act(client, leader, article, "approve")

    article.refresh_from_db()
    assert not article.live
    assert current_level(article, review_tasks) == 3
    html = response.content.decode()
    assert explanation in html
    assert "body" in html.lower() or "正文" in html


def test_final_approval_from_the_editor_is_refused_too(client, staff, press_release_at_final_review):
    article = press_release_at_final_review
    leader = staff("Leadership", language="en")
    client.force_login(leader)
    fields = article_fields("gate", english=False, kind="press_release")
    data = page_form_data(
        NewsArticlePage, fields | {"action-workflow-action": "true", "workflow-action-name": "approve"}
    )

    response = client.post(f"/admin/pages/{article.pk}/edit/", data, follow=True)

    assert not NewsArticlePage.objects.get(pk=article.pk).live
    assert "cannot be given final approval yet" in response.content.decode()


def test_final_review_approves_the_press_release_once_its_english_is_complete(
    client, staff, press_release_at_final_review
):
    article = press_release_at_final_review
    revision = article.get_latest_revision_as_object()
    revision.summary_en = "The zone gained fifteen projects."
    revision.body_en = [("paragraph", RichText("<p>12 billion yuan invested.</p>"))]
    revision.save_revision()

    act(client, staff("Leadership"), article, "approve")

    assert NewsArticlePage.objects.get(pk=article.pk).live


def test_the_gate_follows_the_review_settings(client, staff, press_release_at_final_review):
    site = Site.objects.get(is_default_site=True)
    client.force_login(staff("Site administrators"))
    client.post(review_settings_url(site), {"english_gate": ["policies.policylistpage"]})
    assert ReviewSettings.for_site(site).english_gate == ["policies.policylistpage"]

    act(client, staff("Leadership"), press_release_at_final_review, "approve")

    assert NewsArticlePage.objects.get(pk=press_release_at_final_review.pk).live


def test_the_gate_does_not_hold_back_ordinary_news(
    client, staff, news_index, review_tasks, django_user_model
):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    article = NewsArticlePageFactory(parent=news_index, live=False, kind="news", english=False)
    article.save_revision()
    move_to_level(article, 3, review_tasks, boss)

    act(client, staff("Leadership"), article, "approve")

    assert NewsArticlePage.objects.get(pk=article.pk).live
