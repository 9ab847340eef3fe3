"""The home page, standard pages (about, investor guide, contact) and the site-wide settings."""

import copy

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from website.blocks import BodyBlock, KeyFigureBlock
from website.cache import keeping, kept
from website.pages import BasePage
from workflow import gate
from workflow.fields import ChoiceListField


class HomePage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)
    key_figures = StreamField([("figure", KeyFigureBlock())], verbose_name=_("key figures"), blank=True)

    english_required_fields = ("title", "intro")

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("key_figures"),
        InlinePanel("featured_stories", label=_("Featured stories"), max_num=6),
    ]

    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "news.NewsroomPage",
        "home.StandardPage",
        "policies.PolicyIndexPage",
        "policies.PolicyListPage",
        "cooperation.CooperationIndexPage",
        "participation.InquiryPage",
        "participation.StorySubmissionPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from news.models import NewsArticlePage, NewsIndexPage

        context = super().get_context(request, *args, **kwargs)
        featured = [
            item.article
            for item in self.featured_stories.select_related("article", "article__lead_image")
            if item.article.live
        ]
        latest = NewsArticlePage.objects.for_listing().exclude(pk__in=[article.pk for article in featured])
        context["featured_stories"] = [a for a in featured if a.visible_in_current_language()]
        context["latest_stories"] = latest[:6]
        context["news_index"] = self.get_children().type(NewsIndexPage).live().first()
        return context


class HomeFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    article = models.ForeignKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )

    panels = [FieldPanel("article")]


class StandardPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    english_required_fields = ("title", "body")

    # The search ranks by the title and the autocomplete fields (docs/search.md).
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.AutocompleteField("intro"),
        index.SearchField("body"),
    ]

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "participation.StorySubmissionPage"]

    class Meta:
        verbose_name = _("standard page")


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=40, help_text=_("For example WeChat or LinkedIn"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(_("organisation name"), max_length=200)
    logo = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    press_boilerplate = RichTextField(
        _("press boilerplate"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("About the organisation, printed at the end of press releases."),
    )
    social_links = StreamField([("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True)
    icp_number = models.CharField(
        _("ICP filing number"),
        max_length=100,
        blank=True,
        help_text=_("Shown in the footer with a link to the MIIT filing system."),
    )
    public_security_number = models.CharField(_("public-security filing number"), max_length=100, blank=True)
    public_security_code = models.CharField(
        _("public-security record code"),
        max_length=30,
        blank=True,
        help_text=_("The digits only, used for the link to the filing record."),
    )
    english_gate = ChoiceListField(
        _("complete English required before final approval"),
        item_choices=gate.GATE_CHOICES,
        default=gate.default_gate,
        blank=True,
        help_text=_(
            "The final review refuses to approve pages of these kinds while any of their English is missing."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("logo"), FieldPanel("press_boilerplate")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("social_links")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("icp_number"),
                FieldPanel("public_security_number"),
                FieldPanel("public_security_code"),
            ],
            heading=_("Registration numbers"),
        ),
        MultiFieldPanel([FieldPanel("english_gate")], heading=_("Editorial workflow")),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        """Wagtail's, with the row, the logo and its pictures kept for the generation in a
        reader's request (website.cache.kept): two queries and two cache round trips a page.

        Each request gets its own copy, because Wagtail's ``for_request`` marks it with the request.
        """
        if site is None or not keeping():
            return super().for_site(site)
        load = super().for_site
        return copy.copy(kept(f"site-settings:{site.pk}", lambda: cls.with_pictures(load(site))))

    @staticmethod
    def with_pictures(site_settings):
        prefetch_related_objects([site_settings], "logo__renditions")
        return site_settings
