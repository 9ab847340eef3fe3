"""StreamField blocks every app uses: the body of articles and standard pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

BLOCK_TEMPLATES = "components/streamfield/"


class FigureValue(blocks.StructValue):
    def caption_text(self):
        """The block's own caption, else the image's caption."""
        image = self.get("image")
        return self.get("caption") or (image.caption if image else "")


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, help_text=_("Leave empty to use the image's own caption.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = BLOCK_TEMPLATES + "figure.html"
        value_class = FigureValue


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = BLOCK_TEMPLATES + "quote.html"
        preview_value = {"quote": "…", "attribution": ""}


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("For example 130+ or 12"))
    unit = blocks.CharBlock(label=_("Unit"), max_length=30, required=False)
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)

    class Meta:
        icon = "pick"
        label = _("Key figure")
        template = BLOCK_TEMPLATES + "key_figure.html"
        preview_value = {"value": "130+", "unit": "", "label": "projects signed"}


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Key figures")
        template = BLOCK_TEMPLATES + "key_figures.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = BLOCK_TEMPLATES + "document.html"


class GalleryBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(ImageChooserBlock(), **kwargs)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = BLOCK_TEMPLATES + "gallery.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        template=BLOCK_TEMPLATES + "paragraph.html",
        preview_value="<p>…</p>",
    )
    image = FigureBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    table = TableBlock(label=_("Table"), icon="table", template=BLOCK_TEMPLATES + "table.html")
    document = DocumentBlock()
    embed = EmbedBlock(label=_("Embedded media"), icon="media", template=BLOCK_TEMPLATES + "embed.html")
    gallery = GalleryBlock()

    class Meta:
        template = BLOCK_TEMPLATES + "body.html"
