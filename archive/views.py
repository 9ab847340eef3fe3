"""The admin's *Import archive* pages, for Site administrators (the `archive.import_archive` right):
upload a ZIP, follow the background import, read its report (both admin languages) or download it
as CSV, and read an imported page's original text."""

import io
import os
import shutil
from pathlib import Path

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from website.addresses import absolute

from . import report
from .forms import ImportForm, LimitedUploadHandler, max_upload_size, upload_root
from .models import ImportedArticle, ImportRecord, ImportRun
from .tasks import import_uploaded_archive

PERMISSION = "archive.import_archive"
RECORDS_PER_PAGE = 50
# A form's other fields and the multipart framing come on top of the file itself.
FORM_OVERHEAD = 64 * 1024


class ArchiveBreadcrumbs(WagtailAdminTemplateMixin):
    header_icon = "download"
    page_title = _("Import archive")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": reverse("archive_import"), "label": _("Import archive")}]


@method_decorator(csrf_exempt, name="dispatch")  # checked in post(), after the upload handler is set
class ImportView(ArchiveBreadcrumbs, TemplateView):
    template_name = "archive/import.html"

    def get_context_data(self, form=None, upload_error="", **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = form or ImportForm()
        context["upload_error"] = upload_error
        context["runs"] = ImportRun.objects.select_related("user")[:20]
        context["max_upload_mb"] = max_upload_size() // (1024 * 1024)
        return context

    def get(self, request, *args, **kwargs):
        return csrf_protect(super().get)(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > max_upload_size() + FORM_OVERHEAD:
            # Refused before a byte of it is read: a 2 GB upload never reaches the disk.
            return self.too_large(request, declared)
        request.upload_handlers = [LimitedUploadHandler(request)]
        return csrf_protect(self.receive)(request)

    def too_large(self, request, size):
        message = gettext(
            "The archive is %(size)s MB; the largest that can be uploaded is %(limit)s MB. Import it "
            "with “manage.py import_archive” on the server instead, or split it."
        ) % {"size": size // (1024 * 1024), "limit": max_upload_size() // (1024 * 1024)}
        return self.render_to_response(self.get_context_data(upload_error=message), status=413)

    def receive(self, request):
        form = ImportForm(request.POST, request.FILES)
        if getattr(request, "archive_upload_too_large", False):
            return self.too_large(request, max_upload_size() + 1)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["archive"]
        run = ImportRun.objects.create(
            source_name=Path(upload.name).name[:255],
            section=form.cleaned_data["section"],
            dry_run=form.cleaned_data["dry_run"],
            user=request.user,
        )
        destination = upload_root() / f"run-{run.pk}.zip"
        keep(upload, destination)
        run.upload_path = str(destination)
        run.save(update_fields=["upload_path"])
        import_uploaded_archive.enqueue(run.pk)
        return redirect("archive_run", run.pk)


def keep(upload, destination):
    """The uploaded file at `destination` (a hard link to the temporary file where possible)."""
    source = getattr(upload, "temporary_file_path", None)
    if source is not None:
        try:
            os.link(source(), destination)
            return
        except OSError:
            pass
    with open(destination, "wb") as out:
        upload.seek(0)
        shutil.copyfileobj(upload, out)


class RunView(ArchiveBreadcrumbs, TemplateView):
    """The run's progress while it runs (the page refreshes itself), then its report."""

    template_name = "archive/run.html"

    def get_page_title(self):
        return gettext("Import of %(name)s") % {"name": self.run.source_name}

    def dispatch(self, request, *args, **kwargs):
        self.run = get_object_or_404(ImportRun, pk=kwargs["run_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = self.run.records.select_related("page")
        outcome = self.request.GET.get("outcome", "")
        if outcome in ImportRecord.Outcome.values:
            records = records.filter(outcome=outcome)
        page = Paginator(records.order_by("number"), RECORDS_PER_PAGE).get_page(self.request.GET.get("p"))
        rows = [
            {
                "record": record,
                "groups": [
                    (report.KIND_LABELS[kind], texts)
                    for kind in (
                        "error",
                        "quarantine",
                        "check",
                        "repair",
                        "removed",
                        "image",
                        "note",
                        "encoding",
                    )
                    if (texts := report.details_of(record, kind))
                ],
            }
            for record in page
        ]
        labels = dict(ImportRecord.Outcome.choices)
        context.update(
            run=self.run,
            rows=rows,
            page_obj=page,
            outcome=outcome,
            outcomes=[
                (value, labels[value], self.run.counts.get(value, 0)) for value in ImportRecord.Outcome.values
            ],
            refresh=self.run.is_active,
        )
        return context


def page_address(page):
    """The imported page's public address on the site's configured address (website.addresses)."""
    parts = page.get_url_parts() if page is not None else None
    return absolute(parts[2]) if parts else ""


class RunCsvView(View):
    def get(self, request, run_id):
        run = get_object_or_404(ImportRun, pk=run_id)
        out = io.StringIO()
        records = run.records.select_related("page").order_by("number")
        report.write_csv(records, out, page_url=lambda record: page_address(record.page))
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="import-report-{run.pk}.csv"'
        return response


class OriginalTextView(ArchiveBreadcrumbs, TemplateView):
    """What the archive held for an imported page, exactly, for audit."""

    template_name = "archive/original.html"

    def get_page_title(self):
        return gettext("Original text")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        imported = ImportedArticle.objects.filter(page_id=kwargs["page_id"]).select_related("page").first()
        if imported is None:
            raise Http404
        context["imported"] = imported
        return context
