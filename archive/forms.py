"""The admin's upload form, and the upload handler that refuses an archive past the size limit
while it streams in, before any of it is read into memory."""

import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.core.files.uploadhandler import StopUpload, TemporaryFileUploadHandler
from django.utils.translation import gettext_lazy as _

from news.models import NewsIndexPage

MB = 1024 * 1024


def max_upload_size():
    return getattr(settings, "ARCHIVE_MAX_UPLOAD_SIZE", 1024 * MB)


def upload_root():
    """Where uploads wait for the task: private, never served (not under MEDIA_ROOT's public part)."""
    root = Path(
        getattr(settings, "ARCHIVE_UPLOAD_ROOT", Path(settings.PRIVATE_MEDIA_ROOT) / "archive-imports")
    )
    root.mkdir(parents=True, exist_ok=True)
    return root


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Streams the upload to a file under upload_root(); stops once it passes the limit."""

    too_large = False

    def new_file(self, *args, **kwargs):
        super(TemporaryFileUploadHandler, self).new_file(*args, **kwargs)
        self.file = TemporaryUploadedFile(
            self.file_name, self.content_type, 0, self.charset, self.content_type_extra
        )
        self.file.file.close()
        self.file.file = tempfile.NamedTemporaryFile(suffix=".upload", dir=upload_root())
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > max_upload_size():
            LimitedUploadHandler.too_large = True
            self.request.archive_upload_too_large = True
            raise StopUpload(connection_reset=False)
        return super().receive_data_chunk(raw_data, start)


class ImportForm(forms.Form):
    archive = forms.FileField(
        label=_("Archive (ZIP)"),
        help_text=_("A ZIP of saved pages, WordPress WXR files or CSV/JSON manifests, with their pictures."),
    )
    section = forms.ModelChoiceField(
        label=_("Import into"), queryset=NewsIndexPage.objects.all(), empty_label=None
    )
    dry_run = forms.BooleanField(
        label=_("Dry run"),
        required=False,
        help_text=_("Write nothing to the site; only make the report."),
    )

    def clean_archive(self):
        upload = self.cleaned_data["archive"]
        if not upload.name.lower().endswith(".zip"):
            raise forms.ValidationError(_("Upload a ZIP archive (.zip)."))
        return upload
