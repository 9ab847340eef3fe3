"""Demo accounts, one per role, and a few articles in each state of the review (load_demo calls this).

Idempotent like the rest of the demo: accounts are found by username (their password is set
only when they are created) and the review articles by slug; nothing is redone on a second run.
"""

import datetime
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.admin import signal_handlers
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.rich_text import RichText
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from news.models import NewsArticlePage, NewsIndexPage
from workflow.roles import ROLES

# username, group, password: printed by load_demo.
ACCOUNTS = [
    ("writer", "Writers", "demo-writer-2026"),
    ("translator", "Translators", "demo-translator-2026"),
    ("editor", "Editors", "demo-editor-2026"),
    ("head", "Department heads", "demo-head-2026"),
    ("leader", "Leadership", "demo-leader-2026"),
    ("press", "Press officers", "demo-press-2026"),
    ("siteadmin", "Site administrators", "demo-siteadmin-2026"),
]

REJECTION_COMMENT = "请注明投资额的数据来源。 / Please give the source of the investment figure."


def paragraph(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


# (slug, state, fields): what each state looks like, in the reviewers' queues.
REVIEW_ARTICLES = [
    (
        "shenhe-chushen",
        "first review",
        {
            "title_zh_hans": "园区举办医疗器械创新大赛（待初审）",
            "title_en": "Zone holds a medical device innovation contest (awaiting first review)",
            "summary_zh_hans": "四十支团队参加了首届医疗器械创新大赛。",
            "summary_en": "Forty teams entered the first medical device innovation contest.",
            "body_zh_hans": paragraph("四十支团队参加了首届医疗器械创新大赛，评出一等奖三项。"),
            "body_en": paragraph("Forty teams entered the first contest; three won first prizes."),
        },
    ),
    (
        "shenhe-fushen",
        "second review",
        {
            "title_zh_hans": "国际医学中心与三所大学签署合作协议（待复审）",
            "title_en": "Medical center signs agreements with three universities (awaiting second review)",
            "summary_zh_hans": "合作涵盖联合培养与临床研究。",
            "summary_en": "The agreements cover joint training and clinical research.",
            "body_zh_hans": paragraph("合作涵盖联合培养、临床研究和学术交流。"),
            "body_en": paragraph("The agreements cover joint training, clinical research and exchanges."),
        },
    ),
    (
        "shenhe-zhongshen",
        "final review",
        {
            # A press release with only its English title: the final review refuses it.
            "kind": NewsArticlePage.Kind.PRESS_RELEASE,
            "title_zh_hans": "关于举办二〇二六年投资推介会的新闻稿（待终审，缺英文）",
            "title_en": "Press release: 2026 investment promotion conference",
            "summary_zh_hans": "推介会将于明年春季举行。",
            "body_zh_hans": paragraph("推介会将于明年春季举行，欢迎海内外投资机构参加。"),
        },
    ),
    (
        "shenhe-xiugai",
        "changes requested",
        {
            "title_zh_hans": "园区一季度新增投资一百二十亿元（退回修改）",
            "title_en": "Zone attracts 12 billion yuan in the first quarter (changes requested)",
            "summary_zh_hans": "一季度新签约项目十五个。",
            "summary_en": "Fifteen projects were signed in the first quarter.",
            "body_zh_hans": paragraph("一季度新签约项目十五个，总投资一百二十亿元。"),
            "body_en": paragraph("Fifteen projects worth 12 billion yuan were signed in the first quarter."),
        },
    ),
    (
        "shenhe-dingshi",
        "scheduled",
        {
            "title_zh_hans": "园区年度发展报告发布（定时发布）",
            "title_en": "The zone's annual development report (scheduled)",
            "summary_zh_hans": "年度报告回顾了园区一年来的发展。",
            "summary_en": "The annual report looks back on the zone's year.",
            "body_zh_hans": paragraph("年度报告回顾了园区一年来的发展。"),
            "body_en": paragraph("The annual report looks back on the zone's year."),
        },
    ),
]


@contextmanager
def quiet_notifications():
    """No review emails while the demo sets up its queues (they would flood load_demo's output)."""
    for signal, sender, uid in (
        (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
        (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
        (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
        (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
    ):
        signal.disconnect(sender=sender, dispatch_uid=uid)
    try:
        yield
    finally:
        signal_handlers.register_signal_handlers()


def load_accounts(log):
    User = get_user_model()
    users = {}
    chinese = {name: zh for name, _label, zh in ROLES}
    for username, group, password in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username, f"{username}@example.org", password, first_name=chinese[group], last_name=group
            )
            user.groups.add(Group.objects.get(name=group))
            log("user", "created", f"{username} ({group})")
        else:
            log("user", "unchanged", username)
        users[group] = user
    return users


def put_in_state(page, state, users):
    writer = users["Writers"]
    workflow_state = page.get_workflow().start(page, writer)

    def approve(group):
        workflow_state.refresh_from_db()
        workflow_state.current_task_state.approve(user=users[group])

    if state == "first review":
        return
    approve("Editors")
    if state == "second review":
        return
    if state == "changes requested":
        workflow_state.refresh_from_db()
        workflow_state.current_task_state.reject(user=users["Department heads"], comment=REJECTION_COMMENT)
        return
    approve("Department heads")
    if state == "final review":
        return
    approve("Leadership")  # "scheduled": its go-live time is in the future


def load_review_articles(log, users):
    news_index = NewsIndexPage.objects.first()
    if news_index is None:
        return
    for slug, state, fields in REVIEW_ARTICLES:
        if Page.objects.child_of(news_index).filter(slug_zh_hans=slug).exists():
            log("page", "unchanged", slug)
            continue
        english = bool(fields.get("summary_en"))
        article = NewsArticlePage(
            slug_zh_hans=slug,
            slug_en=slug.replace("shenhe", "review") if english else "",
            live=False,
            owner=users["Writers"],
            date=timezone.now(),
            **fields,
        )
        if state == "scheduled":
            article.go_live_at = (timezone.now() + datetime.timedelta(days=30)).replace(
                minute=0, second=0, microsecond=0
            )
        news_index.add_child(instance=article)
        article.save_revision(user=users["Writers"])
        put_in_state(article, state, users)
        log("page", "created", f"{article.url_path} ({state})")


def load(log):
    """Create the accounts and the review articles; `log(kind, action, label)` is the loader's."""
    with quiet_notifications():
        users = load_accounts(log)
        load_review_articles(log, users)
