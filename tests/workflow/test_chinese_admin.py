"""A Chinese admin on the review path: each role's main screens, in Chinese, hold no English
sentence (Wagtail's own messages included: locale/wagtail carries what Wagtail's zh_Hans lacks)."""

import re
from pathlib import Path

import polib
import pytest
import wagtail
from bs4 import BeautifulSoup
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import translation
from wagtail.admin.ui.tables import Table
from wagtail.admin.ui.tables.pages import PageTitleColumn
from wagtail.models import Task, Workflow

from news.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory

from .factories import move_to_level

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
WAGTAIL = Path(wagtail.__file__).parent

# Two or more English words in a row, as a sentence or a label would have them (not a URL or a slug).
ENGLISH_WORDS = re.compile(r"[A-Za-z][a-z']+(?:(?:[,:;.!?]?\s+|\s[–-]\s)[A-Za-z][a-z']+)+")
# Names and codes that stay as they are in a Chinese admin.
KNOWN = [
    "Wagtail",
    "English",
    "The proton therapy centre treats",
]
ATTRIBUTES = ("title", "aria-label", "placeholder", "data-w-tooltip-content-value", "alt")


def visible_text(html):
    """The strings a person reads or hears: text outside script/style/template, and tooltips/labels."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template", "noscript"]):
        hidden.decompose()
    texts = [text for text in soup.find_all(string=True)]
    for element in soup.find_all(True):
        texts += [element[name] for name in ATTRIBUTES if isinstance(element.get(name), str)]
    return texts


def english_sentences(html):
    # Workflow and task names are records the site administrators name (both languages at once).
    known = KNOWN + list(Task.objects.values_list("name", flat=True))
    known += list(Workflow.objects.values_list("name", flat=True))
    found = []
    for text in visible_text(html):
        for name in known:
            text = text.replace(name, "")
        found += ENGLISH_WORDS.findall(text)
    return sorted(set(found))


def test_every_wagtail_admin_message_has_chinese():
    """After a Wagtail upgrade this names the new messages to translate in locale/wagtail."""
    ours = {(e.msgctxt, e.msgid) for e in polib.pofile(ROOT / "locale/wagtail/zh_Hans/LC_MESSAGES/django.po")}
    missing = []
    for source in WAGTAIL.glob("**/locale/en/LC_MESSAGES/django.po"):
        chinese = Path(str(source).replace("/en/", "/zh_Hans/"))
        theirs = {(e.msgctxt, e.msgid) for e in polib.pofile(chinese).translated_entries()}
        missing += [
            e.msgid
            for e in polib.pofile(source)
            if (e.msgctxt, e.msgid) not in theirs | ours and not e.obsolete
        ]
    assert missing == []


@pytest.fixture
def article_in_review(news_index, review_tasks, django_user_model):
    """A news article at the second review level, with an earlier revision to compare against."""
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    article = NewsArticlePageFactory(parent=news_index, live=False, kind="news", title="园区动态")
    article.save_revision(user=boss)
    article.summary_zh_hans = "园区新增十六个项目。"
    article.save_revision(user=boss)
    move_to_level(article, 2, review_tasks, boss)
    return NewsArticlePage.objects.get(pk=article.pk)


def screens(article):
    revisions = list(article.revisions.order_by("pk").values_list("pk", flat=True))
    return [
        "/admin/",
        f"/admin/pages/{article.get_parent().pk}/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{article.pk}/history/",
        f"/admin/pages/{article.pk}/workflow_history/",
        reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, revisions[0], revisions[-1]]),
        "/admin/reports/workflow/",
        "/admin/snippets/",
    ]


@pytest.mark.parametrize(
    "role", ["Writers", "Translators", "Editors", "Department heads", "Leadership", "Press officers"]
)
def test_each_roles_screens_speak_chinese(client, staff, article_in_review, role):
    client.force_login(staff(role))
    urls = screens(article_in_review)
    task_state = article_in_review.current_workflow_task_state
    if role == "Department heads":  # the second level's approve and request-changes dialogs
        urls += [
            reverse("wagtailadmin_pages:workflow_action", args=[article_in_review.pk, action, task_state.pk])
            for action in ("approve", "reject")
        ]
    if role in ("Editors", "Press officers"):  # the moderators of reader input: its listings
        urls += [
            "/admin/snippets/participation/comment/",
            "/admin/snippets/participation/storysubmission/",
            "/admin/forms/",
        ]
    snippets = BeautifulSoup(client.get("/admin/snippets/").content.decode(), "html.parser")
    urls += sorted(
        {a["href"] for a in snippets.select('a[href^="/admin/snippets/"]') if a["href"].count("/") == 5}
    )
    english = {}
    visited = 0
    for url in urls:
        response = client.get(url, follow=True)
        if response.status_code != 200:
            continue
        visited += 1
        html = (
            response.json()["html"]
            if response["Content-Type"] == "application/json"
            else response.content.decode()
        )
        if found := english_sentences(html):
            english[url] = found
    assert visited >= 6
    assert english == {}


def test_page_counts_name_pages_in_chinese_not_none(rf):
    """Wagtail's page search gives its title column no model name (the view has no model):
    the count read "1-20 of 27 None"."""
    column = PageTitleColumn("title", label="标题")
    table = Table([column], [], base_url="/admin/pages/search/")
    pages = Paginator(range(27), 20).page(1)
    context = {"table": table, "request": rf.get("/"), "items_count": 27, "page_obj": pages}

    with translation.override("zh-hans"):
        header = BeautifulSoup(column.render_header_html(context), "html.parser").get_text(" ", strip=True)
        one = BeautifulSoup(
            column.render_header_html(context | {"items_count": 1, "page_obj": Paginator([1], 20).page(1)}),
            "html.parser",
        ).get_text(" ", strip=True)

    assert "None" not in header
    assert "共 27 个页面，第 1-20 个" in header, header
    assert "共 1 个页面，第 1-1 个" in one, one
