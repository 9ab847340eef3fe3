"""The staff report of publication downloads (Reports menu), counted by the library's download route."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from website.exports import StaffCsvMixin

from .models import Publication


class PublicationDownloadsReport(StaffCsvMixin, ReportView):
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
