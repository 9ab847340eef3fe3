"""What journalists use: media contacts and the downloads of press releases, the newsroom page
with its press kit, embargo preview links and email-alert subscriptions.

Imports the news app (press releases are its articles); the news app never imports this one.
"""

import datetime
import io
import secrets
import zipfile

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable, Site
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from news.models import NewsArticlePage
from website.addresses import absolute
from website.languages import (
    SECOND_LANGUAGE,
    SOURCE_LANGUAGE,
    TRADITIONAL_LANGUAGE,
    field_in,
    has_text,
    is_english_request,
)
from website.models import SiteSettings
from website.pages import BasePage
from website.traditional import for_reader

LATEST_RELEASES = 5
RELEASES_PER_PAGE = 20
# Kept from the module these links were first signed in (news.alerts), so links already
# mailed still confirm.
CONFIRM_SALT = "news.alerts.confirm"
CONFIRM_MAX_AGE = 7 * 24 * 3600
CONFIRMATION_INTERVAL = datetime.timedelta(days=1)
MAX_ATTEMPTS = 10  # newsroom.tasks retries a delivery until then, waiting longer each time
USER_AGENT_LENGTH = 400


# ---- Press releases: whom to call, what to download ----


@register_snippet
class MediaContact(index.Indexed, models.Model):
    """Who journalists call about a release: a name and role in both languages, a phone and an email."""

    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=200, blank=True, help_text=_("For example Press officer"))
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("phone"), FieldPanel("email")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticleMediaContact(Orderable):
    page = ParentalKey("news.NewsArticlePage", on_delete=models.CASCADE, related_name="media_contacts")
    contact = models.ForeignKey(
        MediaContact, on_delete=models.CASCADE, related_name="+", verbose_name=_("media contact")
    )

    panels = [FieldPanel("contact")]


class ArticleAttachment(Orderable):
    """A document offered for download with a press release (full text, fact sheet, figures)."""

    page = ParentalKey("news.NewsArticlePage", on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(
        _("link text"), max_length=255, blank=True, help_text=_("Leave empty to use the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    def link_text(self):
        return self.title or self.document.title


# ---- The newsroom page and its press kit ----


class NewsroomMediaContact(Orderable):
    page = ParentalKey("newsroom.NewsroomPage", on_delete=models.CASCADE, related_name="media_contacts")
    contact = models.ForeignKey(
        MediaContact, on_delete=models.CASCADE, related_name="+", verbose_name=_("media contact")
    )

    panels = [FieldPanel("contact")]


class PressKitImage(Orderable):
    """A photo in the press kit, offered at full resolution with its caption and credit."""

    page = ParentalKey("newsroom.NewsroomPage", on_delete=models.CASCADE, related_name="press_kit_images")
    image = models.ForeignKey(
        "media_library.CustomImage", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )

    panels = [FieldPanel("image")]


def download_name(image):
    """The file name a press-kit image downloads as: its stored name without Wagtail's folder."""
    return image.file.name.rsplit("/", 1)[-1]


class NewsroomPage(BasePage):
    """For journalists: the latest press releases, media contacts and the press kit."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("media_contacts", label=_("Media contacts")),
        InlinePanel("press_kit_images", label=_("Press kit photos")),
    ]

    template = "newsroom/newsroom_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("newsroom")

    def latest_releases(self):
        return NewsArticlePage.objects.for_listing().filter(kind=NewsArticlePage.Kind.PRESS_RELEASE)[
            :LATEST_RELEASES
        ]

    def all_releases(self):
        return NewsArticlePage.objects.for_listing().filter(kind=NewsArticlePage.Kind.PRESS_RELEASE)

    def release_years(self):
        return [d.year for d in self.all_releases().order_by().datetimes("date", "year", order="DESC")]

    def sitemap_routes(self):
        return [(self.reverse_subpage("releases"), self.has_english, None)]

    @path("releases/", name="releases")
    def releases(self, request):
        """Every press release in the reader's language, newest first, 20 a page, by year."""
        releases = self.all_releases()
        years = self.release_years()
        year_text = request.GET.get("year", "").strip()
        error = None
        if year_text:
            if year_text.isdigit() and int(year_text) in years:
                releases = releases.filter(date__year=int(year_text))
            else:
                error = gettext(
                    "There are no press releases for the year “%(year)s”; choose one from the list."
                ) % {"year": year_text[:20]}
                releases = releases.none()
        response = self.render(
            request,
            template="newsroom/release_list.html",
            context_overrides={
                "releases": Paginator(releases, RELEASES_PER_PAGE).get_page(request.GET.get("page")),
                "years": years,
                "selected_year": year_text,
                "year_error": error,
                "route_path": {code: "releases/" for code, _name in settings.LANGUAGES},
            },
        )
        if error:
            response.status_code = 400
        return response

    def contacts(self):
        return [row.contact for row in self.media_contacts.select_related("contact")]

    def site_settings(self, request):
        site = Site.find_for_request(request)
        return SiteSettings.for_site(site) if site else None

    def press_kit_files(self, request):
        """The press kit's images (the logo first), each with the name it downloads as."""
        files = []
        settings = self.site_settings(request)
        if settings and settings.logo:
            files.append(settings.logo)
        files += [row.image for row in self.press_kit_images.select_related("image")]
        return [{"image": image, "name": download_name(image)} for image in files]

    def boilerplate_text(self, request):
        settings = self.site_settings(request)
        if settings is None:
            return ""
        value = field_in(settings, "press_boilerplate", translation.get_language())
        return strip_tags(value).strip() if has_text(value) else ""

    def captions_text(self, files):
        """One paragraph per file: its name, caption and credit in the reader's language."""
        language = translation.get_language()
        paragraphs = []
        for item in files:
            image = item["image"]
            lines = [item["name"]]
            for name in ("caption", "credit"):
                value = field_in(image, name, language)
                if has_text(value):
                    label = gettext("Caption") if name == "caption" else gettext("Credit")
                    lines.append(f"{label}: {value}")
            paragraphs.append("\n".join(lines))
        return "\n\n".join(paragraphs) + "\n"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_releases"] = self.latest_releases()
        context["contacts"] = self.contacts()
        context["press_kit_files"] = self.press_kit_files(request)
        context["boilerplate_available"] = bool(self.boilerplate_text(request))
        return context

    @path("press-kit/<int:image_id>/", name="press_kit_file")
    def press_kit_file(self, request, image_id):
        for item in self.press_kit_files(request):
            if item["image"].pk == image_id:
                return FileResponse(item["image"].file.open("rb"), as_attachment=True, filename=item["name"])
        raise Http404

    @path("press-kit/boilerplate/", name="press_kit_boilerplate")
    def press_kit_boilerplate(self, request):
        text = self.boilerplate_text(request)
        if not text:
            raise Http404
        response = HttpResponse(text + "\n", content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.boilerplate_filename()}"'
        return response

    @path("press-kit/all/", name="press_kit_zip")
    def press_kit_zip(self, request):
        """The whole press kit as one ZIP: the pictures, their captions and credits, the boilerplate."""
        files = self.press_kit_files(request)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for item in files:
                with item["image"].file.open("rb") as source:
                    # Pictures are compressed already; storing them is faster and no bigger.
                    archive.writestr(item["name"], source.read(), compress_type=zipfile.ZIP_STORED)
            # A ZIP is binary: its text files are converted here for the Traditional edition.
            if files:
                archive.writestr(self.captions_filename(), for_reader(self.captions_text(files)))
            boilerplate = self.boilerplate_text(request)
            if boilerplate:
                archive.writestr(self.boilerplate_filename(), for_reader(boilerplate) + "\n")
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{self.zip_filename()}"'
        return response

    # File names are ASCII so every mail client and unzip tool keeps them.
    @staticmethod
    def boilerplate_filename():
        return "boilerplate-en.txt" if is_english_request() else "boilerplate-zh.txt"

    @staticmethod
    def captions_filename():
        return "captions-en.txt" if is_english_request() else "captions-zh.txt"

    @staticmethod
    def zip_filename():
        return "press-kit-en.zip" if is_english_request() else "press-kit-zh.zip"


# ---- Embargo preview links ----


def new_token():
    return secrets.token_urlsafe(32)


class EmbargoPreview(models.Model):
    """One journalist's early access to one scheduled press release."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    page = models.ForeignKey(
        "news.NewsArticlePage",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="embargo_previews",
        help_text=_("A press release scheduled for publication (go-live date in the future)."),
    )
    journalist_name = models.CharField(_("journalist"), max_length=200)
    journalist_email = models.EmailField(_("journalist's email"))
    outlet = models.CharField(_("media outlet"), max_length=200, blank=True)
    revoked = models.BooleanField(
        _("revoked"), default=False, help_text=_("Tick to make the link stop working at once.")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("embargo preview link")
        verbose_name_plural = _("embargo preview links")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.journalist_name} ({self.outlet})" if self.outlet else self.journalist_name

    def save(self, *args, **kwargs):
        if self.revoked and not self.revoked_at:
            self.revoked_at = timezone.now()
        elif not self.revoked:
            self.revoked_at = None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        page = self.page if self.page_id else None
        if page is None or self.pk:
            return
        if not page.is_press_release:
            raise ValidationError({"page": _("Choose a press release.")})
        if page.live or not page.go_live_at or page.go_live_at <= timezone.now():
            raise ValidationError(
                {"page": _("Preview links are only for releases scheduled for a future time (not yet live).")}
            )

    def url_in(self, language):
        with translation.override(language):
            return reverse("embargo_preview", args=[self.token])

    def absolute_url_in(self, language):
        return absolute(self.url_in(language))

    def links(self):
        """The link in Chinese, and in English when the release has its English."""
        urls = [self.absolute_url_in("zh-hans")]
        if self.page.get_latest_revision_as_object().has_english:
            urls.append(self.absolute_url_in(SECOND_LANGUAGE))
        return "  ".join(urls)

    links.short_description = _("links to send")

    def status(self):
        if self.revoked:
            return _("revoked")
        if self.page.live:
            return _("released (link leads to the public page)")
        return _("active")

    status.short_description = _("status")

    def embargo_time(self):
        return self.page.go_live_at


class EmbargoPreviewUse(models.Model):
    """A log line: someone opened an embargo preview link."""

    preview = models.ForeignKey(EmbargoPreview, on_delete=models.CASCADE, related_name="uses")
    used_at = models.DateTimeField(_("time"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=USER_AGENT_LENGTH, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20)

    class Meta:
        verbose_name = _("embargo preview use")
        ordering = ["-used_at"]

    def __str__(self):
        return f"{self.preview} {self.used_at:%Y-%m-%d %H:%M} {self.outcome}"


# ---- Email alerts: subscribers, and one delivery per release per subscriber ----


def new_key():
    return secrets.token_urlsafe(32)


class Subscriber(models.Model):
    class Language(models.TextChoices):
        CHINESE = SOURCE_LANGUAGE, "简体中文"
        TRADITIONAL = TRADITIONAL_LANGUAGE, "繁體中文"
        ENGLISH = SECOND_LANGUAGE, "English"

    class Topic(models.TextChoices):
        PRESS_RELEASES = "press_releases", _("Press releases")
        ALL_NEWS = "all_news", _("All news, including press releases")

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    topic = models.CharField(_("topics"), max_length=20, choices=Topic.choices, default=Topic.PRESS_RELEASES)
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)
    # At most one confirmation mail a day per address, however often the form is sent with it.
    confirmation_sent_at = models.DateTimeField(_("confirmation mail sent at"), null=True, blank=True)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscriber")
        verbose_name_plural = _("alert subscribers")

    def __str__(self):
        return self.email

    @property
    def active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None

    def may_send_confirmation(self, now):
        return self.confirmation_sent_at is None or now - self.confirmation_sent_at >= CONFIRMATION_INTERVAL

    def confirm_token(self):
        return signing.dumps(self.key, salt=CONFIRM_SALT)

    def url(self, name, *args):
        with translation.override(self.language):
            return absolute(reverse(name, args=args))

    def confirm_url(self):
        return self.url("alerts_confirm", self.confirm_token())

    def unsubscribe_url(self):
        return self.url("alerts_unsubscribe", self.key)


class DeliveryQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True)

    def with_status(self, status):
        Status = AlertDelivery.Status
        return {
            Status.QUEUED: self.pending().filter(attempts=0),
            Status.RETRYING: self.pending().filter(attempts__gt=0, attempts__lt=MAX_ATTEMPTS),
            Status.FAILED: self.pending().filter(attempts__gte=MAX_ATTEMPTS),
            Status.SENT: self.filter(sent_at__isnull=False),
        }[status]


class AlertDelivery(models.Model):
    """One release for one subscriber: sent once (the unique constraint), retried until it is."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RETRYING = "retrying", _("Failed, will be retried")
        FAILED = "failed", _("Failed, no more retries")
        SENT = "sent", _("Sent")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    page = models.ForeignKey("news.NewsArticlePage", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [models.UniqueConstraint(fields=["subscriber", "page"], name="one_alert_per_release")]

    def __str__(self):
        return f"{self.subscriber} {self.page_id}"

    @property
    def status(self):
        if self.sent_at:
            return self.Status.SENT
        if self.attempts == 0:
            return self.Status.QUEUED
        return self.Status.RETRYING if self.attempts < MAX_ATTEMPTS else self.Status.FAILED
