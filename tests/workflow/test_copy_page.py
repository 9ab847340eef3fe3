"""An editor copies a page in the admin: the copy form asks for the two stored languages' titles
and slugs only (the Traditional edition is derived, so it has no fields of its own)."""

import pytest
from django.urls import reverse

from tests.factories import NewsArticlePageFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def test_an_editor_copies_an_article_with_both_titles(client, staff, news_index):
    article = NewsArticlePageFactory(parent=news_index, kind="news", title_zh_hans="园区举行招商推介会")
    client.force_login(staff("Editors"))
    url = reverse("wagtailadmin_pages:copy", args=[article.pk])

    form = parse(client.get(url))
    fields = {field["name"] for field in form.select("form input[name^=new_]")}
    assert {"new_title_zh_hans", "new_title_en", "new_slug_zh_hans", "new_slug_en"} <= fields
    assert not any("zh_hant" in name for name in fields)

    response = client.post(
        url,
        {
            "new_title_zh_hans": "园区举行招商推介会（副本）",
            "new_title_en": "Investment roadshow (copy)",
            "new_slug_zh_hans": "zhaoshang-tuijiehui-fuben",
            "new_slug_en": "investment-roadshow-copy",
            "new_parent_page": news_index.pk,
        },
    )

    assert response.status_code == 302
    copy = type(article).objects.get(slug_zh_hans="zhaoshang-tuijiehui-fuben")
    assert copy.title_zh_hans == "园区举行招商推介会（副本）"
    assert copy.title_en == "Investment roadshow (copy)"
    assert not copy.live
