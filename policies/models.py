"""Structured lists the zone publishes (support policies, investment catalogue, scenario
opportunities): a list page with per-list categories and ordered entries, each at its own address."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from website.languages import EnglishRequired, has_text, is_english_request
from website.pages import BasePage, BilingualPageForm, public

from . import exports, status
from .api import EntriesField
from .forms import EntryFilterForm

# The language a document is written in, as the reader is told it.
DOCUMENT_LANGUAGES = {"zh-hans": _("Chinese"), "en": _("English")}


def document_fields_by_language():
    """{language code: the entry's document field in that language}, for the stored languages."""
    stored = {field.name for field in PolicyEntry._meta.get_fields()}
    names = {code: build_localized_fieldname("document", code) for code, _name in settings.LANGUAGES}
    return {code: name for code, name in names.items() if name in stored}


def document_fields():
    return list(document_fields_by_language().values())


class PolicyIndexPage(BasePage):
    """The parent of the lists, so one menu item leads to all of them."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    template = "policies/policy_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "policies.PolicyListPage",
        "investment.InvestmentMapPage",
        "investment.PublicationLibraryPage",
    ]

    class Meta:
        verbose_name = _("policy lists index")

    def lists(self):
        """The lists and the other "five lists" pages beside them (the investment map, the
        publications library), in the editor's order; each has a title and an intro."""
        pages = public(self.get_children().live()).order_by("path").specific()
        return [page for page in pages if page.has_english] if is_english_request() else list(pages)


class PolicyListPageForm(BilingualPageForm):
    """An entry's category is chosen from this list's own categories (saved ones)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entries = self.formsets.get("entries")
        if entries is None:
            return
        page_id = self.instance.pk
        base_form = entries.form

        def __init__(form, *args, **kwargs):
            base_form.__init__(form, *args, **kwargs)
            form.fields["category"].queryset = PolicyCategory.objects.filter(page_id=page_id)

        # An instance attribute: forms are built lazily, so every entry form (and the empty
        # template form the editor clones) uses it, and no other page's form is touched.
        entries.form = type(base_form.__name__, (base_form,), {"__init__": __init__})


class PolicyListPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    base_form_class = PolicyListPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "categories",
            label=_("Categories"),
            help_text=_("Save the list after adding a category; its entries can then choose it."),
        ),
        InlinePanel("entries", label=_("Entries")),
    ]

    # Indexed in both languages by the search backend; ranked by the title and the
    # autocomplete fields (docs/search.md): the introduction, and the entries' titles, which
    # say what the list holds as a summary does (the investment catalogue's 互联网医院).
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.AutocompleteField("intro"),
        index.RelatedFields(
            "entries",
            [
                index.SearchField("title"),
                index.AutocompleteField("title"),
                index.SearchField("summary"),
                index.SearchField("issuing_body"),
                index.SearchField("full_text"),
            ],
        ),
    ]

    api_fields = [APIField("intro"), APIField("entries", serializer=EntriesField(source="*"))]

    template = "policies/policy_list_page.html"
    parent_page_types = ["home.HomePage", "policies.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("policy list")
        verbose_name_plural = _("policy lists")

    def visible_entries(self):
        """Entries a reader of the active language may see, in the editor's order."""
        # Ties in the editor's order (entries added by import or the API) fall back to creation.
        entries = self.entries.select_related("category", *document_fields()).order_by("sort_order", "pk")
        return entries.filter(has_english=True) if is_english_request() else entries

    def search_matches(self, terms, limit=5):
        """The entries a search for `terms` found on this list, each with the status the dates give
        it today, for the search results (search/views.py): one query."""
        condition = models.Q()
        for term in terms:
            for name in ("title", "summary", "document_number", "issuing_body"):
                condition |= models.Q(**{f"{name}__icontains": term})
        if not condition:
            return []
        return [
            {
                "title": entry.title,
                "url": self.entry_url(entry),
                "status": entry.current_status,
                "status_label": entry.get_current_status_display(),
            }
            for entry in self.visible_entries().filter(condition)[:limit]
        ]

    def visible_categories(self):
        return list(self.categories.all())

    def filter_entries(self, request):
        """(form, entries): the entries the query string asks for, or none when it is invalid."""
        form = EntryFilterForm(request.GET, categories=self.visible_categories())
        if not form.is_valid():
            return form, self.entries.none()
        return form, form.apply(self.visible_entries())

    def sitemap_routes(self):
        entries = self.entries.only("pk", "has_english")
        return [
            (self.reverse_subpage("entry", args=[entry.pk]), entry.has_english, None) for entry in entries
        ]

    def entry_url(self, entry, request=None):
        return self.get_url(request) + self.reverse_subpage("entry", args=[entry.pk])

    @path("")
    def index(self, request):
        form, entries = self.filter_entries(request)
        response = self.render(
            request,
            context_overrides={
                "filter_form": form,
                "entries": list(entries),
                "filtered": form.is_bound and any(request.GET.get(name) for name in form.fields),
                "export_query": request.GET.urlencode(),
            },
        )
        if form.errors:
            response.status_code = 400
        return response

    @path("entries/<int:entry_id>/", name="entry")
    def entry(self, request, entry_id):
        entry = self.entries.select_related("category", *document_fields()).filter(pk=entry_id).first()
        if entry is None:
            raise Http404
        if is_english_request() and not entry.has_english:
            return self.serve_untranslated(request)
        return self.render(
            request,
            template="policies/policy_entry.html",
            context_overrides={
                "entry": entry,
                "route_path": {code: f"entries/{entry_id}/" for code in ("zh-hans", "en")},
            },
        )

    # Wagtail serves only paths of word characters ending in "/": no "export.csv".
    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return self.export(request, exports.as_csv, "csv")

    # Wagtail serves only paths of word characters ending in "/": no "export.csv".
    @path("export/xlsx/", name="export_xlsx")
    def export_xlsx(self, request):
        return self.export(request, exports.as_xlsx, "xlsx")

    def export(self, request, write, extension):
        form, entries = self.filter_entries(request)
        if form.errors:
            return self.index(request)
        rows = exports.rows(self, list(entries), request)
        return write(rows, filename=f"{self.slug}.{extension}")


class PolicyCategory(Orderable):
    page = ParentalKey(PolicyListPage, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Latin letters, digits and hyphens; used in the filter's address in both languages."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(Orderable.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        unique_together = [("page", "slug")]

    def __str__(self):
        return self.name


class PolicyEntry(EnglishRequired, Orderable):
    class Status(models.TextChoices):
        # What an editor sets; what a reader sees follows the dates (policies/status.py).
        IN_FORCE = status.IN_FORCE, _("In force")
        EXPIRED = status.EXPIRED, _("Expired")
        OPEN_FOR_COMMENT = status.OPEN_FOR_COMMENT, _("Open for comment")
        OPEN_OPPORTUNITY = status.OPEN_OPPORTUNITY, _("Open opportunity")
        CLOSED = status.CLOSED, _("Closed")

    # What an entry needs in English to be listed and exported in English.
    english_required_fields = ("title", "summary")

    page = ParentalKey(PolicyListPage, on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(_("title"), max_length=255)
    category = models.ForeignKey(
        PolicyCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
    )
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=200, blank=True)
    issue_date = models.DateField(_("issue date"), db_index=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.IN_FORCE,
        help_text=_(
            "What the entry is. After the expiry date readers see it as expired or closed, "
            "and an open entry as closing soon in its last 14 days, unless the status is kept."
        ),
    )
    status_fixed = models.BooleanField(
        _("keep this status whatever the dates"),
        default=False,
        help_text=_("For an entry extended or ended early by a decision; give the reason below."),
    )
    status_reason = models.CharField(
        _("reason for keeping the status"),
        max_length=255,
        blank=True,
        help_text=_("Shown to readers on the entry's page, in each language."),
    )
    summary = models.TextField(_("summary"))
    contact = models.CharField(_("contact"), max_length=255, blank=True)
    full_text = RichTextField(
        _("full text"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_("The policy's own text, shown on the entry's page."),
    )
    link_url = models.URLField(
        _("link"), blank=True, help_text=_("The full text elsewhere, if it is online.")
    )
    # One per language (translation.py): a reader of either language is offered both files.
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    has_english = models.BooleanField(
        _("has English"),
        default=False,
        editable=False,
        db_index=True,
        help_text=_("Derived on save: the title and summary are filled in English."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("status_fixed"), FieldPanel("status_reason")]),
        FieldRowPanel([FieldPanel("document_number"), FieldPanel("issuing_body")]),
        FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")]),
        FieldPanel("summary"),
        FieldPanel("contact"),
        MultiFieldPanel(
            [FieldPanel("full_text"), FieldPanel("document"), FieldPanel("link_url")], heading=_("Full text")
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("entry")
        verbose_name_plural = _("entries")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.has_english = self.english_is_complete()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.effective_date and self.expiry_date and self.expiry_date < self.effective_date:
            raise ValidationError({"expiry_date": _("The expiry date cannot be before the effective date.")})
        if self.status_fixed and not self.status_reason_zh_hans:
            raise ValidationError(
                {"status_reason_zh_hans": _("Say why the status is kept whatever the dates.")}
            )

    @property
    def current_status(self):
        """The status a reader sees today: the set one, unless the dates have moved it on."""
        return status.current_status(self.status, self.expiry_date, self.status_fixed)

    def get_current_status_display(self):
        return str(status.LABELS[self.current_status])

    def documents(self):
        """The entry's files, the reader's language first: [(language code, language name, document)]."""
        found = []
        for code, field_name in document_fields_by_language().items():
            if getattr(self, f"{field_name}_id"):
                found.append((code, DOCUMENT_LANGUAGES.get(code, code), getattr(self, field_name)))
        current = translation.get_language()
        return sorted(found, key=lambda item: item[0] != current)

    def has_full_text(self):
        return has_text(self.full_text)

    def full_text_url(self):
        """The file in the reader's language, else the other language's, else the link."""
        documents = self.documents()
        if documents:
            return documents[0][2].url
        return self.link_url
