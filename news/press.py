"""Press releases and the newsroom: media contacts, attachments, the press kit and the embargo rule.

news.models imports this module; it refers to NewsArticlePage by name, never by import.
"""

import io
import zipfile

from django.db import models
from django.http import FileResponse, Http404, HttpResponse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable, Site
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from website.languages import field_in, has_text, is_english_request
from website.pages import BasePage

LATEST_RELEASES = 5


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


def embargoed_document_ids(document_ids):
    """Of `document_ids`, those attached only to press releases that are not live yet.

    A document attached to a scheduled (embargoed) release must not be downloadable
    before the release is published, unless a live page offers it too.
    """
    rows = ArticleAttachment.objects.filter(document_id__in=document_ids).values_list(
        "document_id", "page__live"
    )
    offered_live, attached_unpublished = set(), set()
    for document_id, live in rows:
        (offered_live if live else attached_unpublished).add(document_id)
    return attached_unpublished - offered_live


def embargoed_image_ids(image_ids):
    """Of `image_ids`, those that lead only press releases that are not live yet."""
    from .models import NewsArticlePage

    rows = NewsArticlePage.objects.filter(lead_image_id__in=image_ids).values_list("lead_image_id", "live")
    offered_live, unpublished = set(), set()
    for image_id, live in rows:
        (offered_live if live else unpublished).add(image_id)
    return unpublished - offered_live


class NewsroomMediaContact(Orderable):
    page = ParentalKey("news.NewsroomPage", on_delete=models.CASCADE, related_name="media_contacts")
    contact = models.ForeignKey(
        MediaContact, on_delete=models.CASCADE, related_name="+", verbose_name=_("media contact")
    )

    panels = [FieldPanel("contact")]


class PressKitImage(Orderable):
    """A photo in the press kit, offered at full resolution with its caption and credit."""

    page = ParentalKey("news.NewsroomPage", on_delete=models.CASCADE, related_name="press_kit_images")
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

    template = "news/newsroom_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("newsroom")

    def latest_releases(self):
        from .models import NewsArticlePage

        return NewsArticlePage.objects.for_listing().filter(kind=NewsArticlePage.Kind.PRESS_RELEASE)[
            :LATEST_RELEASES
        ]

    def contacts(self):
        return [row.contact for row in self.media_contacts.select_related("contact")]

    def site_settings(self, request):
        from home.models import SiteSettings

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
            if files:
                archive.writestr(self.captions_filename(), self.captions_text(files))
            boilerplate = self.boilerplate_text(request)
            if boilerplate:
                archive.writestr(self.boilerplate_filename(), boilerplate + "\n")
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
