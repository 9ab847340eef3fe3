"""The Wagtail admin in each staff member's language, editing both languages of a page."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("staff", "staff@example.com", "pw")


@pytest.mark.parametrize("language, dashboard", [("zh-hans", "控制面板"), ("en", "Dashboard")])
def test_admin_speaks_each_users_chosen_language(client, staff, home, language, dashboard):
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = language
    profile.save()
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert dashboard in response.content.decode()


def test_article_created_in_the_admin_holds_both_languages(client, staff, news_index):
    client.force_login(staff)
    data = nested_form_data(
        {
            "title_zh_hans": "园区新增十五个项目",
            "title_en": "Fifteen new projects in the zone",
            "slug_zh_hans": "shiwu-ge-xiangmu",
            "slug_en": "fifteen-new-projects",
            "kind": "news",
            "date": "2024-01-15 09:30",
            "summary_zh_hans": "二〇二三年园区新增十五个项目。",
            "summary_en": "The zone gained fifteen projects in 2023.",
            "body_zh_hans": streamfield([("paragraph", rich_text("<p>一百二十亿元投资。</p>"))]),
            "body_en": streamfield([("paragraph", rich_text("<p>12 billion yuan invested.</p>"))]),
            "bylines": inline_formset([]),
            "related_links": inline_formset([]),
            "media_contacts": inline_formset([]),
            "attachments": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = client.post(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    article = NewsArticlePage.objects.get(slug_zh_hans="shiwu-ge-xiangmu")
    assert article.live and article.has_english
    assert client.get("/en/news/fifteen-new-projects/").status_code == 200
    assert "园区新增十五个项目" in client.get("/xinwen/shiwu-ge-xiangmu/").content.decode()


def test_page_editor_shows_fields_for_both_languages(client, staff, news_index):
    client.force_login(staff)

    html = client.get(f"/admin/pages/{news_index.pk}/edit/").content.decode()

    assert 'name="title_zh_hans"' in html and 'name="title_en"' in html
    assert Page.objects.filter(pk=news_index.pk).exists()
