"""Downloads like the policy lists': the map's areas and the library's publications as CSV and
XLSX, filtered as the page is, in the reader's language; staff's download counts in theirs."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.html import parse
from tests.workflow.factories import StaffFactory

from .test_library import library  # noqa: F401  (fixture)
from .test_map import map_page  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def csv_rows(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_map_list_downloads_as_filtered_in_each_language(client, map_page):  # noqa: F811
    soup = parse(client.get("/en/investment-map/?status=available"))
    link = soup.select_one("p.downloads a[href*='export/csv/']")
    assert link["href"] == "/en/investment-map/export/csv/?status=available"

    header, *rows = csv_rows(client.get(link["href"]))
    assert header[:3] == ["Name", "Kind", "Status"]
    assert [row[:3] for row in rows] == [["Parcel A1", "Land parcel", "Available"]]
    assert rows[0][5:8] == ["Li Qixie", "devices@example.org", "Imaging devices"]
    assert rows[0][-1].endswith(f"/en/investment-map/#area-{map_page.areas.get(name_en='Parcel A1').pk}")

    assert len(csv_rows(client.get("/en/investment-map/export/csv/"))) == 3  # no area without English
    header, *rows = csv_rows(client.get("/zhaoshang-ditu/export/csv/"))
    assert header[:3] == ["名称", "类型", "状态"]
    assert len(rows) == 3  # the Chinese list has the area without English too

    workbook = load_workbook(io.BytesIO(client.get("/en/investment-map/export/xlsx/?kind=building").content))
    assert [[cell.value for cell in row][:3] for row in workbook.active.iter_rows(min_row=2)] == [
        ["Incubator", "Building", "Under negotiation"]
    ]


def test_map_filters_by_kind_and_a_bad_value_gets_a_message(client, map_page):  # noqa: F811
    soup = parse(client.get("/en/investment-map/?kind=building"))
    assert [row.th.get_text(strip=True) for row in soup.select("table.map-areas tbody tr")] == ["Incubator"]
    assert len(soup.select("svg.site-plan__areas a")) == 1

    response = client.get("/zhaoshang-ditu/?status=sold")
    assert response.status_code == 400
    assert "选择一个有效的选项" in parse(response).select_one(".filters__errors").get_text()
    assert client.get("/zhaoshang-ditu/export/csv/?status=sold").status_code == 400


def test_library_downloads_its_filtered_list_with_counted_links(client, library):  # noqa: F811
    soup = parse(client.get("/en/publications/?year=2024"))
    link = soup.select_one("p.downloads a[href*='export/csv/']")
    header, *rows = csv_rows(client.get(link["href"]))
    assert header == [
        "Title",
        "Type",
        "Year",
        "Language of the file",
        "Latest edition",
        "Summary",
        "Download",
    ]
    assert sorted(row[0] for row in rows) == ["Annual report 2024", "Investor guide 2024"]
    guide = next(row for row in rows if row[0] == "Investor guide 2024")
    assert guide[4] == ""  # the 2025 edition is the latest
    publication = library.publications.get(title_en="Investor guide 2024")
    assert guide[-1].endswith(f"/en/publications/download/{publication.pk}/")

    header, *rows = csv_rows(client.get("/ziliao/export/csv/"))
    assert header[0] == "标题" and len(rows) == 4
    workbook = load_workbook(
        io.BytesIO(client.get("/en/publications/export/xlsx/?kind=annual-report").content)
    )
    assert [row[0].value for row in workbook.active.iter_rows(min_row=2)] == ["Annual report 2024"]


@pytest.mark.parametrize(
    ("language", "headings", "kind"),
    [
        ("zh-hans", ["标题", "年份", "类型", "文件语言", "下载"], "年度报告"),
        ("en", ["Title", "Year", "Type", "Language of the file", "Downloads"], "Annual report"),
    ],
)
def test_downloads_report_exports_in_the_staff_members_language(client, library, language, headings, kind):  # noqa: F811
    publication = library.publications.get(title_en="Annual report 2024")
    client.get(f"/en/publications/download/{publication.pk}/")
    client.force_login(StaffFactory(role="Editors", language=language))
    export = client.get("/admin/reports/publication-downloads/?export=csv")
    content = b"".join(export.streaming_content) if export.streaming else export.content
    header, *rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert header == headings
    row = next(row for row in rows if row[-1] == "1")
    assert row[2] == kind
