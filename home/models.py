"""The home page and standard pages (about, investor guide, contact)."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from website.blocks import BodyBlock, KeyFigureBlock
from website.cache import ListedPages, kept
from website.cache_tags import LISTS_KEY, add_keys
from website.languages import is_english_request
from website.pages import BasePage


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
        "newsroom.NewsroomPage",
        "home.StandardPage",
        "policies.PolicyIndexPage",
        "policies.PolicyListPage",
        "cooperation.CooperationIndexPage",
        "investment.InvestmentMapPage",
        "investment.PublicationLibraryPage",
        "events.EventIndexPage",
        "participation.InquiryPage",
        "participation.StorySubmissionPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from news.models import NewsIndexPage

        context = super().get_context(request, *args, **kwargs)
        # The language too: the rows' `load` builds its pages in the language it was made in.
        edition = f"{self.pk}:{translation.get_language()}:{is_english_request()}"
        featured = kept(f"home-featured:{edition}", self.featured_rows, tagged=True)
        picked = tuple(article.pk for article in featured)
        context["featured_stories"] = featured
        context["latest_stories"] = kept(
            f"home-latest:{edition}:{picked}",
            lambda: self.latest_rows(picked),
            tagged=True,
        )
        context["news_index"] = kept(
            f"news-index-of:{self.pk}",
            lambda: self.get_children().type(NewsIndexPage).live().first(),
            tagged=True,
        )
        return context

    def featured_rows(self):
        """The featured articles as cards read them (no bodies), which also leaves out those not
        live, private or, for an English reader, without English (website.cache.ListedPages).

        Kept in each process until a tag changes (`kept`): the picks are the home page's own, and
        publishing it renews everything (it is in the menu); a picked article's publish,
        unpublish, move or deletion stamps its own tag, and a view restriction the site's.
        """
        from news.models import NewsArticlePage

        picked = list(self.featured_stories.values_list("article_id", flat=True))
        add_keys(*(f"p{pk}" for pk in picked))
        if not picked:
            return ListedPages([], None)
        return ListedPages.of(NewsArticlePage.objects.for_cards(), picked)

    def latest_rows(self, picked):
        """The six newest articles besides the picks, as lines read them. Kept until a tag
        changes: any page's publish, unpublish, move or deletion stamps `lists`, a view
        restriction the site's."""
        from news.models import NewsArticlePage

        add_keys(LISTS_KEY)
        return ListedPages.of(NewsArticlePage.objects.for_lines().exclude(pk__in=picked)[:6])


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
