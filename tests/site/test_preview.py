"""A page previews in the language the editor picks (Wagtail's preview modes), under the English rule."""

import pytest

from tests.factories import NewsArticlePageFactory


def preview(page, mode, rf, user):
    request = rf.get(f"/admin/pages/{page.pk}/edit/preview/", HTTP_HOST="localhost")
    request.user = user
    response = page.make_preview_request(request, mode)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_each_language_is_a_preview_mode_whatever_the_admin_language(rf, admin_user, news_index):
    article = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="预览的文章", title_en="A previewed story"
    )
    assert [mode for mode, _label in article.preview_modes] == ["zh-hans", "zh-hant", "en"]
    chinese = preview(article, "zh-hans", rf, admin_user)
    assert '<html lang="zh-Hans"' in chinese and "预览的文章" in chinese
    english = preview(article, "en", rf, admin_user)
    assert '<html lang="en"' in english and "A previewed story" in english
    assert "预览的文章" not in english
    traditional = preview(article, "zh-hant", rf, admin_user)
    assert '<html lang="zh-Hant"' in traditional and "預覽的文章" in traditional
    assert "预览的文章" not in traditional


@pytest.mark.django_db
def test_an_english_preview_of_a_page_without_english_shows_the_readers_notice(rf, admin_user, news_index):
    article = NewsArticlePageFactory(parent=news_index, title_zh_hans="只有中文", title_en="")
    english = preview(article, "en", rf, admin_user)
    assert "只有中文" not in english
    assert "This page is not yet available in English." in english
