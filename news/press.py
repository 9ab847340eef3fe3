"""Press releases and the newsroom: media contacts, attachments, the press kit and the embargo rule.

news.models imports this module; it refers to NewsArticlePage by name, never by import.
"""

import io
import zipfile
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpResponse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import path
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, ReferenceIndex, Site
from wagtail.search import index
from wagtail.signals import page_published
from wagtail.snippets.models import register_snippet

from media_library.storage import PRIVATE_PREFIX, move
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
    """Of `document_ids`, those held back for an embargo (their file is in the private store)."""
    return set(
        Document.objects.filter(pk__in=document_ids, file__startswith=PRIVATE_PREFIX).values_list(
            "pk", flat=True
        )
    )


# The embargo rule for files. A press release that is not live keeps the images and documents it
# uses (lead image, body images, galleries and documents, rich-text document links, attachments)
# in the private store, unless something public uses them too; publishing any page moves the
# files it uses back to public storage. Files move after the transaction commits, so a rollback
# never leaves a row naming a file that moved; a failed move (a file missing on disk) is logged
# and never fails the save or the publication (robust=True).


def files_used_by(page):
    """The images and documents `page` uses, in any language and any field or inline panel."""
    # Wagtail's reference index can lag behind (it is updated by a background task) and holds the
    # page's row, so the references are read from the page object itself, the way the index does.
    wanted = {
        ContentType.objects.get_for_model(get_image_model()).pk: set(),
        ContentType.objects.get_for_model(Document).pk: set(),
    }
    references = ReferenceIndex._extract_references_from_object(page)
    for content_type_id, object_id, *_paths in references:
        if content_type_id in wanted:
            wanted[content_type_id].add(object_id)
    image_ids, document_ids = wanted.values()
    return [
        *get_image_model().objects.filter(pk__in=image_ids),
        *Document.objects.filter(pk__in=document_ids),
    ]


def used_in_public(file_object, besides):
    """Whether a live page other than `besides`, or a non-page (site settings, a snippet), uses the file."""
    page_type = ContentType.objects.get_for_model(Page)
    sources = list(
        ReferenceIndex.get_references_to(file_object)
        .exclude(base_content_type=page_type, object_id=str(besides.pk))
        .values_list("base_content_type_id", "object_id")
    )
    page_ids = [object_id for content_type_id, object_id in sources if content_type_id == page_type.pk]
    return len(page_ids) < len(sources) or Page.objects.filter(pk__in=page_ids, live=True).exists()


def hold_files(page_id):
    page = Page.objects.filter(pk=page_id, live=False).specific().first()
    if page is None or not getattr(page, "is_press_release", False):
        return
    for file_object in files_used_by(page):
        if not used_in_public(file_object, besides=page):
            move(file_object, private=True)


def release_files(page_id):
    page = Page.objects.filter(pk=page_id, live=True).specific().first()
    if page is None:
        return
    for file_object in files_used_by(page):
        move(file_object, private=False)


@receiver(post_save, sender="news.NewsArticlePage")
def hold_files_of_unpublished_release(sender, instance, update_fields=None, **kwargs):
    """Saving a press release that is not live (a draft, or scheduled: an embargo) makes its files private."""
    # Saves with update_fields are Wagtail's revision bookkeeping; the content is saved in full.
    if update_fields is None and not instance.live and instance.is_press_release:
        transaction.on_commit(partial(hold_files, instance.pk), robust=True)


@receiver(page_published)
def release_files_of_published_page(sender, instance, **kwargs):
    """Publishing a page (by hand, after review, or the scheduler at embargo time) makes its files public."""
    transaction.on_commit(partial(release_files, instance.pk), robust=True)


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
