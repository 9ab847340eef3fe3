"""Editing a policy list in the admin: both languages of every entry, categories of this list only."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from policies.models import PolicyListPage

from .factories import PolicyCategoryFactory, PolicyListPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # messages below are asserted in English
    profile.save()
    client.force_login(user)
    return client


def test_entry_editor_shows_both_languages_and_only_this_lists_categories(editor, policy_list, policy_index):
    other = PolicyCategoryFactory(page=PolicyListPageFactory(parent=policy_index), slug="elsewhere")

    html = editor.get(f"/admin/pages/{policy_list.pk}/edit/").content.decode()

    for field in ("title", "summary", "document_number", "issuing_body", "contact"):
        assert f'name="entries-0-{field}_zh_hans"' in html
        assert f'name="entries-0-{field}_en"' in html
    assert 'name="categories-0-name_en"' in html
    assert f'<option value="{other.pk}"' not in html
    assert f'<option value="{policy_list.categories.first().pk}"' in html


def test_entry_added_in_the_admin_is_published_in_both_languages(editor, policy_index):
    page = PolicyListPageFactory(parent=policy_index, slug_zh_hans="xin", slug_en="new-list")
    category = PolicyCategoryFactory(page=page, slug="talent", name_zh_hans="人才", name_en="Talent")
    data = nested_form_data(
        {
            "title_zh_hans": page.title_zh_hans,
            "title_en": page.title_en,
            "slug_zh_hans": "xin",
            "slug_en": "new-list",
            "intro_zh_hans": "",
            "intro_en": "",
            "categories": inline_formset(
                [{"id": category.pk, "name_zh_hans": "人才", "name_en": "Talent", "slug": "talent"}],
                initial=1,
            ),
            "entries": inline_formset(
                [
                    {
                        "title_zh_hans": "青年人才生活补贴",
                        "title_en": "Living allowance for young graduates",
                        "summary_zh_hans": "连续三年发放生活补贴。",
                        "summary_en": "An allowance for three years.",
                        "category": category.pk,
                        "status": "in_force",
                        "issue_date": "2025-01-20",
                        "effective_date": "2025-02-01",
                        "expiry_date": "2025-01-01",  # before the effective date: refused first
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )

    refused = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert refused.status_code == 200
    assert "The expiry date cannot be before the effective date." in refused.content.decode()

    data["entries-0-expiry_date"] = "2027-12-31"
    response = editor.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    entry = PolicyListPage.objects.get(pk=page.pk).entries.get()
    assert entry.has_english and entry.category == category
    assert "Living allowance for young graduates" in editor.get("/en/policies/new-list/").content.decode()
    assert "青年人才生活补贴" in editor.get("/zhengce/xin/").content.decode()
