"""International cooperation: partner projects by country and sector, and the index that
filters them and shows at a glance where partners come from."""

from collections import Counter

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from website.blocks import BodyBlock
from website.cache import kept_ids
from website.languages import is_english_request
from website.pages import BasePage, public

from .forms import ShowcaseFilterForm


class Country(models.TextChoices):
    """ISO 3166-1 alpha-2 codes of the partners' countries; add one when a partner needs it."""

    AU = "AU", _("Australia")
    CH = "CH", _("Switzerland")
    DE = "DE", _("Germany")
    FR = "FR", _("France")
    GB = "GB", _("United Kingdom")
    IL = "IL", _("Israel")
    IT = "IT", _("Italy")
    JP = "JP", _("Japan")
    KR = "KR", _("South Korea")
    NL = "NL", _("Netherlands")
    SE = "SE", _("Sweden")
    SG = "SG", _("Singapore")
    US = "US", _("United States")


class Sector(models.TextChoices):
    MEDICAL_SERVICES = "medical_services", _("Medical services")
    MEDICAL_DEVICES = "medical_devices", _("Medical devices")
    BIOTECH = "biotech", _("Biotechnology and pharmaceuticals")
    DIGITAL_HEALTH = "digital_health", _("Digital health")
    HEALTH_WELLNESS = "health_wellness", _("Health and wellness")
    INVESTMENT = "investment", _("Investment and finance")


class CooperationKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding")
    LANDED_PROJECT = "landed_project", _("Landed project")
    JOINT_VENTURE = "joint_venture", _("Joint venture")
    HOSPITAL = "hospital", _("Hospital")
    RESEARCH_CENTRE = "research_centre", _("R&D centre")
    FUND = "fund", _("Fund")


class CooperationStatus(models.TextChoices):
    NEGOTIATING = "negotiating", _("Negotiating")
    SIGNED = "signed", _("Signed")
    UNDER_CONSTRUCTION = "under_construction", _("Under construction")
    OPERATING = "operating", _("Operating")


class CooperationIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    template = "cooperation/cooperation_index_page.html"
    site_map_children = False  # its items, not sections
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cooperation.CooperationShowcasePage"]

    class Meta:
        verbose_name = _("cooperation index")

    def showcases(self):
        """Published showcases a reader of the active language may see, newest signing first."""
        showcases = public(CooperationShowcasePage.objects.child_of(self).live()).order_by(
            models.F("signing_date").desc(nulls_last=True), "path"
        )
        return showcases.filter(has_english=True) if is_english_request() else showcases

    @staticmethod
    def counts(showcases, field, choices):
        """[(value, label, count)] for the values present, largest first, for the overview."""
        counter = Counter(getattr(showcase, field) for showcase in showcases)
        labels = dict(choices)
        return [
            {"value": value, "label": labels.get(value, value), "count": count}
            for value, count in sorted(counter.items(), key=lambda item: (-item[1], str(labels.get(item[0]))))
        ]

    @path("")
    def index(self, request):
        everything = list(self.showcases())
        form = ShowcaseFilterForm(request.GET)
        shown = form.apply(everything) if form.is_valid() else []
        by_country = self.counts(everything, "country", Country.choices)
        response = self.render(
            request,
            context_overrides={
                "filter_form": form,
                "showcases": shown,
                "filtered": any(request.GET.get(name) for name in form.fields),
                "by_country": by_country,
                "by_sector": self.counts(everything, "sector", Sector.choices),
                "largest_country_count": max((row["count"] for row in by_country), default=0),
                "total": len(everything),
            },
        )
        if form.errors:
            response.status_code = 400
        return response


class CooperationShowcasePage(BasePage):
    partner = models.CharField(_("partner organisation"), max_length=255)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, db_index=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, db_index=True)
    kind = models.CharField(_("kind of cooperation"), max_length=30, choices=CooperationKind.choices)
    signing_date = models.DateField(_("signing date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=CooperationStatus.choices,
        default=CooperationStatus.SIGNED,
        db_index=True,
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("Two or three sentences for the index."))
    story = StreamField(BodyBlock(), verbose_name=_("story"), blank=True)

    english_required_fields = ("title", "partner", "summary", "story")

    # Indexed in both languages by the search backend; ranked by the title and the
    # autocomplete fields (docs/search.md).
    search_fields = BasePage.search_fields + [
        index.SearchField("partner"),
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("story"),
    ]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("partner"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("sector")]),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status"), FieldPanel("signing_date")]),
            ],
            heading=_("Cooperation"),
        ),
        FieldPanel("summary"),
        FieldPanel("story"),
        InlinePanel("gallery_images", label=_("Gallery")),
        InlinePanel("news_links", label=_("Related news")),
    ]

    template = "cooperation/cooperation_showcase_page.html"
    parent_page_types = ["cooperation.CooperationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("cooperation showcase")
        verbose_name_plural = _("cooperation showcases")

    @classmethod
    def linked_to(cls, article):
        """The live showcases linked to a news article, visible in the active language, as a list."""
        if not in_any_showcase(article):  # most articles: not even an empty query to compile
            return []
        linked = ShowcaseNewsLink.objects.filter(article=article).values("page")
        showcases = public(cls.objects.live()).filter(pk__in=linked).order_by("path")
        return list(showcases.filter(has_english=True) if is_english_request() else showcases)

    def related_news(self):
        links = self.news_links.select_related("article")
        return [
            link.article for link in links if link.article.live and link.article.visible_in_current_language()
        ]

    def pages_it_shows_on(self):
        """The articles it links to, which list it in turn (website.cache_keys renews them)."""
        return self.news_links.values_list("article", flat=True)

    def share_image(self):
        first = self.gallery_images.select_related("image").first()
        return first.image if first else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gallery"] = self.gallery_images.select_related("image")
        context["related_news"] = self.related_news()
        return context


class ShowcaseGalleryImage(Orderable):
    page = ParentalKey(CooperationShowcasePage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "media_library.CustomImage", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )

    panels = [FieldPanel("image")]


class ShowcaseNewsLink(Orderable):
    """A news article about the showcase; the article lists its showcases in turn."""

    page = ParentalKey(CooperationShowcasePage, on_delete=models.CASCADE, related_name="news_links")
    article = models.ForeignKey(
        "news.NewsArticlePage",
        on_delete=models.CASCADE,
        related_name="showcase_links",
        verbose_name=_("article"),
    )

    panels = [FieldPanel("article")]


def in_any_showcase(article):
    """Whether a showcase links to `article`. In a reader's request, from the set of linked
    articles kept for the generation (a showcase's links change when it is published)."""
    linked = kept_ids("articles-in-showcases", ShowcaseNewsLink.objects.values_list("article", flat=True))
    if linked is not None:
        return article.pk in linked
    return ShowcaseNewsLink.objects.filter(article=article).exists()
