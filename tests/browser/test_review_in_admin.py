"""In a real Chromium: a writer submits an article, three reviewers approve it from their dashboards."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from news.models import NewsArticlePage, NewsIndexPage

from .staff import PASSWORDS, StaffMember

# The live server needs committed data (see test_reading.py).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def level(page):
    task = NewsArticlePage.objects.get(pk=page.pk).current_workflow_task
    return task.name if task else None


def test_an_article_goes_through_three_reviews_in_the_admin(tab, demo_site):
    users = get_user_model().objects
    for username in PASSWORDS:
        profile = UserProfile.get_for_user(users.get(username=username))
        profile.preferred_language = "en"  # the button labels the test clicks
        profile.save()
    writer = users.get(username="writer")
    draft = NewsArticlePage(
        title_zh_hans="浏览器中审核的新闻",
        title_en="A story reviewed in the browser",
        slug_zh_hans="liulanqi-shenhe",
        slug_en="reviewed-in-the-browser",
        summary_zh_hans="三级审核。",
        summary_en="Three levels of review.",
        body_zh_hans=[("paragraph", "<p>三级审核。</p>")],
        body_en=[("paragraph", "<p>Three levels of review.</p>")],
        live=False,
        owner=writer,
    )
    NewsIndexPage.objects.get().add_child(instance=draft)
    draft.save_revision(user=writer)

    StaffMember(tab, demo_site, "writer").log_in().submit_for_review(draft)
    assert level(draft) == "初审 First review"

    StaffMember(tab, demo_site, "editor").log_in().approve_from_dashboard("A story reviewed in the browser")
    assert level(draft) == "复审 Second review"
    StaffMember(tab, demo_site, "head").log_in().approve_from_dashboard("A story reviewed in the browser")
    assert level(draft) == "终审 Final review"
    StaffMember(tab, demo_site, "leader").log_in().approve_from_dashboard("A story reviewed in the browser")

    assert NewsArticlePage.objects.get(pk=draft.pk).live
    tab.goto(demo_site + "/en/news/reviewed-in-the-browser/")
    assert tab.locator("h1").inner_text() == "A story reviewed in the browser"
