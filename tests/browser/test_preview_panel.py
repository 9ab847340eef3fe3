"""In a real Chromium: the page editor's live preview panel shows the page (it is allowed to be
framed), in Chinese or in English at the editor's choice, whatever the admin's language."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from news.models import NewsArticlePage

from .staff import StaffMember

# The live server needs committed data (see test_reading.py).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("admin_language", ["zh-hans", "en"])
def test_the_side_panel_previews_the_page_in_either_language(tab, demo_site, admin_language):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="siteadmin"))
    profile.preferred_language = admin_language
    profile.save()
    article = NewsArticlePage.objects.live().filter(locked=False, has_english=True).order_by("-date").first()
    refusals = []
    tab.on("console", lambda message: refusals.append(message.text) if "frame" in message.text else None)

    StaffMember(tab, demo_site, "siteadmin").log_in()
    tab.goto(f"{demo_site}/admin/pages/{article.pk}/edit/")
    tab.locator("[data-side-panel-toggle='preview']").click()
    heading = tab.frame_locator("iframe.w-preview__iframe").last.locator("h1")
    heading.wait_for(timeout=15_000)
    assert heading.inner_text() == article.title_zh_hans

    tab.locator("select[name=preview_mode]").select_option("en")
    english = tab.frame_locator("iframe.w-preview__iframe").last.locator("h1", has_text=article.title_en)
    english.wait_for(timeout=15_000)
    assert tab.frame_locator("iframe.w-preview__iframe").last.locator("html").get_attribute("lang") == "en"
    assert refusals == []
