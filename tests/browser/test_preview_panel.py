"""In a real Chromium: the page editor's live preview panel shows the page (it is allowed to be framed)."""

import pytest

from news.models import NewsArticlePage

from .staff import StaffMember

# The live server needs committed data (see test_reading.py).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_side_panel_shows_the_preview_of_the_page_being_edited(tab, demo_site):
    article = NewsArticlePage.objects.live().filter(locked=False).order_by("-date").first()
    refusals = []
    tab.on("console", lambda message: refusals.append(message.text) if "frame" in message.text else None)

    StaffMember(tab, demo_site, "siteadmin").log_in()
    tab.goto(f"{demo_site}/admin/pages/{article.pk}/edit/")
    tab.locator("[data-side-panel-toggle='preview']").click()

    frame = tab.frame_locator("iframe.w-preview__iframe").last
    heading = frame.locator("h1")
    heading.wait_for(timeout=15_000)
    assert heading.inner_text() == article.title_zh_hans
    assert refusals == []
