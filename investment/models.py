"""What an investor needs beyond the lists: the named officer for each sector, the zone's site
plan with its parcels, buildings and platforms, and the library of publications.
Imports flow downhill: this app uses policies (sectors are its categories) and the foundation."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from policies import exports as policy_exports
from policies.models import PolicyCategory, PolicyEntry
from website.languages import EnglishRequired, is_english_request
from website.pages import BasePage

from . import exports
from .api import AreasField, PublicationsField
from .forms import MapFilterForm, PublicationFilterForm
from .shapes import parse_points
from .widgets import ShapeDrawingWidget


@register_snippet
class InvestmentOfficer(EnglishRequired, ClusterableModel):
    """The named contact for one or more sectors; inquiries about those sectors reach them."""

    english_required_fields = ("name",)

    name = models.CharField(_("name"), max_length=100)
    title = models.CharField(_("job title"), max_length=150, blank=True)
    photo = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sectors = ParentalManyToManyField(
        PolicyCategory,
        verbose_name=_("sectors"),
        blank=True,
        related_name="officers",
        help_text=_(
            "The categories of the policy lists (e.g. the investment catalogue) this officer covers."
        ),
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=150,
        blank=True,
        help_text=_("For example: Chinese, English, Korean."),
    )
    email = models.EmailField(_("email"))
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    wechat_id = models.CharField(_("WeChat ID"), max_length=50, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
        FieldPanel("photo"),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("wechat_id")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("investment officer")
        verbose_name_plural = _("investment officers")

    def __str__(self):
        return self.name

    @classmethod
    def for_sector_name(cls, name):
        """Officers covering a sector named `name` in either language (the inquiry form's value)."""
        if not name:
            return cls.objects.none()
        named = Q(sectors__name_zh_hans=name) | Q(sectors__name_en=name)
        return cls.objects.filter(named).distinct()

    @classmethod
    def for_sectors(cls, categories):
        """Officers for these categories, or for categories of the same name in other lists."""
        names = set()
        for category in categories:
            names.update(filter(None, (category.name_zh_hans, category.name_en)))
        if not names:
            return cls.objects.none()
        named = Q(sectors__name_zh_hans__in=names) | Q(sectors__name_en__in=names)
        return cls.objects.filter(named).distinct().select_related("photo")


class InvestmentMapPage(BasePage):
    """The site plan (an uploaded image or SVG) with clickable areas drawn on it in the admin."""

    intro = models.TextField(_("introduction"), blank=True)
    site_plan = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("site plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The zone's plan as an image or SVG; areas are drawn on it in percent of its size."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("site_plan"),
        InlinePanel("areas", label=_("Areas on the plan")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields("areas", [index.SearchField("name"), index.SearchField("permitted_use")]),
    ]
    api_fields = [APIField("intro"), APIField("areas", serializer=AreasField(source="*"))]

    template = "investment/investment_map_page.html"
    parent_page_types = ["home.HomePage", "policies.PolicyIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("investment map")

    def visible_areas(self):
        entries = PolicyEntry.objects.select_related("page").order_by("page__path", "sort_order", "pk")
        areas = self.areas.select_related("officer", "officer__photo")
        if is_english_request():
            areas = areas.filter(has_english=True)
            entries = entries.filter(has_english=True)
        return areas.prefetch_related(Prefetch("catalogue_entries", queryset=entries))

    def officers(self, areas):
        seen = {}
        for area in areas:
            if area.officer_id and area.officer_id not in seen:
                seen[area.officer_id] = area.officer
        return list(seen.values())

    def filter_areas(self, request):
        """(form, every visible area, the areas the query string asks for; none when it is invalid)."""
        areas = list(self.visible_areas())
        form = MapFilterForm(request.GET)
        return form, areas, form.apply(areas) if form.is_valid() else []

    @path("")
    def index(self, request):
        form, areas, shown = self.filter_areas(request)
        response = self.render(
            request,
            context_overrides={
                "filter_form": form,
                "filtered": any(request.GET.get(name) for name in form.fields),
                "export_query": request.GET.urlencode(),
                "areas": shown,
                "status_choices": MapArea.Status.choices,
                "officers": self.officers(areas),
            },
        )
        if form.errors:
            response.status_code = 400
        return response

    # Wagtail serves only paths of word characters ending in "/": no "export.csv".
    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return self.export(request, policy_exports.as_csv, "csv")

    @path("export/xlsx/", name="export_xlsx")
    def export_xlsx(self, request):
        return self.export(request, policy_exports.as_xlsx, "xlsx")

    def export(self, request, write, extension):
        form, _areas, shown = self.filter_areas(request)
        if form.errors:
            return self.index(request)
        return write(exports.area_rows(self, shown, request), filename=f"{self.slug}.{extension}")


class MapArea(EnglishRequired, Orderable, ClusterableModel):
    """A parcel, building or platform: a shape on the plan, its facts and who to ask about it."""

    class Kind(models.TextChoices):
        PARCEL = "parcel", _("Land parcel")
        BUILDING = "building", _("Building")
        PLATFORM = "platform", _("Platform")

    class Status(models.TextChoices):
        AVAILABLE = "available", _("Available")
        NEGOTIATING = "negotiating", _("Under negotiation")
        TAKEN = "taken", _("Taken")

    english_required_fields = ("name",)

    page = ParentalKey(InvestmentMapPage, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(_("area name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PARCEL)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AVAILABLE)
    area_m2 = models.DecimalField(_("area (m²)"), max_digits=12, decimal_places=1, null=True, blank=True)
    permitted_use = models.CharField(_("permitted use"), max_length=255, blank=True)
    points = models.CharField(
        _("shape on the plan"),
        max_length=2000,
        help_text=_(
            "Corners as x,y pairs in percent of the plan's width and height, separated by spaces, "
            "for example: 10,10 40,10 40,30 10,30. Draw them by clicking on the plan."
        ),
    )
    officer = models.ForeignKey(
        InvestmentOfficer,
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="areas",
    )
    catalogue_entries = ParentalManyToManyField(
        PolicyEntry, verbose_name=_("catalogue entries"), blank=True, related_name="map_areas"
    )
    has_english = models.BooleanField(default=False, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("area_m2"), FieldPanel("permitted_use")]),
        FieldPanel("points", widget=ShapeDrawingWidget),
        FieldPanel("officer"),
        FieldPanel("catalogue_entries"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.has_english = self.english_is_complete()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        try:
            parse_points(self.points)
        except ValueError as error:
            raise ValidationError({"points": str(error)}) from error

    def svg_points(self):
        return " ".join(f"{x},{y}" for x, y in parse_points(self.points))

    def label_position(self):
        corners = parse_points(self.points)
        return (
            sum(x for x, _y in corners) / len(corners),
            sum(y for _x, y in corners) / len(corners),
        )

    def anchor(self):
        return f"area-{self.pk}"


class PublicationLibraryPage(BasePage):
    """Investor guides, policy documents, annual reports and brochures, filterable, counted."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("publications", label=_("Publications")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields("publications", [index.SearchField("title"), index.SearchField("summary")]),
    ]
    api_fields = [APIField("intro"), APIField("publications", serializer=PublicationsField(source="*"))]

    template = "investment/publication_library_page.html"
    parent_page_types = ["home.HomePage", "policies.PolicyIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("publications library")

    def visible_publications(self):
        publications = self.publications.select_related("document", "cover")
        if is_english_request():
            publications = publications.filter(has_english=True)
        return publications.order_by("-year", "sort_order", "pk")

    @staticmethod
    def latest_ids(publications):
        """The newest edition of each series (by year, then the editor's order)."""
        latest = {}
        for publication in publications:
            if publication.series and publication.series not in latest:
                latest[publication.series] = publication.pk
        return set(latest.values())

    def filter_publications(self, request):
        """(form, the publications the query string asks for, each marked if the latest edition)."""
        publications = list(self.visible_publications())
        form = PublicationFilterForm(request.GET, years=sorted({p.year for p in publications}, reverse=True))
        latest = self.latest_ids(publications)
        shown = form.apply(publications) if form.is_valid() else []
        for publication in shown:
            publication.is_latest = publication.pk in latest
        return form, shown

    @path("")
    def index(self, request):
        form, shown = self.filter_publications(request)
        response = self.render(
            request,
            context_overrides={
                "filter_form": form,
                "publications": shown,
                "filtered": any(request.GET.get(name) for name in form.fields),
                "export_query": request.GET.urlencode(),
            },
        )
        if form.errors:
            response.status_code = 400
        return response

    # Wagtail serves only paths of word characters ending in "/": no "export.csv".
    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return self.export(request, policy_exports.as_csv, "csv")

    @path("export/xlsx/", name="export_xlsx")
    def export_xlsx(self, request):
        return self.export(request, policy_exports.as_xlsx, "xlsx")

    def export(self, request, write, extension):
        form, shown = self.filter_publications(request)
        if form.errors:
            return self.index(request)
        return write(exports.publication_rows(self, shown, request), filename=f"{self.slug}.{extension}")

    # A redirect is never stored by the page cache (website/cache.py), so every download counts.
    @path("download/<int:publication_id>/", name="download")
    def download(self, request, publication_id):
        publication = self.publications.select_related("document").filter(pk=publication_id).first()
        if publication is None or publication.document is None:
            raise Http404
        if is_english_request() and not publication.has_english:
            raise Http404
        Publication.objects.filter(pk=publication.pk).update(downloads=F("downloads") + 1)
        return HttpResponseRedirect(publication.document.url)

    def download_url(self, publication, request=None):
        return self.get_url(request) + self.reverse_subpage("download", args=[publication.pk])


class Publication(EnglishRequired, Orderable):
    class Kind(models.TextChoices):
        GUIDE = "guide", _("Investor guide")
        POLICY = "policy", _("Policy document")
        ANNUAL_REPORT = "annual-report", _("Annual report")
        BROCHURE = "brochure", _("Brochure")

    class FileLanguage(models.TextChoices):
        CHINESE = "zh-hans", _("Chinese")
        ENGLISH = "en", _("English")
        BILINGUAL = "both", _("Chinese and English")

    english_required_fields = ("title", "summary")

    page = ParentalKey(PublicationLibraryPage, on_delete=models.CASCADE, related_name="publications")
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"))
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    file_language = models.CharField(
        _("language of the file"), max_length=10, choices=FileLanguage.choices, default=FileLanguage.CHINESE
    )
    series = models.SlugField(
        _("series"),
        max_length=100,
        blank=True,
        help_text=_(
            "Editions of one publication share a series (e.g. investor-guide); the newest is marked."
        ),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    cover = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    downloads = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    has_english = models.BooleanField(default=False, editable=False, db_index=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldRowPanel(
            [FieldPanel("year"), FieldPanel("kind"), FieldPanel("file_language"), FieldPanel("series")]
        ),
        FieldRowPanel([FieldPanel("document"), FieldPanel("cover")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.has_english = self.english_is_complete()
        super().save(*args, **kwargs)
