"""Editors preview an unsaved edit in Traditional from the page editor, as readers will see it."""

import pytest

from ..factories import NewsArticlePageFactory
from ..html import parse
from ..workflow.factories import StaffFactory, article_fields, page_form_data

pytestmark = pytest.mark.django_db


def test_editor_previews_an_unsaved_edit_in_traditional(client, news_index):
    article = NewsArticlePageFactory(parent=news_index, slug_zh_hans="zhizi", slug_en="proton")
    client.force_login(StaffFactory(role="Editors"))
    data = article_fields("x", title_zh_hans="质子治疗软件发布", title_en="Proton software")
    data["slug_zh_hans"], data["slug_en"] = article.slug_zh_hans, article.slug_en
    preview_url = f"/admin/pages/{article.pk}/edit/preview/"

    posted = client.post(preview_url, page_form_data(type(article), data))
    assert posted.json()["is_valid"] is True

    soup = parse(client.get(preview_url, {"mode": "zh-hant"}))
    assert soup.html["lang"] == "zh-Hant"
    assert soup.find("h1").get_text(strip=True) == "質子治療軟件發佈"  # not saved, not published
    assert client.get("/zh-hant/xinwen/zhizi/").status_code == 200
    assert "質子治療軟件發佈" not in client.get("/zh-hant/xinwen/zhizi/").text
