"""English status (complete / partial / missing) in the listing, the editor, the report and the dashboard."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import NewsArticlePageFactory, StandardPageFactory
from workflow.status import EnglishStatus, english_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home, news_index):
    """One page of each status in the news section, one untranslated standard page."""
    complete = NewsArticlePageFactory(parent=news_index, title_zh_hans="完整稿件")
    partial = NewsArticlePageFactory(parent=news_index, english=False, title_zh_hans="部分稿件")
    partial.title_en = "Half translated"
    partial.save()
    missing = NewsArticlePageFactory(parent=news_index, english=False, title_zh_hans="缺失稿件")
    about = StandardPageFactory(parent=home, english=False, title_zh_hans="未译页面")
    return {"complete": complete, "partial": partial, "missing": missing, "about": about}


def test_status_is_derived_from_the_translated_fields(pages):
    assert english_status(pages["complete"]) == EnglishStatus.COMPLETE
    assert english_status(pages["partial"]) == EnglishStatus.PARTIAL
    assert english_status(pages["missing"]) == EnglishStatus.MISSING
    # An optional field filled in Chinese only makes a page partial, though it can be read in English.
    pages["complete"].subtitle_zh_hans = "副标题"
    assert english_status(pages["complete"]) == EnglishStatus.PARTIAL
    assert pages["complete"].english_is_complete()


@pytest.fixture
def translator(client, staff):
    user = staff("Translators", language="en")
    client.force_login(user)
    return user


def test_page_listing_shows_each_pages_english_status(client, translator, pages, news_index):
    html = client.get(f"/admin/pages/{news_index.pk}/").content.decode()
    for status in ("complete", "partial", "missing"):
        assert f'data-english-status="{status}"' in html


def test_page_listing_reads_the_status_in_queries_that_do_not_grow_with_the_pages(
    client, django_user_model, news_index
):
    # A superuser: for other users Wagtail's own listing checks each row's delete button
    # (two queries a row), which is not what this budget is about.
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pw"))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/admin/pages/{news_index.pk}/").status_code == 200
        return len(captured)

    NewsArticlePageFactory.create_batch(2, parent=news_index, english=False)
    queries()  # the first request also loads the session and the user's profile
    few = queries()
    NewsArticlePageFactory.create_batch(8, parent=news_index, english=False)
    assert queries() == few


def test_editor_says_how_complete_the_english_is_and_that_the_gate_applies(client, translator, pages):
    article = pages["partial"]
    article.kind = "press_release"
    article.save_revision()

    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()

    assert 'data-english-status="partial"' in html
    assert "English: Partial" in html
    assert "The final review will not approve press releases until the English is complete." in html


def test_report_lists_exactly_the_pages_lacking_english(client, translator, pages, home, news_index):
    def listed(query=""):
        soup = BeautifulSoup(client.get(f"/admin/reports/lacking-english/{query}").content, "html.parser")
        return sorted(row.select_one("td a").get_text(strip=True) for row in soup.select("tbody tr"))

    assert listed() == sorted(pages[name].title_zh_hans for name in ("partial", "missing", "about"))
    assert listed("?english=missing") == sorted(pages[name].title_zh_hans for name in ("missing", "about"))
    assert listed("?english=partial") == [pages["partial"].title_zh_hans]
    assert listed(f"?section={news_index.pk}") == sorted(
        pages[name].title_zh_hans for name in ("partial", "missing")
    )


def csv_rows(response):
    # utf-8-sig: the file starts with a byte-order mark so that Excel reads the Chinese right.
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_report_exports_csv_that_parses_back(client, translator, pages):
    response = client.get("/admin/reports/lacking-english/?export=csv")

    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert sorted(row["Title (Chinese)"] for row in rows) == sorted(
        pages[name].title_zh_hans for name in ("partial", "missing", "about")
    )
    by_title = {row["Title (Chinese)"]: row for row in rows}
    assert by_title["缺失稿件"]["English"] == "Missing"
    assert by_title["部分稿件"]["English"] == "Partial"
    assert "summary" in by_title["部分稿件"]["Missing in English"]


def test_csv_cells_that_look_like_formulas_are_written_as_text(client, translator, news_index):
    NewsArticlePageFactory(parent=news_index, english=False, title_zh_hans="=HYPERLINK(1)")

    (row,) = csv_rows(client.get("/admin/reports/lacking-english/?export=csv&english=missing"))

    assert row["Title (Chinese)"] == "'=HYPERLINK(1)"


def test_dashboard_shows_translators_how_many_pages_lack_english(client, translator, pages):
    html = client.get("/admin/").content.decode()
    assert 'data-lacking-english="3"' in html
    assert "/admin/reports/lacking-english/" in html


def test_dashboard_count_is_not_shown_to_writers(client, staff, pages):
    client.force_login(staff("Writers"))
    assert "data-lacking-english" not in client.get("/admin/").content.decode()


def test_dashboard_count_costs_the_same_queries_with_more_pages(client, translator, news_index):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/admin/")
        return len(captured)

    NewsArticlePageFactory.create_batch(2, parent=news_index, english=False)
    queries()  # the first request also loads the session and the user's profile
    few = queries()
    NewsArticlePageFactory.create_batch(8, parent=news_index, english=False)
    assert queries() == few
