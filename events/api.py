"""An event's sectors, speakers and documents in the read-only API, in the API's language."""

from rest_framework import serializers


class ReadOnlyField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class SectorsField(ReadOnlyField):
    def to_representation(self, page):
        return [{"slug": category.slug, "name": category.name} for category in page.sector_list()]


class SpeakersField(ReadOnlyField):
    def to_representation(self, page):
        return [
            {"name": speaker.person.name, "organisation": speaker.person.organisation, "role": speaker.role}
            for speaker in page.speaker_list()
        ]


class DocumentsField(ReadOnlyField):
    def to_representation(self, page):
        request = self.context.get("request")
        absolute = request.build_absolute_uri if request is not None else (lambda url: url)
        return [{"title": item.label(), "url": absolute(item.document.url)} for item in page.document_list()]
