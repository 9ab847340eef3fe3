"""Revision history and comparison show both languages' fields."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def compared_fields(response):
    """{field label: (deleted text, added text)} from Wagtail's revision comparison."""
    rows = {}
    for row in BeautifulSoup(response.content, "html.parser").select("tr"):
        label, comparison = row.select_one("td.title"), row.select_one("td.comparison")
        if label and comparison:
            rows[label.get_text(strip=True).rstrip(":")] = (
                " ".join(span.get_text() for span in comparison.select(".deletion")),
                " ".join(span.get_text() for span in comparison.select(".addition")),
            )
    return rows


def test_comparing_revisions_shows_changes_in_both_languages(client, staff, news_index):
    article = NewsArticlePageFactory(parent=news_index, title_zh_hans="旧标题", title_en="Old title")
    first = article.save_revision()
    article.title_zh_hans, article.title_en = "新标题", "New title"
    article.summary_en = "A new English summary."
    second = article.save_revision()
    client.force_login(staff("Editors", language="en"))

    assert client.get(f"/admin/pages/{article.pk}/history/").status_code == 200
    changes = compared_fields(
        client.get(f"/admin/pages/{article.pk}/revisions/compare/{first.pk}...{second.pk}/")
    )

    # Chinese is compared character by character: only 旧 became 新 (workflow/compare.py).
    assert changes["Title · Chinese"] == ("旧", "新")
    assert changes["Title · English"] == ("Old", "New")
    assert "new English summary" in changes["Summary · English"][1]
