"""`manage.py import_archive PATH`: bring an old site's archive in (docs/importing.md)."""

import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from archive import report
from archive.importer import Options, run_import, section_for
from archive.models import ImportRecord, ImportRun
from archive.sources import FORMATS, open_archive


class Command(BaseCommand):
    help = (
        "Import an old site's archive: a folder or ZIP of saved pages, a WordPress WXR file, "
        "or a CSV/JSON manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="a folder, a .zip, a WXR .xml, a .csv or .json manifest, or one page"
        )
        parser.add_argument("--dry-run", action="store_true", help="write nothing; print the full report")
        parser.add_argument(
            "--format", default="auto", choices=["auto", *FORMATS], help="read only files of this format"
        )
        parser.add_argument(
            "--section", help="the news index to import into (id or slug); needed when there are several"
        )
        parser.add_argument("--user", help="the username the revisions are recorded under")
        parser.add_argument(
            "--report", help="where to write the CSV report (default: import-report-<run>.csv here)"
        )
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="the language of the report and messages",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            return self.run(options)

    def run(self, options):
        path = Path(options["path"])
        if not path.exists():
            raise CommandError(_("%(path)s does not exist.") % {"path": path})
        section = section_for(options["section"])
        if section is None:
            raise CommandError(
                _("Choose the news index to import into with --section (its id or slug).")
                if options["section"] is None
                else _("No news index matches %(section)s.") % {"section": options["section"]}
            )
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("No user is called %(user)s.") % {"user": options["user"]})
        dry_run = options["dry_run"]
        run = None
        if not dry_run:
            run = ImportRun.objects.create(
                source_name=path.name[:255],
                source_format=options["format"],
                section=section,
                user=user,
                status=ImportRun.Status.RUNNING,
            )
        records = []
        bar = tqdm(
            total=0, unit=_("article"), file=sys.stderr, disable=options["no_progress"], dynamic_ncols=True
        )

        def on_progress(processed, total):
            bar.total = total
            bar.n = processed
            bar.refresh()

        def on_record(record):
            if dry_run:
                records.append(record)

        archive = open_archive(path)
        try:
            counts = run_import(
                archive,
                Options(section=section, source_format=options["format"], dry_run=dry_run, user=user),
                run=run,
                on_record=on_record,
                on_progress=on_progress,
            )
        except BaseException as error:
            if run is not None:
                run.status = ImportRun.Status.FAILED
                run.error = repr(error)[:2000]
                run.save(update_fields=["status", "error"])
            raise
        finally:
            archive.close()
            bar.close()
        if run is not None:
            from django.utils import timezone

            run.status = ImportRun.Status.FINISHED
            run.finished_at = timezone.now()
            run.counts = counts
            run.save(update_fields=["status", "finished_at", "counts"])
            records = run.records.select_related("page").order_by("number")
        self.stdout.write(report.text_report(records))
        report_path = options["report"] or (f"import-report-{run.pk}.csv" if run is not None else None)
        if report_path:
            with open(report_path, "w", encoding="utf-8", newline="") as out:
                report.write_csv(records, out)
        self.stdout.write("")
        self.stdout.write(summary(counts, dry_run))
        if report_path:
            self.stdout.write(_("Report: %(path)s") % {"path": report_path})


def summary(counts, dry_run):
    labels = dict(ImportRecord.Outcome.choices)
    parts = [f"{labels[outcome]}: {count}" for outcome, count in counts.items()]
    prefix = _("Dry run, nothing was written.") + " " if dry_run else ""
    return prefix + ", ".join(parts)
