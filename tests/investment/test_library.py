"""The publications library: filters, the latest edition marked, downloads counted for staff."""

import pytest

from investment.models import Publication
from tests.html import han_outside_zh_markup, parse
from tests.workflow.factories import StaffFactory

from .factories import LibraryPageFactory, PublicationFactory

pytestmark = pytest.mark.django_db

URL = {"zh-hans": "/ziliao/", "en": "/en/publications/"}


@pytest.fixture
def library(home):
    page = LibraryPageFactory(parent=home)
    PublicationFactory(page=page, title_en="Investor guide 2024", year=2024, series="investor-guide")
    PublicationFactory(
        page=page, title_en="Investor guide 2025", year=2025, series="investor-guide", file_language="both"
    )
    PublicationFactory(
        page=page, title_en="Annual report 2024", year=2024, kind="annual-report", file_language="en"
    )
    PublicationFactory(page=page, title_zh_hans="园区宣传册", year=2023, kind="brochure", english=False)
    page.save_revision().publish()
    return page


def titles(soup):
    return [h.get_text(" ", strip=True) for h in soup.select(".publication__title")]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_library_lists_newest_first_and_marks_the_latest_edition(client, library, language):
    soup = parse(client.get(URL[language]))

    shown = titles(soup)
    assert len(shown) == (4 if language == "zh-hans" else 3)
    latest = "Latest edition" if language == "en" else "最新版"
    assert shown[0].endswith(latest)
    assert [title for title in shown if title.endswith(latest)] == [shown[0]]
    if language == "en":
        assert shown[0].startswith("Investor guide 2025")
        assert han_outside_zh_markup(soup.main) == []


def test_filters_by_type_year_and_file_language(client, library):
    assert titles(parse(client.get(URL["en"] + "?kind=annual-report"))) == ["Annual report 2024"]
    assert len(titles(parse(client.get(URL["en"] + "?year=2024")))) == 2
    english_files = titles(parse(client.get(URL["en"] + "?language=en")))
    assert [t.split(" Latest")[0] for t in english_files] == ["Investor guide 2025", "Annual report 2024"]


def test_a_bad_filter_gets_a_message_not_an_error(client, library):
    response = client.get(URL["en"] + "?year=1850")

    assert response.status_code == 400
    assert "Some filters could not be applied" in response.content.decode()


def test_download_is_counted_and_staff_see_the_count(client, library):
    publication = library.publications.get(title_en="Annual report 2024")
    download = f"{URL['en']}download/{publication.pk}/"
    page = parse(client.get(URL["en"]))
    assert page.select_one(f'a[href="{download}"]')

    for _ in range(3):
        response = client.get(download)
        assert response.status_code == 302 and response["Location"] == publication.document.url

    assert Publication.objects.get(pk=publication.pk).downloads == 3
    client.force_login(StaffFactory(role="Editors", language="en"))
    report_response = client.get("/admin/reports/publication-downloads/")
    report = parse(report_response)
    row = next(tr for tr in report.select("tbody tr") if "Annual report 2024" in tr.get_text())
    assert "3" in [td.get_text(strip=True) for td in row.select("td")]
    export = client.get("/admin/reports/publication-downloads/?export=csv")
    exported = b"".join(export.streaming_content) if export.streaming else export.content
    assert export["Content-Type"] == "text/csv; charset=utf-8"
    assert [
        line for line in exported.decode("utf-8-sig").splitlines() if line.endswith(",3")
    ]  # the counted row


def test_english_download_of_a_chinese_only_publication_is_not_found(client, library):
    chinese_only = library.publications.get(has_english=False)

    assert client.get(f"{URL['en']}download/{chinese_only.pk}/").status_code == 404
    assert client.get(f"{URL['zh-hans']}download/{chinese_only.pk}/").status_code == 302


def test_api_lists_publications_with_counted_download_addresses(client, library):
    english = client.get(f"/en/api/v2/pages/{library.pk}/").json()["publications"]

    assert len(english) == 3 and english[0]["title"] == "Investor guide 2025" and english[0]["latest_edition"]
    assert english[0]["download_url"].endswith(f"/en/publications/download/{english[0]['id']}/")


def test_library_query_count_does_not_grow_with_publications(client, library):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL["en"]).status_code == 200
        return len(context.captured_queries)

    client.get(URL["en"])
    few = queries()
    for _ in range(20):
        PublicationFactory(page=library)
    many = queries()
    assert few == many <= 20, (few, many)
