"""Spreadsheets of what readers sent (inquiries, comments, stories, event registrations), as
staff export them from the admin: times in the site's time zone (Beijing), and CSV cells a
spreadsheet reads as text, never as a formula."""

import datetime

from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from wagtail.admin.views.mixins import SpreadsheetExportMixin

# Characters a spreadsheet reads as the start of a formula (OWASP's CSV injection list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value):
    """A CSV cell a spreadsheet reads as text: a leading apostrophe before a formula trigger (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def local_time(value):
    """An aware date and time as the wall clock in the site's time zone (Beijing) reads it."""
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


def local_time_text(value):
    return local_time(value).strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime.datetime) else value


class BeijingTimeExportMixin:
    """Exports in the site's time zone, not UTC (Wagtail writes XLSX times in UTC), and CSV
    cells a spreadsheet reads as text. XLSX already stores formula-like text as text."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_XLSX: local_time,
            SpreadsheetExportMixin.FORMAT_CSV: local_time_text,
        },
    }

    def stream_csv(self, queryset):
        # The CSV streams after the view has returned and the admin's language is gone:
        # write the headings in the moderator's language all the same.
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            with translation.override(language):
                yield from rows

        return in_language()

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: as_text_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


class StaffCsvMixin:
    """A report view's CSV for staff: written while their admin language is active (Wagtail
    streams it after the view has returned, when it no longer is), with a byte-order mark so
    Excel reads the Chinese as UTF-8, and cells a spreadsheet reads as text."""

    def write_csv_response(self, queryset):
        rows = ["\ufeff".encode(), *self.stream_csv(queryset)]
        response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return as_text_cell(value) if export_format == self.FORMAT_CSV else value
