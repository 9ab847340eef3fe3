"""The admin's import, run by the task worker (`manage.py db_worker`), never in the request.

The view saves the uploaded ZIP under ARCHIVE_UPLOAD_ROOT and enqueues `import_uploaded_archive`;
the task keeps the run's progress on ImportRun (the report page refreshes itself while it runs)
and deletes the upload when done.
"""

import logging
from pathlib import Path

from django.tasks import task
from django.utils import timezone

from .importer import Options, run_import
from .models import ImportRun
from .sources import open_archive

logger = logging.getLogger(__name__)


@task()
def import_uploaded_archive(run_id):
    run = ImportRun.objects.select_related("section", "user").filter(pk=run_id).first()
    if run is None or run.status != ImportRun.Status.QUEUED:
        return
    run.status = ImportRun.Status.RUNNING
    run.save(update_fields=["status"])
    path = Path(run.upload_path)
    try:
        if run.section is None:
            raise ValueError("the section to import into no longer exists")
        archive = open_archive(path, display_name=run.source_name)
        try:
            counts = run_import(
                archive,
                Options(
                    section=run.section, source_format=run.source_format, dry_run=run.dry_run, user=run.user
                ),
                run=run,
            )
        finally:
            archive.close()
    except Exception as error:
        logger.exception("Archive import %s failed", run_id)
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportRun.Status.FAILED, error=repr(error)[:2000], finished_at=timezone.now()
        )
    else:
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportRun.Status.FINISHED, counts=counts, finished_at=timezone.now()
        )
    finally:
        path.unlink(missing_ok=True)
        ImportRun.objects.filter(pk=run_id).update(upload_path="")
