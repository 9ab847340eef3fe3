"""The staff report of publication downloads (Reports menu), counted by the library's download route."""

from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from policies.exports import looks_like_formula

from .models import Publication


class PublicationDownloadsReport(ReportView):
    page_title = _("Publication downloads")
    header_icon = "download"
    index_url_name = "investment_downloads"
    index_results_url_name = "investment_downloads_results"
    default_ordering = "-downloads"
    columns = [
        Column("title", label=_("Title"), sort_key="title"),
        Column("year", label=_("Year"), sort_key="year"),
        Column("get_kind_display", label=_("Type")),
        Column("get_file_language_display", label=_("Language of the file")),
        NumberColumn("downloads", label=_("Downloads"), sort_key="downloads"),
    ]
    export_headings = {
        "title": _("Title"),
        "year": _("Year"),
        "get_kind_display": _("Type"),
        "get_file_language_display": _("Language of the file"),
        "downloads": _("Downloads"),
    }
    list_export = ["title", "year", "get_kind_display", "get_file_language_display", "downloads"]

    def get_base_queryset(self):
        return Publication.objects.all()

    def get_filename(self):
        return "publication-downloads"

    def write_csv_response(self, queryset):
        # Wagtail streams the file after the view has returned, when the staff member's admin
        # language is no longer active: write it now so headings and types are in their language.
        # The byte-order mark makes Excel read the file as UTF-8 (Chinese titles).
        rows = ["\ufeff".encode(), *self.stream_csv(queryset)]
        response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and looks_like_formula(value):
            return f"'{value}"  # a title starting with = stays text in a spreadsheet
        return value
