"""Embargo preview links: a press officer lets an accredited journalist read a scheduled release early.

A link is a random token (``secrets``) stored with the release and the journalist it was
given to; it can be revoked, it stops working once the release is live (the public page
takes over) and every use is logged. news.models imports this module.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import fallbacks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from media_library.storage import PRIVATE_PREFIX
from media_library.views import private_file_response
from website.languages import SECOND_LANGUAGE, is_english_request, language_link

from .press import files_used_by

USER_AGENT_LENGTH = 400


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
        site = self.page.get_site()
        root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
        return root.rstrip("/") + self.url_in(language)

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


class EmbargoPreviewCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class EmbargoPreviewViewSet(SnippetViewSet):
    model = EmbargoPreview
    icon = "link"
    add_view_class = EmbargoPreviewCreateView
    list_display = ["journalist_name", "outlet", "page", "status", "links", "created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "journalist_name",
        "journalist_email",
        "outlet",
        "page",
        "status",
        "links",
        "created_by",
        "created_at",
        "revoked_at",
    ]
    panels = [
        HelpPanel(
            content=_(
                "The link is created when you save: copy it from the list of preview links and "
                "send it to the journalist. It shows the release with its embargo time, stops "
                "working when the release goes live or when you revoke it, and every use is logged."
            )
        ),
        FieldPanel("page"),
        FieldPanel("journalist_name"),
        FieldPanel("journalist_email"),
        FieldPanel("outlet"),
        FieldPanel("revoked"),
    ]


register_snippet(EmbargoPreviewViewSet)


def client_ip(request):
    return request.META.get("REMOTE_ADDR") or None


def log_use(request, preview, outcome):
    EmbargoPreviewUse.objects.create(
        preview=preview,
        ip_address=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_LENGTH],
        outcome=outcome,
    )


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _language_links(request, preview, has_english):
    return [
        language_link(request, code, name, preview.url_in(code), code != SECOND_LANGUAGE or has_english)
        for code, name in settings.LANGUAGES
    ]


def gone(request, status, message):
    response = TemplateResponse(
        request, "news/embargo_preview_gone.html", {"message": message, "language_links": []}, status=status
    )
    return _no_store(response)


def embargo_preview_view(request, token):
    """/embargo/<token>/ and /en/embargo/<token>/: the release's latest revision with the embargo banner."""
    preview = EmbargoPreview.objects.select_related("page").filter(token=token).first()
    if preview is None:
        return gone(request, 404, _("This preview link is not valid. Check that you copied all of it."))
    page = preview.page
    if preview.revoked:
        log_use(request, preview, "revoked")
        return gone(request, 410, _("This preview link has been withdrawn. Please contact the press office."))
    if page.live:
        log_use(request, preview, "released")
        return _no_store(HttpResponseRedirect(page.get_url(request)))
    release = page.get_latest_revision_as_object()
    if not release.go_live_at:
        log_use(request, preview, "unscheduled")
        return gone(request, 410, _("This release is no longer scheduled. Please contact the press office."))
    if is_english_request() and not release.has_english:
        log_use(request, preview, "untranslated")
        return gone(request, 404, _("This release is not available in English yet."))
    log_use(request, preview, "shown")
    with fallbacks(not is_english_request()):
        context = release.get_context(request)
        context.update(
            {
                "embargo_preview": preview,
                "embargo_time": release.go_live_at,
                "embargo_time_zone": timezone.get_current_timezone_name(),
                "language_links": _language_links(request, preview, release.has_english),
            }
        )
        response = TemplateResponse(request, "news/embargo_preview.html", context)
        response.render()
    return _no_store(_files_through_link(response, preview))


def _files_through_link(response, preview):
    """Point the release's private files (news.press: held back until it is live) at this link's own address.

    The journalist's browser has no admin session, so /private-media/ would refuse it; the
    link's token, which opened the page, opens its pictures too, and revoking it stops both.
    """
    private = reverse("private_file", args=["-"]).removesuffix("-")
    through_link = reverse("embargo_file", args=[preview.token, "-"]).removesuffix("-")
    response.content = response.content.replace(private.encode(), through_link.encode())
    return response


def release_file_names(page):
    """The stored names of the files the release's latest revision shows, with its images' renditions."""
    names = set()
    for file_object in files_used_by(page.get_latest_revision_as_object()):
        names.add(file_object.file.name)
        if hasattr(file_object, "renditions"):
            names.update(rendition.file.name for rendition in file_object.renditions.all())
    return names


def embargo_file_view(request, token, name):
    """/embargo/<token>/files/<name>: a private file of a scheduled release, for a valid link's holder."""
    preview = EmbargoPreview.objects.select_related("page").filter(token=token, revoked=False).first()
    if preview is None or preview.page.live or PRIVATE_PREFIX + name not in release_file_names(preview.page):
        raise Http404
    return private_file_response(name)
