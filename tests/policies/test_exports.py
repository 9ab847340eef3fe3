"""CSV and XLSX downloads: the filtered rows, headers in the reader's language, no formulas."""

import csv
import io

import openpyxl
import pytest

from .factories import PolicyEntryFactory

pytestmark = pytest.mark.django_db

LIST = {"zh-hans": "/zhengce/zhichi/", "en": "/en/policies/support/"}
ENGLISH_HEADERS = [
    "Title",
    "Category",
    "Document number",
    "Issuing body",
    "Issue date",
    "Effective date",
    "Expiry date",
    "Status",
    "Summary",
    "Contact",
    "Full text",
    "Web page",
]


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(text[1:])))


def read_xlsx(response):
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def test_english_csv_has_english_headers_and_only_entries_with_english(client, policy_list):
    response = client.get(LIST["en"] + "export/csv/")
    rows = read_csv(response)

    assert 'filename="support.csv"' in response["Content-Disposition"]
    assert rows[0] == ENGLISH_HEADERS
    assert [row[0] for row in rows[1:]] == ["Entry e1", "Entry e2", "Entry e3", "Entry e4", "Entry e5"]
    e2 = rows[2]
    assert e2[1] == "Talent" and e2[4] == "2025-01-01" and e2[7] == "Expired"
    assert e2[11] == f"http://testserver{LIST['en']}entries/{policy_list.test_entries['e2'].pk}/"


def test_chinese_csv_has_every_entry_in_chinese(client, policy_list):
    rows = read_csv(client.get(LIST["zh-hans"] + "export/csv/"))

    assert len(rows) == 7
    assert rows[1][0] == "条目e1" and rows[1][1] == "产业"
    assert "条目e6" in [row[0] for row in rows]
    # Interface wording comes from the catalogue the lead regenerates (see the report).
    assert rows[0][0] == "标题"


def test_exports_honour_the_filters(client, policy_list):
    query = "?category=industry&sort=newest"
    csv_rows = read_csv(client.get(LIST["en"] + "export/csv/" + query))
    sheet = read_xlsx(client.get(LIST["en"] + "export/xlsx/" + query))

    assert [row[0] for row in csv_rows[1:]] == ["Entry e3", "Entry e1"]
    assert [cell.value for cell in sheet["A"]][1:] == ["Entry e3", "Entry e1"]


def test_an_export_with_a_bad_filter_is_refused_with_a_message(client, policy_list):
    response = client.get(LIST["en"] + "export/xlsx/?status=nonsense")
    assert response.status_code == 400
    assert b"Select a valid choice" in response.content


def test_xlsx_parses_back_with_headers_rows_and_real_dates(client, policy_list):
    sheet = read_xlsx(client.get(LIST["en"] + "export/xlsx/"))
    rows = list(sheet.iter_rows(values_only=True))

    assert list(rows[0]) == ENGLISH_HEADERS
    assert len(rows) == 6
    assert rows[1][0] == "Entry e1"
    assert rows[1][4].date().isoformat() == "2025-01-03"


def test_cells_that_look_like_formulas_are_written_as_text(client, policy_list):
    PolicyEntryFactory(
        page=policy_list,
        title_zh_hans='=HYPERLINK("http://evil.example","点击")',
        title_en='=HYPERLINK("http://evil.example","Click")',
        summary_en="+1+1",
        document_number_en="-2-3",
        issuing_body_en="@SUM(A1:A2)",
        sort_order=99,
    )
    csv_row = read_csv(client.get(LIST["en"] + "export/csv/"))[-1]
    sheet = read_xlsx(client.get(LIST["en"] + "export/xlsx/"))
    last = sheet.max_row

    assert csv_row[0] == '\'=HYPERLINK("http://evil.example","Click")'
    assert csv_row[8] == "'+1+1" and csv_row[2] == "'-2-3" and csv_row[3] == "'@SUM(A1:A2)"
    for column in "ACDI":
        cell = sheet[f"{column}{last}"]
        assert cell.data_type == "s", (column, cell.data_type)
        assert cell.quotePrefix
    assert sheet[f"A{last}"].value == '=HYPERLINK("http://evil.example","Click")'
    assert read_csv(client.get(LIST["zh-hans"] + "export/csv/"))[-1][0].startswith("'=")


def test_traditional_downloads_are_in_traditional_characters(client, policy_list):
    rows = read_csv(client.get("/zh-hant" + LIST["zh-hans"] + "export/csv/"))
    sheet = read_xlsx(client.get("/zh-hant" + LIST["zh-hans"] + "export/xlsx/"))

    assert rows[0][0] == "標題" and rows[1][0] == "條目e1" and rows[1][1] == "產業"
    assert rows[1][11].startswith("http://testserver/zh-hant/")
    assert sheet["A1"].value == "標題" and sheet["A2"].value == "條目e1"
