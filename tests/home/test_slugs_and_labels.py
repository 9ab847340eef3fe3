"""The page editor for a Chinese newsroom: short pinyin slugs, fields labelled by language."""

import re

import pytest
from django.contrib.auth.models import Group

from news.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory
from tests.workflow.factories import StaffFactory, article_fields, page_form_data

pytestmark = pytest.mark.django_db

ADD_ARTICLE = "/admin/pages/add/news/newsarticlepage/{}/"


@pytest.fixture
def writer(news_index):
    user = StaffFactory(role="Writers")
    assert Group.objects.filter(name="Writers").exists()
    return user


def add_article(client, news_index, **fields):
    data = page_form_data(NewsArticlePage, article_fields("x", **fields))
    response = client.post(ADD_ARTICLE.format(news_index.pk), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return NewsArticlePage.objects.order_by("-pk").first()


def test_a_new_chinese_page_gets_a_pinyin_slug_and_english_one_from_its_title(client, writer, news_index):
    client.force_login(writer)
    title = "济南哪家医院可以做CAR-T细胞治疗"
    # What Wagtail's editor puts in the slug fields as the titles are typed.
    article = add_article(
        client,
        news_index,
        title_zh_hans=title,
        slug_zh_hans=title.replace("-", "").lower(),
        title_en="Where to get CAR-T cell therapy in Jinan",
        slug_en="",
    )
    assert article.slug_zh_hans == "jinan-najia-yiyuan-keyi-zuo-car-t-xibao-zhiliao"
    assert article.slug_en == "where-to-get-car-t-cell-therapy-in-jinan"
    # A second page with the same title under the same section gets its own address.
    second = add_article(client, news_index, title_zh_hans=title, slug_zh_hans="", title_en="", slug_en="")
    assert second.slug_zh_hans == "jinan-najia-yiyuan-keyi-zuo-car-t-xibao-zhiliao-2"


def test_a_slug_the_editor_typed_is_kept(client, writer, news_index):
    client.force_login(writer)
    article = add_article(client, news_index, title_zh_hans="质子治疗中心开诊", slug_zh_hans="proton-centre")
    assert article.slug_zh_hans == "proton-centre"


def test_a_published_page_keeps_its_address(client, writer, news_index):
    article = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="已发布的文章", slug_zh_hans="已发布的文章"
    )
    client.force_login(writer)
    data = page_form_data(
        NewsArticlePage, article_fields("x", title_zh_hans="已发布的文章", slug_zh_hans="已发布的文章")
    )
    client.post(f"/admin/pages/{article.pk}/edit/", data)
    article.refresh_from_db()
    assert article.slug_zh_hans == "已发布的文章"


@pytest.mark.parametrize(
    "language, chinese, english, placeholder",
    [
        ("zh-hans", "摘要 · 中文", "摘要 · 英文", "英文标题"),
        ("en", "Summary · Chinese", "Summary · English", "English title (optional"),
    ],
)
def test_fields_are_labelled_by_language_in_the_admins_own_words(
    client, news_index, language, chinese, english, placeholder
):
    editor = StaffFactory(role="Editors", language=language)
    article = NewsArticlePageFactory(parent=news_index)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert chinese in html and english in html
    assert "[zh-hans]" not in html and "[en]" not in html
    english_title = re.search(r'<input[^>]*name="title_en"[^>]*>', html).group(0)
    assert f'placeholder="{placeholder}' in english_title
    assert "required" not in english_title


def test_a_slug_a_sibling_reads_in_either_language_is_refused_without_reading_every_sibling(
    client, writer, news_index
):
    """The slug check (website.pages.slugs_in_use) asks the database, with the languages'
    fallbacks, instead of loading every sibling on each save (a second at 10,000 articles)."""
    from django.core.exceptions import ValidationError
    from django.db.models.signals import post_init
    from wagtail.models import Page

    NewsArticlePageFactory(parent=news_index, slug_zh_hans="zhizi-zhongxin", slug_en="proton-centre")
    NewsArticlePageFactory(parent=news_index, slug_zh_hans="kangfu-zhongxin", slug_en="")
    for _ in range(20):
        NewsArticlePageFactory(parent=news_index)
    page = NewsArticlePageFactory(parent=news_index, slug_zh_hans="xin-wenzhang", slug_en="new-story")

    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance)

    post_init.connect(count)
    try:
        page.full_clean()
        page.slug_en = "proton-centre"  # another article's English address
        with pytest.raises(ValidationError) as refused:
            page.full_clean()
        assert "slug_en" in refused.value.message_dict
        # An article without English is at /en/ under its Chinese slug.
        page.slug_en = "kangfu-zhongxin"
        with pytest.raises(ValidationError) as refused:
            page.full_clean()
        assert "slug_en" in refused.value.message_dict
        page.slug_en, page.slug_zh_hans = "new-story", "zhizi-zhongxin"
        with pytest.raises(ValidationError) as refused:
            page.full_clean()
        assert "slug_zh_hans" in refused.value.message_dict
    finally:
        post_init.disconnect(count)
    assert len([instance for instance in loaded if isinstance(instance, Page)]) <= 8  # 24 siblings, 4 checks

    # In the editor, in Chinese: the writer is told, and the article is not saved.
    client.force_login(writer)
    count_before = NewsArticlePage.objects.count()
    data = page_form_data(
        NewsArticlePage, article_fields("x", title_zh_hans="另一篇", slug_zh_hans="zhizi-zhongxin")
    )
    response = client.post(ADD_ARTICLE.format(news_index.pk), data, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 200
    assert NewsArticlePage.objects.count() == count_before
