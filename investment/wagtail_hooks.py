"""Admin: the publication downloads report, for every staff member who can use the admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import PublicationDownloadsReport


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/publication-downloads/",
            PublicationDownloadsReport.as_view(),
            name="investment_downloads",
        ),
        path(
            "reports/publication-downloads/results/",
            PublicationDownloadsReport.as_view(results_only=True),
            name="investment_downloads_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Publication downloads"),
        reverse("investment_downloads"),
        name="publication-downloads",
        icon_name="download",
        order=1400,
    )
