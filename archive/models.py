"""What an import leaves behind: each run with its progress and report rows, the record tying every
imported article to its page (the key that makes a second run update instead of duplicate, and
the original text kept for audit), and the allow-list of domains an article may link to.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One run of the importer, from the admin or `manage.py import_archive`."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True, on_delete=models.SET_NULL
    )
    source_name = models.CharField(_("archive"), max_length=255)
    # The uploaded archive while it waits for the task (under ARCHIVE_UPLOAD_ROOT); emptied after.
    upload_path = models.CharField(max_length=500, blank=True)
    source_format = models.CharField(_("format"), max_length=20, default="auto")
    section = models.ForeignKey(
        "news.NewsIndexPage",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(_("articles found"), default=0)
    processed = models.PositiveIntegerField(_("articles processed"), default=0)
    counts = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("archive import")
        verbose_name_plural = _("archive imports")
        ordering = ["-created_at"]
        default_permissions = ()
        permissions = [("import_archive", _("Can import an old site's archive"))]

    def __str__(self):
        return f"{self.source_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_active(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self):
        if not self.total:
            return 100 if self.status == self.Status.FINISHED else 0
        return min(100, round(100 * self.processed / self.total))


class ImportRecord(models.Model):
    """One article of one run, as the report lists it: its outcome and what was done to it.

    `details` holds messages as codes and parameters ({"kind", "code", "params"}), so the report
    reads in the language of whoever opens it (archive.report.MESSAGES).
    """

    class Outcome(models.TextChoices):
        IMPORTED = "imported", _("Imported")
        UPDATED = "updated", _("Updated")
        UNCHANGED = "unchanged", _("Unchanged")
        QUARANTINED = "quarantined", _("Quarantined")
        FAILED = "failed", _("Failed")

    class PageStatus(models.TextChoices):
        PUBLISHED = "published", _("Published")
        IN_REVIEW = "in_review", _("In review")
        DRAFT = "draft", _("Draft")
        NOT_WRITTEN = "not_written", _("Not written")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="records")
    number = models.PositiveIntegerField(_("number"))
    source = models.CharField(_("source"), max_length=500)
    old_url = models.CharField(_("old address"), max_length=1000, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    page_status = models.CharField(
        _("page status"), max_length=20, choices=PageStatus.choices, default=PageStatus.NOT_WRITTEN
    )
    page = models.ForeignKey(
        "news.NewsArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    encoding = models.CharField(_("encoding"), max_length=40, blank=True)
    details = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("import report row")
        verbose_name_plural = _("import report rows")
        ordering = ["run", "number"]
        default_permissions = ()

    def __str__(self):
        return f"{self.number}. {self.title or self.source}"


class ImportedArticle(models.Model):
    """An article brought in from the archive, kept across runs.

    `key` is the article's old address (normalised) or, without one, a hash of its text: a second
    run finds the article by it and updates the page instead of making another. `original_text`
    is the article exactly as the export held it (decoded, before any repair), for audit.
    """

    key = models.CharField(max_length=255, unique=True)
    content_hash = models.CharField(max_length=64)
    page = models.ForeignKey(
        "news.NewsArticlePage",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The page revision the importer last wrote: a later revision means an editor changed the page.
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    old_url = models.CharField(_("old address"), max_length=1000, blank=True)
    title_key = models.CharField(max_length=255, blank=True, db_index=True)
    source = models.CharField(_("source"), max_length=500)
    encoding = models.CharField(_("encoding"), max_length=40, blank=True)
    original_text = models.TextField(_("original text"))
    quarantined = models.JSONField(default=list, blank=True)
    needs_review = models.BooleanField(default=False)
    first_run = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL, related_name="+")
    last_run = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported article")
        verbose_name_plural = _("imported articles")
        default_permissions = ()

    def __str__(self):
        return self.old_url or self.source


class AllowedDomain(models.Model):
    """A domain imported articles may link to; links elsewhere are quarantined as possible spam.

    A domain covers its subdomains (gov.cn covers www.jinan.gov.cn). The old site's own domain is
    always allowed.
    """

    domain = models.CharField(
        _("domain"),
        max_length=253,
        unique=True,
        help_text=_("For example gov.cn; it covers its subdomains."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("allowed link domain")
        verbose_name_plural = _("allowed link domains")
        ordering = ["domain"]

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)


def normalise_domain(domain):
    domain = domain.strip().lower()
    for prefix in ("https://", "http://", "www."):
        domain = domain.removeprefix(prefix)
    return domain.split("/", 1)[0].rstrip(".")
