"""The English gate sends a page back to the translators, not through the writer: they are told
by mail and on their dashboard, complete the English while the page waits at the final review,
and the final reviewers are told it is ready. The reviewers' queue flags pages the gate will refuse."""

import pytest
from django.core import mail

from news.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory
from workflow.models import EnglishSendBack

from ..html import parse
from .factories import article_fields, move_to_level, page_form_data
from .test_review import act, current_level, mail_to

pytestmark = pytest.mark.django_db


def release_at_level(news_index, review_tasks, boss, level, slug, english=False):
    article = NewsArticlePageFactory(
        parent=news_index, live=False, kind="press_release", english=english, slug_zh_hans=f"fabu-{slug}"
    )
    if not english:
        article.title_en = "Press release"  # some English, not all of it
    article.save_revision()
    move_to_level(article, level, review_tasks, boss)
    return NewsArticlePage.objects.get(pk=article.pk)


@pytest.fixture
def boss(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")


@pytest.fixture
def release(news_index, review_tasks, boss):
    return release_at_level(news_index, review_tasks, boss, 3, "gate")


def complete_english(client, translator, page):
    client.force_login(translator)
    fields = article_fields("gate", kind="press_release")
    return client.post(f"/admin/pages/{page.pk}/edit/", page_form_data(NewsArticlePage, fields))


def test_a_refused_release_goes_to_the_translators_who_complete_it_for_the_final_review(
    client, staff, release, review_tasks
):
    translator, english_translator = staff("Translators"), staff("Translators", language="en")
    leader = staff("Leadership")
    mail.outbox.clear()

    refusal = act(client, leader, release, "approve")

    assert current_level(release, review_tasks) == 3 and not NewsArticlePage.objects.get(pk=release.pk).live
    assert "译员" in parse(refusal).select_one(".messages").get_text()
    (chinese,) = mail_to(translator)
    assert "终审" in chinese.subject and release.title in chinese.subject
    assert "正文" in chinese.body and f"/admin/pages/{release.pk}/edit/" in chinese.body
    (english,) = mail_to(english_translator)
    assert english.subject.startswith("English needed before final approval")
    assert "http://testserver/admin/" in english.body
    # a second refusal of the same round tells nobody again
    act(client, leader, release, "approve")
    assert len(mail_to(translator)) == 1
    assert {address for message in mail.outbox for address in message.to} == {
        translator.email,
        english_translator.email,
    }, "only the translators are told: no detour through the writer"

    client.force_login(translator)
    panel = parse(client.get("/admin/")).select_one("[data-sent-back-for-english]")
    assert panel is not None and release.title in panel.get_text()
    mail.outbox.clear()

    response = complete_english(client, translator, release)

    assert response.status_code == 302, response.content.decode()[:3000]
    latest = NewsArticlePage.objects.get(pk=release.pk).get_latest_revision_as_object()
    assert latest.summary_en == "The zone gained fifteen projects."
    assert current_level(release, review_tasks) == 3, "no detour through the writer"
    assert EnglishSendBack.objects.get().resolved_at is not None
    (ready,) = mail_to(leader)
    assert release.title in ready.subject
    client.force_login(translator)
    assert parse(client.get("/admin/")).select_one("[data-sent-back-for-english]") is None

    act(client, leader, release, "approve")
    assert NewsArticlePage.objects.get(pk=release.pk).live


def test_a_translator_cannot_edit_a_release_at_the_final_review_that_was_not_sent_back(
    client, staff, release
):
    translator = staff("Translators")
    before = release.latest_revision_id

    complete_english(client, translator, release)

    assert NewsArticlePage.objects.get(pk=release.pk).latest_revision_id == before


def test_the_review_queue_flags_the_pages_the_english_gate_will_refuse(
    client, staff, news_index, review_tasks, boss
):
    lacking = release_at_level(news_index, review_tasks, boss, 1, "lacking")
    complete = release_at_level(news_index, review_tasks, boss, 1, "complete", english=True)
    client.force_login(staff("Editors"))

    queue = parse(client.get("/admin/")).select_one("#awaiting-review-section")

    rows = {row.select_one("td.title").get_text(" ", strip=True): row for row in queue.select("tbody tr")}
    flagged = {title for title, row in rows.items() if row.select_one("[data-english-gate]")}
    assert [lacking.title in title for title in flagged] == [True]
    assert not any(complete.title in title for title in flagged)
    badge = queue.select_one("[data-english-gate]")
    assert badge.get_text(strip=True) == "英文缺失"
    assert "正文" in badge["title"]
