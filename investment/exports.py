"""The map's areas and the library's publications as CSV or XLSX in the reader's language, written
like the policy lists' downloads (policies.exports: spreadsheet-safe cells, a byte-order mark)."""

from django.utils.translation import gettext as _

from website.addresses import absolute


def area_rows(page, areas, request):
    page_url = absolute(page.get_url(request))
    table = [
        [
            _("Name"),
            _("Kind"),
            _("Status"),
            _("Area (m²)"),
            _("Permitted use"),
            _("Contact"),
            _("Email"),
            _("Catalogue entries"),
            _("Web page"),
        ]
    ]
    for area in areas:
        officer = area.officer
        table.append(
            [
                area.name,
                area.get_kind_display(),
                area.get_status_display(),
                float(area.area_m2) if area.area_m2 is not None else None,
                area.permitted_use or "",
                officer.name if officer else "",
                officer.email if officer else "",
                "; ".join(entry.title for entry in area.catalogue_entries.all()),
                f"{page_url}#{area.anchor()}",
            ]
        )
    return table


def publication_rows(page, publications, request):
    table = [
        [
            _("Title"),
            _("Type"),
            _("Year"),
            _("Language of the file"),
            _("Latest edition"),
            _("Summary"),
            _("Download"),
        ]
    ]
    for publication in publications:
        table.append(
            [
                publication.title,
                publication.get_kind_display(),
                publication.year,
                publication.get_file_language_display(),
                _("Yes") if publication.is_latest else "",
                publication.summary,
                absolute(page.download_url(publication, request)),
            ]
        )
    return table
