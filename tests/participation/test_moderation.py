"""Reader input reaches its moderators: a mail in each moderator's admin language (sent by the
task worker once the submission is stored), a dashboard count, waiting items listed first,
comments and stories exported in Beijing time, and a bulk bar that speaks of comments."""

import csv
import datetime
import io
import json

import openpyxl
import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from participation.models import Comment, StorySubmission
from tests.html import parse
from tests.workflow.factories import StaffFactory

from .factories import CommentFactory
from .test_comments import post as post_comment
from .test_inquiry import URL as INQUIRY_URL
from .test_inquiry import answers
from .test_stories import send as send_story

pytestmark = pytest.mark.django_db

COMMENTS = "/admin/snippets/participation/comment/"
STORIES = "/admin/snippets/participation/storysubmission/"


@pytest.fixture
def moderators():
    """An editor in a Chinese admin, a press officer in English, and a writer (moderates nothing)."""
    return {
        "editor": StaffFactory(role="Editors", language="zh-hans"),
        "press": StaffFactory(role="Press officers", language="en"),
        "writer": StaffFactory(role="Writers"),
    }


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def test_a_new_comment_mails_its_moderators_in_their_admin_language(
    client, article, moderators, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert post_comment(client, article, "en", text="Waiting").status_code == 302
    (chinese,) = mails_to(moderators["editor"])
    assert chinese.subject == "有新的读者评论待审核"
    assert "1 条评论待审核" in chinese.body and COMMENTS in chinese.body
    (english,) = mails_to(moderators["press"])
    assert english.subject == "New reader comment awaiting moderation"
    assert "1 comment awaits moderation" in english.body
    assert mails_to(moderators["writer"]) == []
    # The reader's words and address stay in the admin.
    assert "Waiting" not in chinese.body + english.body


def test_a_new_story_mails_its_moderators(client, story_page, moderators, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_story(client, "zh-hans").status_code == 200
    assert StorySubmission.objects.count() == 1
    (message,) = mails_to(moderators["editor"])
    assert message.subject == "有新的读者投稿待审核" and STORIES in message.body


def test_a_new_inquiry_mails_those_who_read_inquiries(
    client, inquiry_page, moderators, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(INQUIRY_URL["en"], answers("en")).status_code == 200
    (message,) = mails_to(moderators["press"])
    assert message.subject == "New inquiry from the website" and "/admin/forms/" in message.body
    # Editors do not read inquiries (personal information): they hear nothing.
    assert mails_to(moderators["editor"]) == []


@pytest.mark.parametrize(("role", "language"), [("Editors", "zh-hans"), ("Press officers", "en")])
def test_dashboard_counts_what_waits_for_this_role(
    client, article, role, language, django_assert_max_num_queries
):
    CommentFactory.create_batch(3, article=article, status=Comment.Status.PENDING)
    CommentFactory(article=article, status=Comment.Status.APPROVED)
    client.force_login(StaffFactory(role=role, language=language))
    with django_assert_max_num_queries(80):
        page = parse(client.get("/admin/"))
    row = page.select_one('[data-reader-input="comment"]')
    assert row["data-waiting"] == "3"
    words = "3 条评论待审核" if language == "zh-hans" else "3 comments await moderation"
    assert words in row.get_text(" ", strip=True)
    assert row.select_one("a")["href"] == COMMENTS
    assert (page.select_one('[data-reader-input="inquiry"]') is not None) == (role == "Press officers")


def test_writers_see_no_moderation_panel(client):
    client.force_login(StaffFactory(role="Writers"))
    assert parse(client.get("/admin/")).select_one("[data-reader-input]") is None


def test_waiting_comments_list_first(client, article):
    CommentFactory(article=article, status=Comment.Status.APPROVED, text="approved-one")
    CommentFactory(article=article, status=Comment.Status.PENDING, text="pending-one")
    CommentFactory(article=article, status=Comment.Status.REJECTED, text="rejected-one")
    client.force_login(StaffFactory(role="Editors"))
    text = parse(client.get(COMMENTS)).select_one("table").get_text(" ", strip=True)
    assert text.index("pending-one") < text.index("approved-one") < text.index("rejected-one")


def test_listing_bulk_bar_speaks_of_comments_in_chinese(client, article):
    CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(StaffFactory(role="Editors", language="zh-hans"))
    page = parse(client.get(COMMENTS))
    assert page.select_one("[data-bulk-action-footer]")["data-bulk-action-footer"] == "COMMENT"
    bulk = json.loads(page.select_one("#moderation-bulk-strings").get_text())
    assert bulk["item_type"] == "COMMENT"
    strings = bulk["strings"]
    assert strings["SINGULAR"] == "已选择 1 条评论"
    assert strings["PLURAL"] == "已选择 %(objects)s 条评论"
    assert all("片段" not in text and "snippet" not in text.lower() for text in strings.values())


def beijing(year, month, day, hour, minute):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=datetime.UTC) - datetime.timedelta(
        hours=8
    )


def test_comments_export_in_beijing_time(client, article):
    # Sent at 09:30 in Beijing, which is 01:30 UTC.
    with time_machine.travel(beijing(2026, 3, 2, 9, 30), tick=False):
        CommentFactory(
            article=article, status=Comment.Status.PENDING, text="=HYPERLINK(1)", email="r@example.com"
        )
    client.force_login(StaffFactory(role="Editors"))
    rows = list(csv.reader(io.StringIO(client.get(COMMENTS + "?export=csv").getvalue().decode())))
    assert rows[0][0] == "提交时间（北京时间）"
    assert rows[1][0] == "2026-03-02 09:30"
    assert rows[1][3] == "'=HYPERLINK(1)"  # a spreadsheet reads it as text
    listing = parse(client.get(COMMENTS)).select_one("table").get_text(" ", strip=True)
    assert "2026-03-02 09:30" in listing

    book = openpyxl.load_workbook(io.BytesIO(client.get(COMMENTS + "?export=xlsx").getvalue()))
    assert book.active.cell(row=2, column=1).value == datetime.datetime(2026, 3, 2, 9, 30)


def test_stories_export_in_beijing_time(client, story_page):
    with time_machine.travel(beijing(2026, 3, 2, 23, 45), tick=False):
        StorySubmission.objects.create(
            page=story_page, title="夜班", story="…", name="读者", language="zh-hans"
        )
    client.force_login(StaffFactory(role="Press officers", language="en"))
    rows = list(csv.reader(io.StringIO(client.get(STORIES + "?export=csv").getvalue().decode())))
    assert rows[0][0] == "Sent at (Beijing time)"
    assert rows[1][0] == "2026-03-02 23:45" and rows[1][1] == "夜班"


def test_inquiry_export_in_beijing_time(client, inquiry_page):
    with time_machine.travel(beijing(2026, 3, 2, 8, 5)):
        client.post(INQUIRY_URL["en"], answers("en"))
    client.force_login(StaffFactory(role="Press officers"))
    url = f"/admin/forms/submissions/{inquiry_page.pk}/?export=csv"
    assert "2026-03-02 08:05" in client.get(url).getvalue().decode()
    assert timezone.get_current_timezone_name() == "Asia/Shanghai"
