"""In a real Chromium, with every account's admin in Chinese: a writer submits a story, the first
two levels approve it, the final review's English gate sends it to the translators, a translator
completes the English from the dashboard panel, the leader publishes it, and the press officer,
as moderator, approves a reader's comment. Each step's outcome is checked, not only the screens."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from news.models import NewsArticlePage, NewsIndexPage

from .staff import StaffMember

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "浏览器中的一天"


def level(page):
    task = NewsArticlePage.objects.get(pk=page.pk).current_workflow_task
    return task.name if task else None


def approve_in_chinese(staff_member, title):
    """The dashboard's Awaiting-your-review row, its actions menu and Approve, by their Chinese names."""
    tab = staff_member.tab
    with translation.override("zh-hans"):
        actions, approve = gettext("Actions"), gettext("Approve")
    tab.goto(staff_member.site_url + "/admin/")
    row = tab.locator("#awaiting-review-content tr", has_text=title)
    row.get_by_role("button", name=actions).click()
    with tab.expect_navigation():
        row.get_by_role("button", name=approve, exact=True).click()
    return tab.locator(".messages").inner_text()


def test_a_day_of_review_and_moderation_in_chinese(tab, demo_site):
    from django.contrib.auth import get_user_model

    from participation.models import Comment

    users = get_user_model().objects
    writer = users.get(username="writer")
    draft = NewsArticlePage(
        kind="press_release",  # the English gate's default: releases go out in both languages
        title_zh_hans=TITLE,
        title_en="A day in the browser",
        slug_zh_hans="liulanqi-yitian",
        slug_en="a-day-in-the-browser",
        summary_zh_hans="三级审核与英文把关。",
        body_zh_hans=[("paragraph", "<p>三级审核与英文把关。</p>")],
        body_en=[("paragraph", "<p>Three levels of review and the English gate.</p>")],
        live=False,
        owner=writer,
    )
    NewsIndexPage.objects.get().add_child(instance=draft)
    draft.save_revision(user=writer)

    StaffMember(tab, demo_site, "writer").log_in().submit_for_review(draft)
    assert tab.locator("html").get_attribute("lang") == "zh-hans"
    assert level(draft) == "初审 First review"
    approve_in_chinese(StaffMember(tab, demo_site, "editor").log_in(), TITLE)
    assert level(draft) == "复审 Second review"
    approve_in_chinese(StaffMember(tab, demo_site, "head").log_in(), TITLE)
    assert level(draft) == "终审 Final review"

    # The English summary is missing: the gate refuses and the page goes to the translators.
    mail.outbox.clear()
    refusal = approve_in_chinese(StaffMember(tab, demo_site, "leader").log_in(), TITLE)
    assert "译员" in refusal
    assert level(draft) == "终审 Final review" and not NewsArticlePage.objects.get(pk=draft.pk).live
    translator_email = users.get(username="translator").email
    assert any(TITLE in message.subject for message in mail.outbox if message.to == [translator_email])

    translator = StaffMember(tab, demo_site, "translator").log_in()
    panel = tab.locator("[data-sent-back-for-english]")
    assert TITLE in panel.inner_text()
    with tab.expect_navigation():
        panel.get_by_role("link", name=TITLE).click()
    tab.locator("textarea[name=summary_en]").fill("Three levels of review and the English gate.")
    with tab.expect_navigation():
        tab.locator("footer button.action-save").first.click()
    assert translator.username == "translator"
    assert NewsArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object().summary_en

    approve_in_chinese(StaffMember(tab, demo_site, "leader").log_in(), TITLE)
    assert NewsArticlePage.objects.get(pk=draft.pk).live
    tab.goto(demo_site + "/en/news/a-day-in-the-browser/")
    assert tab.locator("h1").inner_text() == "A day in the browser"

    # The moderator approves a reader's comment waiting in the Chinese listing.
    comment = Comment.objects.filter(status=Comment.Status.PENDING).first()
    StaffMember(tab, demo_site, "press").log_in()
    tab.goto(f"{demo_site}/admin/snippets/participation/comment/edit/{comment.pk}/")
    tab.locator("select[name=status]").select_option("approved")
    with tab.expect_navigation():
        tab.locator("footer button.action-save").first.click()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    tab.goto(demo_site + comment.article.url)
    assert comment.text[:20] in tab.locator("main").inner_text()
