"""Every cell of docs/permissions.md's matrix, checked against the admin by a user in that role.

Each action is tried the way a person (or a forged request) would: the admin's own URLs,
with a logged-in member of the group. What the admin did is read back from the database.
"""

import itertools
import re
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.models import Page, Site

from home.models import StandardPage
from news.models import NewsArticlePage, Person
from tests.factories import NewsArticlePageFactory, PersonFactory, StandardPageFactory
from website.models import SiteSettings
from workflow.models import ReviewSettings
from workflow.roles import ROLES

from .factories import (
    article_fields,
    move_to_level,
    page_form_data,
    review_settings_url,
    site_settings_form_data,
    standard_page_fields,
)

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"
LEVEL_NAMES = {1: "初审", 2: "复审", 3: "终审"}
PAGE_ACTIONS = ["create", "edit", "submit", "approve", "reject", "publish", "unpublish", "delete", "lock"]


def documented_matrix():
    """{(role, section): {action: "yes" | "no" | "—" | level name}} from the docs' table."""
    text = DOCS.read_text()
    table = text[text.index("<!-- matrix") :]
    lines = table.splitlines()[1:]
    start = next(n for n, line in enumerate(lines) if line.startswith("|"))
    # The matrix is the first table after the marker, up to its first line that is no row.
    rows = list(itertools.takewhile(lambda line: line.startswith("|"), lines[start:]))
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    matrix = {}
    for line in rows[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        row = dict(zip(header, cells, strict=True))
        matrix[(row.pop("Role"), row.pop("Section"))] = row
    return matrix


MATRIX = documented_matrix()


def test_the_matrix_covers_every_role_and_section():
    roles = [name for name, _label, _chinese in ROLES]
    sections = ["news", "standard pages", "snippets", "settings"]
    assert sorted(MATRIX) == sorted((role, section) for role in roles for section in sections)


# --- pages --------------------------------------------------------------------------


class PageSection:
    def __init__(self, section, home, news_index):
        if section == "news":
            self.parent, self.model, self.factory = news_index, NewsArticlePage, NewsArticlePageFactory
            self.fields = article_fields
        else:
            self.parent, self.model, self.factory = home, StandardPage, StandardPageFactory
            self.fields = standard_page_fields

    def live_page(self):
        return self.factory(parent=self.parent)

    def draft_page(self):
        page = self.factory(parent=self.parent, live=False)
        page.save_revision()
        return page

    def form(self, page, **action):
        slug = page.slug_zh_hans.rsplit("-", 1)[-1]
        return page_form_data(self.model, self.fields(f"edit{slug}", **action))


def try_page_actions(client, section, review_tasks, superuser):
    """What the admin lets the logged-in user do in one section: {action: outcome}."""
    done = {}
    opts = section.model._meta
    response = client.get(f"/admin/pages/add/{opts.app_label}/{opts.model_name}/{section.parent.pk}/")
    done["create"] = "yes" if response.status_code == 200 else "no"

    page = section.live_page()
    done["edit"] = "yes" if client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200 else "no"

    page = section.draft_page()
    client.post(f"/admin/pages/{page.pk}/edit/", section.form(page, **{"action-submit": "submit"}))
    done["submit"] = "yes" if Page.objects.get(pk=page.pk).workflow_in_progress else "no"

    for action in ("approve", "reject"):
        levels = []
        for level in (1, 2, 3):
            page = section.draft_page()
            state = move_to_level(page, level, review_tasks, superuser)
            task_state = state.current_task_state
            url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
            client.post(url, {"comment": "审核意见"})
            task_state.refresh_from_db()
            if task_state.status != task_state.STATUS_IN_PROGRESS:
                levels.append(LEVEL_NAMES[level])
        done[action] = " ".join(levels) or "no"

    page = section.draft_page()
    client.post(f"/admin/pages/{page.pk}/edit/", section.form(page, **{"action-publish": "publish"}))
    done["publish"] = "yes" if Page.objects.get(pk=page.pk).live else "no"

    page = section.live_page()
    client.post(f"/admin/pages/{page.pk}/unpublish/")
    done["unpublish"] = "no" if Page.objects.get(pk=page.pk).live else "yes"

    page = section.live_page()
    client.post(f"/admin/pages/{page.pk}/delete/")
    done["delete"] = "no" if Page.objects.filter(pk=page.pk).exists() else "yes"

    page = section.live_page()
    client.post(f"/admin/pages/{page.pk}/lock/")
    done["lock"] = "yes" if Page.objects.get(pk=page.pk).locked else "no"
    return done


def try_snippet_actions(client):
    done = {}
    client.post("/admin/snippets/news/person/add/", {"name_zh_hans": "新记者", "name_en": "New reporter"})
    done["create"] = "yes" if Person.objects.filter(name_zh_hans="新记者").exists() else "no"

    person = PersonFactory()
    client.post(
        f"/admin/snippets/news/person/edit/{person.pk}/",
        {"name_zh_hans": person.name_zh_hans, "name_en": "Renamed in English"},
    )
    person.refresh_from_db()
    done["edit"] = "yes" if person.name_en == "Renamed in English" else "no"

    person = PersonFactory()
    client.post(f"/admin/snippets/news/person/delete/{person.pk}/")
    done["delete"] = "no" if Person.objects.filter(pk=person.pk).exists() else "yes"
    return done


def try_settings_actions(client):
    """Edits the site settings and the review settings: "yes" when both change, "no" when neither."""
    site = Site.objects.get(is_default_site=True)
    client.post(
        f"/admin/settings/website/sitesettings/{site.pk}/",
        site_settings_form_data("国际医学中心", "Renamed Center"),
    )
    client.post(review_settings_url(site), {"english_gate": ["news.newsarticlepage"]})
    changed = [
        SiteSettings.for_site(site).organisation_name_en == "Renamed Center",
        ReviewSettings.for_site(site).english_gate == ["news.newsarticlepage"],
    ]
    return {"edit": "yes" if all(changed) else "no" if not any(changed) else "only one of the two"}


@pytest.mark.parametrize("role, section", sorted(MATRIX), ids=lambda v: v.replace(" ", "-"))
def test_the_admin_allows_exactly_what_the_matrix_says(
    client, staff, home, news_index, review_tasks, django_user_model, role, section
):
    expected = {action: cell for action, cell in MATRIX[(role, section)].items() if cell != "—"}
    superuser = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(staff(role))

    if section in ("news", "standard pages"):
        done = try_page_actions(client, PageSection(section, home, news_index), review_tasks, superuser)
    elif section == "snippets":
        done = try_snippet_actions(client)
    else:
        done = try_settings_actions(client)

    assert {action: done[action] for action in expected} == expected


def test_the_settings_form_really_saves_for_someone_allowed(client, home, django_user_model):
    """Guards the settings check above: a superuser's same POST does change the settings."""
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pw"))
    assert try_settings_actions(client) == {"edit": "yes"}


def test_the_page_forms_really_submit_and_publish_for_someone_allowed(
    client, home, news_index, review_tasks, django_user_model
):
    """Guards the page checks above: with every right, every action takes effect."""
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(superuser)
    for section in ("news", "standard pages"):
        done = try_page_actions(client, PageSection(section, home, news_index), review_tasks, superuser)
        assert done == {action: "yes" for action in PAGE_ACTIONS} | {
            "approve": "初审 复审 终审",
            "reject": "初审 复审 终审",
        }, section


def test_group_names_have_chinese_names_in_the_docs():
    text = DOCS.read_text()
    for name, _label, chinese in ROLES:
        assert re.search(rf"\| {name} \| {chinese} \|", text), name
