"""In a real Chromium: each role's main admin screens, with the demo's content, read in Chinese.
A text or tooltip that is one of the interface's English messages (Wagtail's or the site's own
catalogue) fails the test; the content itself (titles, readers' comments) may be in any language."""

import re
from pathlib import Path

import polib
import pytest
import wagtail
from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from news.models import NewsIndexPage

from .staff import StaffMember

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
MODERATION = ["/admin/snippets/participation/comment/", "/admin/snippets/participation/storysubmission/"]
# Each demo account's day: (username, screens besides the dashboard and the news section)
ROLES = [
    ("writer", []),
    ("translator", ["/admin/reports/lacking-english/"]),
    ("editor", ["/admin/reports/workflow/", *MODERATION]),
    ("head", ["/admin/reports/workflow/"]),
    ("leader", ["/admin/reports/workflow/"]),
    ("press", ["/admin/snippets/newsroom/embargopreview/", *MODERATION, "/admin/forms/"]),  # the moderator
]
READ_TEXT = """() => {
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        const hidden = !parent || parent.closest('script, style, template, noscript');
        if (!hidden && parent.getClientRects().length) {
            texts.push(walker.currentNode.textContent);
        }
    }
    for (const element of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
        for (const name of ['title', 'aria-label', 'placeholder']) {
            if (element.getAttribute(name)) texts.push(element.getAttribute(name));
        }
    }
    return texts;
}"""


def normal(text):
    return " ".join(text.split()).strip(" .:：")


def interface_messages():
    """Every English message of the admin with two words or more, as a person would read it."""
    catalogues = [*Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po")]
    catalogues.append(ROOT / "locale/en/LC_MESSAGES/django.po")
    messages = set()
    for catalogue in catalogues:
        for entry in polib.pofile(catalogue):
            text = normal(entry.msgid)
            if (
                "%" not in text
                and "{" not in text
                and re.fullmatch(r"[A-Za-z][A-Za-z' ,]+", text)
                and " " in text
            ):
                messages.add(text)
    return messages


def test_each_role_reads_its_day_in_chinese(tab, demo_site):
    users = get_user_model().objects
    for username, _screens in ROLES:
        profile = UserProfile.get_for_user(users.get(username=username))
        profile.preferred_language = "zh-hans"
        profile.save()
    news = NewsIndexPage.objects.get()
    in_review = WorkflowState.objects.active().first()
    shared = [f"/admin/pages/{news.pk}/"]
    if in_review is not None:
        shared.append(f"/admin/pages/{in_review.object_id}/edit/")
    messages = interface_messages()
    english = {}
    visited = 0
    for username, screens in ROLES:
        StaffMember(tab, demo_site, username).log_in()
        for url in ["/admin/", *shared, *screens]:
            response = tab.goto(demo_site + url)
            if response is None or response.status >= 400:
                continue
            visited += 1
            found = sorted({normal(text) for text in tab.evaluate(READ_TEXT)} & messages)
            if found:
                english[f"{username} {url}"] = found
    assert visited >= 20  # every role's screens opened (not a login page or an error)
    assert english == {}
