"""The map's areas and the library's publications in the read-only API, as a reader of the API's
language sees them (areas and publications without English are left out in English)."""

from rest_framework import serializers


class ReadOnlyField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class AreasField(ReadOnlyField):
    """`APIField("areas", serializer=AreasField(source="*"))` on the map page."""

    def to_representation(self, page):
        return [
            {
                "id": area.pk,
                "name": area.name,
                "kind": area.kind,
                "status": area.status,
                "status_label": area.get_status_display(),
                "area_m2": float(area.area_m2) if area.area_m2 is not None else None,
                "permitted_use": area.permitted_use or "",
                "points": area.svg_points(),
                "contact_email": area.officer.email if area.officer else None,
                "catalogue_entries": [entry.pk for entry in area.catalogue_entries.all()],
            }
            for area in page.visible_areas()
        ]


class PublicationsField(ReadOnlyField):
    """`APIField("publications", serializer=PublicationsField(source="*"))` on the library page."""

    def to_representation(self, page):
        request = self.context.get("request")
        absolute = request.build_absolute_uri if request is not None else (lambda url: url)
        publications = list(page.visible_publications())
        latest = page.latest_ids(publications)
        return [
            {
                "id": publication.pk,
                "title": publication.title,
                "summary": publication.summary,
                "year": publication.year,
                "type": publication.kind,
                "file_language": publication.file_language,
                "latest_edition": publication.pk in latest,
                "download_url": absolute(page.download_url(publication, request)),
            }
            for publication in publications
        ]
