"""Writing an archive into the site: one news article per item, its pictures, people and keywords,
a permanent redirect from every old address, and a report row, all safe to run again.

Each article is written in its own transaction, so one that fails leaves the others standing.
An article is found again by its key (the old address, else a hash of its text): unchanged ones
are skipped, changed ones get a new revision, unless an editor changed the page since.

Clean articles are published with their original date, as Wagtail publishes, but without the
`page_published` signal: that signal sends email alerts, and an old story is not news. What its
other receivers do is done here instead: the search index is updated per page, and at the end
the section is announced as published once, which renews the page cache. Articles with
quarantined content or something for an editor to check are saved as drafts and submitted to
the site's review workflow (without a review email per article).
"""

import contextlib
import hashlib
import io
import logging
import posixpath
import re
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

import nh3
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone, translation
from PIL import Image as PILImage
from pypinyin import lazy_pinyin
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published

from media_library.models import CustomImage
from news.models import ArticleByline, Keyword, NewsArticlePage, NewsIndexPage, Person, RelatedArticle
from website.languages import SOURCE_LANGUAGE, page_url_in

from . import encoding, extract, spam
from .cleanup import analyse, body_html, to_simplified
from .models import ImportedArticle, ImportRecord, ImportRun
from .report import Problem
from .sources import estimate_count, items

logger = logging.getLogger(__name__)

RICH_TEXT_TAGS = {"p", "h2", "h3", "b", "i", "ul", "ol", "li", "a", "br"}
ROLES = {role for role, _label in ArticleByline.Role.choices}
PROGRESS_EVERY_SECONDS = 2


@dataclass
class Options:
    section: NewsIndexPage
    source_format: str = "auto"
    dry_run: bool = False
    user: object = None


def section_for(value=None):
    """The news index to import into: by id, slug or path; the only one when not given."""
    sections = NewsIndexPage.objects.all()
    if value in (None, ""):
        found = list(sections[:2])
        return found[0] if len(found) == 1 else None
    value = str(value).strip()
    if value.isdigit():
        return sections.filter(pk=int(value)).first()
    slug = value.strip("/").rsplit("/", 1)[-1]
    return (sections.filter(slug_zh_hans=slug) | sections.filter(slug_en=slug)).first()


# ---- keys ----


def url_key(url):
    """An old address as a key: host and scheme in lower case, no fragment, query sorted."""
    parts = urlsplit(url.strip())
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    path = parts.path.rstrip("/") or "/"
    key = f"url:{(parts.hostname or '').lower()}{path}" + (f"?{query}" if query else "")
    return key if len(key) <= 255 else "url:" + hashlib.sha256(key.encode()).hexdigest()


def text_key(text):
    return "sha256:" + hashlib.sha256(re.sub(r"\s+", "", text).encode()).hexdigest()


def content_hash(*parts):
    digest = hashlib.sha256()
    for part in parts:
        digest.update(str(part).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def old_path(url):
    """The path and query string of an old address, as Wagtail's redirects store them."""
    parts = urlsplit(url.strip())
    path = parts.path or "/"
    return Redirect.normalise_path(path + (f"?{parts.query}" if parts.query else ""))


QUICK_URL = re.compile(
    r"""<link[^>]+rel=["']canonical["'][^>]+href=["']([^"']+)|<meta[^>]+property=["']og:url["'][^>]+content=["']([^"']+)"""
    r"""|<!--\s*saved from url=\(\d+\)(\S+?)\s*-->""",
    re.IGNORECASE,
)


def quick_old_url(html_text):
    match = QUICK_URL.search(html_text[:20_000])
    return next((group for group in match.groups() if group), "") if match else ""


# ---- publishing without the signal that sends alerts ----


def without_sibling_scan(page):
    """`page`, whose save skips wagtail-modeltranslation's slug check, which loads every sibling
    (10,000 pages in a big news index, for each save: it made an import quadratic). The importer
    gives each page a slug no sibling has in either language (Importer.slugs) instead."""
    page.clean = lambda: None
    return page


def publish(revision, user):
    action = PublishWithoutAlerts(revision, user=user)
    without_sibling_scan(action.object)
    action.execute(skip_permission_checks=True)


class PublishWithoutAlerts(PublishRevisionAction):
    """Wagtail's publish, less the `page_published` signal (see the module's docstring)."""

    def _after_publish(self):
        from django.conf import settings

        if getattr(settings, "WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH", True) and (
            workflow_state := self.object.current_workflow_state
        ):
            workflow_state.cancel(user=self.user)


@contextlib.contextmanager
def review_emails_muted():
    """Wagtail emails a level's reviewers for each page submitted: not for a thousand imported
    ones, which wait under "Awaiting your review" instead. Runs where the importer runs (the
    command or the task worker), never in a process serving editors."""
    from wagtail.admin import signal_handlers
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import task_submitted, workflow_submitted

    task_submitted.disconnect(
        sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    workflow_submitted.disconnect(
        sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
    try:
        yield
    finally:
        signal_handlers.register_signal_handlers()


# ---- the run ----


class Importer:
    def __init__(self, options, run=None, on_record=None, on_progress=None):
        self.options = options
        self.run = run
        self.on_record = on_record or (lambda record: None)
        self.on_progress = on_progress or (lambda processed, total: None)
        self.counts = {outcome: 0 for outcome in ImportRecord.Outcome.values}
        self.policy = spam.LinkPolicy()
        self.keywords = {}  # Simplified name -> Keyword
        self.people = {}  # Simplified name -> Person
        self.slugs = set()
        self.keyword_slugs = set()
        self.imported_titles = {}  # title -> page id, for related articles
        self.related = []  # (page id, record, [(title, url)])
        self.to_review = []  # page ids
        self.published_any = False
        self.number = 0

    @property
    def writes(self):
        return not self.options.dry_run

    def load(self):
        for keyword in Keyword.objects.all():
            self.keywords[to_simplified(keyword.name_zh_hans or keyword.name)] = keyword
            self.keyword_slugs.add(keyword.slug)
        section = self.options.section
        siblings = NewsArticlePage.objects.child_of(section).values_list("slug_zh_hans", "slug_en")
        self.slugs = {slug for pair in siblings for slug in pair if slug}

    def run_archive(self, archive):
        # Page fields are written in the source language's columns, whatever the operator reads.
        with translation.override(SOURCE_LANGUAGE):
            return self._run_archive(archive)

    def _run_archive(self, archive):
        self.load()
        total = estimate_count(archive, self.options.source_format)
        self.progress(0, total, force=True)
        for item in items(archive, self.options.source_format):
            self.number += 1
            record = self.process(item, archive)
            self.counts[record.outcome] += 1
            if self.run is not None:
                record.run = self.run
                record.save()
            self.on_record(record)
            self.progress(self.number, max(total, self.number))
        if self.writes:
            self.link_related()
            self.submit_for_review()
            if self.published_any:
                self.announce_section()
        self.progress(self.number, self.number, force=True)
        return self.counts

    _last_progress = 0.0

    def progress(self, processed, total, force=False):
        self.on_progress(processed, total)
        now = time.monotonic()
        if self.run is not None and (force or now - self._last_progress > PROGRESS_EVERY_SECONDS):
            self._last_progress = now
            ImportRun.objects.filter(pk=self.run.pk).update(
                processed=processed, total=total, counts=self.counts
            )

    # ---- one item ----

    def process(self, item, archive):
        record = ImportRecord(number=self.number, source=item.name[:500], outcome=ImportRecord.Outcome.FAILED)
        record.details = []
        if item.kind == "problem":
            record.details.append(item.problem.detail())
            return record
        try:
            return self.process_article(item, archive, record)
        except Problem as problem:
            problem.params.setdefault("name", item.name)
            problem.params.setdefault("encoding", record.encoding)
            record.details.append(problem.detail())
        except Exception as error:  # one bad article must not stop the archive
            logger.exception("Import of %s failed", item.name)
            record.details.append(
                {"kind": "error", "code": "unexpected_error", "params": {"error": repr(error)[:300]}}
            )
        record.outcome = ImportRecord.Outcome.FAILED
        return record

    def process_article(self, item, archive, record):
        details = record.details
        fields = dict(item.fields)
        if item.kind == "fields":
            original, record.encoding = item.original, item.encoding
            old_url = fields.get("old_url", "")
        else:
            decoded = encoding.decode(item.data)
            original, record.encoding = decoded.text, decoded.encoding
            if decoded.note:
                details.append(
                    {"kind": "encoding", "code": decoded.note, "params": {"encoding": decoded.encoding}}
                )
            old_url = quick_old_url(original) if item.kind == "html" else ""
            if item.kind == "html" and not old_url:
                old_url = "/" + item.name
                details.append({"kind": "note", "code": "note_old_url_from_path", "params": {}})
        record.old_url = old_url[:1000]
        key = url_key(old_url) if old_url else text_key(original)
        digest = content_hash(original, sorted((k, str(v)) for k, v in fields.items()))
        existing = ImportedArticle.objects.filter(key=key).select_related("page").first()
        if existing is not None and existing.content_hash == digest:
            return self.unchanged(existing, record)

        article = self.analyse(item, archive, original, fields, old_url)
        record.title = article.title[:255]
        details.extend({"kind": "repair", **m} for m in article.repairs)
        details.extend({"kind": "removed", **m} for m in article.removed)
        details.extend({"kind": "quarantine", **m} for m in article.quarantined)
        details.extend({"kind": "check", **m} for m in article.checks)
        details.extend({"kind": "note", **m} for m in article.notes)
        if article.quarantined:
            details.append({"kind": "check", "code": "check_quarantine", "params": {}})
        old_urls = [(url, "zh-hans") for url in dict.fromkeys([old_url, *fields.get("old_urls", [])]) if url]
        if fields.get("old_url_en"):
            old_urls.append((fields["old_url_en"], "en"))

        if not self.writes:
            record.outcome = self.outcome_for(article, existing)
            self.note_images(article, archive, item, details)
            return record
        with transaction.atomic():
            if existing is not None and existing.page is None:
                details.append({"kind": "check", "code": "check_page_deleted", "params": {}})
                record.outcome = ImportRecord.Outcome.UNCHANGED
                return record
            if (
                existing is not None
                and existing.revision_id
                and existing.page.latest_revision_id != existing.revision_id
            ):
                details.append({"kind": "check", "code": "check_edited_since", "params": {}})
                record.outcome = ImportRecord.Outcome.UNCHANGED
                record.page = existing.page
                record.page_status = page_status(existing.page)
                return record
            images = self.write_images(article, archive, item, details)
            targets, later = self.related_targets(article.related)
            page, revision = self.write_page(article, images, existing, targets)
            self.write_redirects(page, old_urls, details)
            ImportedArticle.objects.update_or_create(
                key=key,
                defaults={
                    "content_hash": digest,
                    "page": page,
                    "revision_id": revision.pk,
                    "old_url": old_url[:1000],
                    "title_key": title_key(article.title),
                    "source": item.name[:500],
                    "encoding": record.encoding,
                    "original_text": original,
                    "quarantined": article.quarantined,
                    "needs_review": article.needs_review,
                    "last_run": self.run,
                    **({"first_run": self.run} if existing is None else {}),
                },
            )
        record.page = page
        record.outcome = self.outcome_for(article, existing)
        record.page_status = ImportRecord.PageStatus.IN_REVIEW if article.needs_review else page_status(page)
        self.imported_titles[title_key(article.title)] = page.pk
        self.note_related(record, targets)
        if later:
            self.related.append((page.pk, record, later))
        return record

    def related_targets(self, references):
        """Pages already imported that `references` ((title, old address)) name, and the
        references still to resolve once the whole archive is written."""
        targets, later = [], []
        for title, url in references:
            target = self.imported_titles.get(title_key(title))
            if target is None and url:
                target = (
                    ImportedArticle.objects.filter(key=url_key(url)).values_list("page_id", flat=True).first()
                )
            if target is None:
                later.append((title, url))
            elif target not in targets:
                targets.append(target)
        return targets, later

    def note_related(self, record, targets):
        for title in NewsArticlePage.objects.filter(pk__in=targets).values_list("title", flat=True):
            record.details.append({"kind": "note", "code": "note_related_linked", "params": {"title": title}})

    def outcome_for(self, article, existing):
        if article.quarantined:
            return ImportRecord.Outcome.QUARANTINED
        return ImportRecord.Outcome.IMPORTED if existing is None else ImportRecord.Outcome.UPDATED

    def unchanged(self, existing, record):
        record.outcome = ImportRecord.Outcome.UNCHANGED
        record.encoding = existing.encoding
        record.page = existing.page
        if existing.page is not None:
            record.title = existing.page.title[:255]
            record.page_status = page_status(existing.page)
            if self.writes and existing.needs_review and not existing.page.live:
                self.to_review.append(existing.page.pk)  # a run stopped before submitting it
        return record

    def analyse(self, item, archive, original, fields, old_url):
        base_url = old_url if "://" in old_url else ""
        policy = spam.LinkPolicy(self.policy.domains, self.policy.own_hosts).with_own_host(base_url)
        if item.kind == "html":
            page = extract.from_html(original, policy, base_url=base_url)
            facts = {
                "title": page.meta.get("title", ""),
                "date": page.meta.get("date", ""),
                "keywords": page.meta.get("keywords", ""),
            }
            if page.meta.get("author"):
                facts["bylines"] = {"author": page.meta["author"]}
        elif item.kind == "text":
            page = extract.Page(blocks=extract.text_blocks(original))
            facts = {}
        else:
            body = fields.get("body_html") or ""
            if body:
                page = extract.from_html(body, policy, base_url=base_url, whole_page=False)
            else:
                page = extract.Page(blocks=extract.text_blocks(fields.get("body_text", "")))
            facts = {key: value for key, value in fields.items() if key not in ("body_html", "body_text")}
            if isinstance(facts.get("keywords"), list):
                facts["keywords"] = "、".join(map(str, facts["keywords"]))
        article = analyse(page.blocks, facts, list(self.keywords), policy)
        article.quarantined[:0] = page.quarantined
        article.removed[:0] = page.removed
        article.related.extend(page.related)
        for src in fields.get("images") or []:
            reference = {"src": src, "alt": "", "caption": ""} if isinstance(src, str) else dict(src)
            if article.lead_image is None:
                article.lead_image = reference
            else:
                article.blocks.append(extract.Block(kind="image", image=reference))
        if item.kind == "html":
            for block in article.blocks:
                for segment in block.segments:
                    segment.href = local_link(segment.href, policy)
        return article

    # ---- writing ----

    def note_images(self, article, archive, item, details):
        for reference in images_of(article):
            if archive.find(reference.get("src", ""), item.base) is None:
                details.append(
                    {"kind": "image", "code": "image_missing", "params": {"src": reference.get("src", "")}}
                )

    def write_images(self, article, archive, item, details):
        """CustomImage per picture the archive holds, by its reference; missing ones listed."""
        found = {}
        for reference in images_of(article):
            src = reference.get("src", "")
            if src in found:
                continue
            name = archive.find(src, item.base)
            if name is None:
                details.append({"kind": "image", "code": "image_missing", "params": {"src": src}})
                continue
            try:
                image = self.image_from(name, archive.read(name), reference)
            except Problem as problem:
                details.append(
                    {
                        "kind": "image",
                        "code": "image_unreadable",
                        "params": {"src": src, "reason": problem.code},
                    }
                )
                continue
            except (OSError, ValueError, PILImage.DecompressionBombError) as error:
                details.append(
                    {
                        "kind": "image",
                        "code": "image_unreadable",
                        "params": {"src": src, "reason": str(error)[:100]},
                    }
                )
                continue
            found[src] = image
            details.append({"kind": "image", "code": "image_imported", "params": {"src": src}})
        return found

    def image_from(self, name, data, reference):
        extension = posixpath.splitext(name)[1].lower().lstrip(".")
        if extension not in getattr(
            settings, "WAGTAILIMAGES_EXTENSIONS", ["gif", "jpg", "jpeg", "png", "webp"]
        ):
            raise Problem("file_unsupported", name=name)
        if len(data) > getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024):
            raise Problem("file_too_large", name=name, size=len(data) // (1024 * 1024), limit=10)
        digest = hashlib.sha1(data).hexdigest()
        existing = CustomImage.objects.filter(file_hash=digest).first()
        if existing is not None:
            return existing
        with PILImage.open(io.BytesIO(data)) as picture:
            width, height = picture.size
            if width * height > getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000):
                raise Problem("file_too_large", name=name, size=0, limit=0)
            picture.verify()
        alt = to_simplified(reference.get("alt", "")).strip()
        caption = to_simplified(reference.get("caption", "")).strip()
        title = (alt or caption or posixpath.basename(name))[:255]
        image = CustomImage(
            title=title,
            title_zh_hans=title,
            description_zh_hans=alt[:255],
            caption_zh_hans=caption[:500],
            credit_zh_hans=to_simplified(reference.get("credit", ""))[:255],
            file=ImageFile(io.BytesIO(data), name=posixpath.basename(name)),
            file_size=len(data),
            file_hash=digest,
        )
        image.save()
        return image

    def person(self, name):
        name = to_simplified(name.strip())[:100]
        if name not in self.people:
            person = Person.objects.filter(name_zh_hans=name).first()
            if person is None:
                person = Person.objects.create(name=name, name_zh_hans=name)
            self.people[name] = person
        return self.people[name]

    def keyword(self, name):
        name = to_simplified(name.strip())[:100]
        if name not in self.keywords:
            slug = unique_slug(pinyin_slug(name, "keyword"), self.keyword_slugs)
            self.keywords[name] = Keyword.objects.create(name=name, name_zh_hans=name, slug=slug)
        return self.keywords[name]

    def write_page(self, article, images, existing, related=()):
        now = timezone.now()
        date = article.date or now
        if existing is None:
            slug = unique_slug(pinyin_slug(article.title, "article"), self.slugs)
            page = NewsArticlePage(title=article.title[:255], slug=slug, live=False)
            page.slug_zh_hans = slug
        else:
            page = existing.page.specific.get_latest_revision_as_object()
        page.title = page.title_zh_hans = article.title[:255]
        page.subtitle_zh_hans = article.subtitle[:255]
        page.summary_zh_hans = article.summary
        page.summary_en = article.summary_en
        page.kind = article.kind if article.kind in NewsArticlePage.Kind.values else NewsArticlePage.Kind.NEWS
        page.date = date
        # An old story is not news: no alert when it is published, now or after review.
        page.alerts_on_publish = False
        page.source_publication_zh_hans = article.publication[:200]
        page.source_issue_zh_hans = article.issue[:100]
        page.lead_image = images.get((article.lead_image or {}).get("src", ""))
        page.body_zh_hans = stream_data(article.blocks, images)
        page.bylines = [
            ArticleByline(person=self.person(name), role=role if role in ROLES else ArticleByline.Role.AUTHOR)
            for name, role in article.bylines
        ]
        page.keywords = [self.keyword(name) for name in article.keywords if name.strip()]
        page.related_links = [RelatedArticle(article_id=target) for target in related if target != page.pk]
        if not article.needs_review and article.date and (existing is None or not page.first_published_at):
            page.first_published_at = article.date
        without_sibling_scan(page)
        if existing is None:
            self.options.section.add_child(instance=page)
        revision = page.save_revision(user=self.options.user, log_action=True, clean=False)
        if not article.needs_review:
            publish(revision, self.options.user)
            page.refresh_from_db()
            self.published_any = True
            if tasks_run_at_once():
                # Wagtail's index task ran inside the save, before the bylines and keywords were
                # written; a worker runs it after the commit, when they are there.
                insert_or_update_object(page)
        else:
            self.to_review.append(page.pk)
        return page, revision

    def write_redirects(self, page, old_urls, details):
        for url, language in old_urls:
            path = old_path(url)
            if path in ("", "/"):
                continue
            if language == "en":
                target = {"redirect_page": None, "redirect_link": page_url_in(page, "en")}
            else:
                target = {"redirect_page": page, "redirect_link": ""}
            Redirect.objects.update_or_create(
                old_path=path,
                site=None,
                defaults={"is_permanent": True, "automatically_created": False, **target},
            )
            with translation.override(language):
                details.append(
                    {
                        "kind": "note",
                        "code": "note_redirect",
                        "params": {"old_path": path, "target": page.url},
                    }
                )

    # ---- after every article ----

    def link_related(self):
        """Related-article links to articles written after the one naming them."""
        for page_id, record, references in self.related:
            targets = []
            for title, url in references:
                target = self.imported_titles.get(title_key(title))
                if target is None and url:
                    target = (
                        ImportedArticle.objects.filter(key=url_key(url))
                        .values_list("page_id", flat=True)
                        .first()
                    )
                if target and target != page_id and target not in targets:
                    targets.append(target)
            if not targets:
                continue
            with transaction.atomic():
                page = NewsArticlePage.objects.get(pk=page_id)
                was_published = page.live and page.live_revision_id == page.latest_revision_id
                draft = page.get_latest_revision_as_object()
                already = [link.article_id for link in draft.related_links.all()]
                draft.related_links = [
                    RelatedArticle(article_id=t) for t in already + [t for t in targets if t not in already]
                ]
                revision = draft.save_revision(user=self.options.user, clean=False)
                if was_published:
                    publish(revision, self.options.user)
                ImportedArticle.objects.filter(page_id=page_id).update(revision_id=revision.pk)
            self.note_related(record, targets)
            if record.pk:
                ImportRecord.objects.filter(pk=record.pk).update(details=record.details)

    def submit_for_review(self):
        if not self.to_review:
            return
        with review_emails_muted():
            for page in NewsArticlePage.objects.filter(pk__in=set(self.to_review), live=False):
                if page.current_workflow_state is not None:
                    continue
                workflow = page.get_workflow()
                if workflow is not None:
                    workflow.start(page, self.options.user)

    def announce_section(self):
        """Tell the site that the section's lists changed (page cache, search), once a run."""
        section = self.options.section.specific
        transaction.on_commit(
            lambda: page_published.send(
                sender=type(section), instance=section, revision=section.live_revision
            )
        )


def tasks_run_at_once():
    from django.tasks import task_backends
    from django.tasks.backends.immediate import ImmediateBackend

    return isinstance(task_backends["default"], ImmediateBackend)


def page_status(page):
    if page.live:
        return ImportRecord.PageStatus.PUBLISHED
    if page.current_workflow_state is not None:
        return ImportRecord.PageStatus.IN_REVIEW
    return ImportRecord.PageStatus.DRAFT


def images_of(article):
    references = [article.lead_image] if article.lead_image else []
    return references + [block.image for block in article.blocks if block.kind == "image"]


def local_link(href, policy):
    """A link to the old site becomes a path on this one, where its redirect answers."""
    if not href or "://" not in href:
        return href
    parts = urlsplit(href)
    if policy.own_hosts and (parts.hostname or "").lower().removeprefix("www.") in policy.own_hosts:
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return href


def title_key(title):
    return re.sub(r"[\s\W_]+", "", to_simplified(title or ""))[:255]


def pinyin_slug(text, fallback):
    words = lazy_pinyin(to_simplified(text), errors=lambda chars: re.findall(r"[A-Za-z0-9]+", chars))
    slug = "-".join(re.sub(r"[^a-z0-9]+", "", word.lower()) for word in words)
    slug = re.sub(r"-{2,}", "-", slug).strip("-")[:60].rstrip("-")
    return slug or fallback


def unique_slug(slug, taken):
    candidate, number = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def sanitised(html):
    return nh3.clean(
        html,
        tags=RICH_TEXT_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )


def stream_data(blocks, images):
    """The body's StreamField data: runs of text as one rich-text block, pictures as figures."""
    stream, run, list_items = [], [], []

    def close_list():
        if list_items:
            run.append("<ul>" + "".join(f"<li>{item}</li>" for item in list_items) + "</ul>")
            list_items.clear()

    def close_run():
        close_list()
        if run:
            stream.append({"type": "paragraph", "value": sanitised("".join(run))})
            run.clear()

    for block in blocks:
        if block.kind == "image":
            image = images.get(block.image.get("src", ""))
            if image is not None:
                close_run()
                stream.append(
                    {
                        "type": "image",
                        "value": {"image": image.pk, "caption": block.image.get("caption", "")[:255]},
                    }
                )
            continue
        html = body_html(block)
        if not html:
            continue
        if block.kind == "li":
            list_items.append(html)
            continue
        close_list()
        tag = block.kind if block.kind in ("h2", "h3") else "p"
        run.append(f"<{tag}>{html}</{tag}>")
    close_run()
    return stream


def run_import(archive, options, run=None, on_record=None, on_progress=None):
    """Import `archive` (sources.open_archive) with `options`; the outcome counts."""
    return Importer(options, run=run, on_record=on_record, on_progress=on_progress).run_archive(archive)
