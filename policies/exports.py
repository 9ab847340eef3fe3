"""A policy list as CSV or XLSX in the reader's language, safe to open in a spreadsheet.

A cell that begins with = + - @ (or a tab or carriage return) would run as a formula: CSV
cells get a leading apostrophe (OWASP's advice) and XLSX cells are stored as quoted text.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from website.addresses import absolute
from website.exports import FORMULA_TRIGGERS
from website.traditional import for_reader

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def headers():
    return [
        _("Title"),
        _("Category"),
        _("Document number"),
        _("Issuing body"),
        _("Issue date"),
        _("Effective date"),
        _("Expiry date"),
        _("Status"),
        _("Summary"),
        _("Contact"),
        _("Full text"),
        _("Web page"),
    ]


def rows(page, entries, request):
    """The header row, then one row per entry; dates stay dates (each writer formats them)."""
    page_url = absolute(page.get_url(request))
    table = [headers()]
    for entry in entries:
        full_text = entry.full_text_url()
        table.append(
            [
                entry.title,
                entry.category.name if entry.category else "",
                entry.document_number or "",
                entry.issuing_body or "",
                entry.issue_date,
                entry.effective_date,
                entry.expiry_date,
                entry.get_current_status_display(),
                entry.summary or "",
                entry.contact or "",
                absolute(full_text) if full_text else "",
                page_url + page.reverse_subpage("entry", args=[entry.pk]),
            ]
        )
    return table


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def as_csv(table, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # Excel reads a CSV as the local code page unless it starts with a byte-order mark.
    response.write("\ufeff")
    writer = csv.writer(response)
    for row in table:
        writer.writerow(
            [
                f"'{value}"
                if looks_like_formula(value)
                else value.isoformat()
                if hasattr(value, "isoformat")
                else ""
                if value is None
                else value
                for value in row
            ]
        )
    return response


def as_xlsx(table, filename):
    table = [[for_reader(value) for value in row] for row in table]  # binary: not the middleware's
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = filename.rsplit(".", 1)[0][:31]
    for row in table:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if looks_like_formula(cell.value):
                cell.data_type = "s"  # openpyxl made it a formula ("f") on assignment
                cell.quotePrefix = True
            elif cell.is_date:
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
