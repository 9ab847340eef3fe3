"""News: the news index, articles, and the people and keywords they are tagged with."""

from collections import Counter

from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.models import Filter
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from media_library.models import CustomRendition
from website.blocks import BodyBlock
from website.cache import ListedPages, keeping, kept, kept_ids, remembered
from website.cache_keys import related_keys
from website.cache_tags import add_keys
from website.languages import SECOND_LANGUAGE, field_in, has_text, is_english_request
from website.pages import BasePage, no_view_restrictions, public

from .keywords import ArticlePageForm, KeywordWidget

# The renditions of an article card's picture: the filter specs of components/article_card.html.
CARD_PICTURE_SPECS = Filter.expand_spec("fill-{480x270,960x540}|format-{webp,jpeg}")
# How many of each keyword's newest articles related articles are chosen from.
RELATED_CANDIDATES = 200
ARTICLES_PER_PAGE = 10


@register_snippet
class Person(index.Indexed, models.Model):
    """Someone named in a byline: author, reporter, correspondent, photographer."""

    name = models.CharField(_("name"), max_length=100)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("organisation")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Keyword(index.Indexed, models.Model):
    """A subject an article is tagged with; each keyword has its own page under the news index."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        help_text=_("Latin letters, digits and hyphens; the keyword page's address in both languages."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        ordering = ["slug"]

    def __str__(self):
        return self.name

    def has_english(self):
        return has_text(field_in(self, "name", SECOND_LANGUAGE))


class ArticleQuerySet(PageQuerySet):
    def for_listing(self):
        """Published articles a reader of the active language may see, newest first."""
        # Cards show the lead image: the renditions they use come in one query for the page,
        # not one per card, and not the image's other renditions (a dozen each).
        card_renditions = CustomRendition.objects.filter(filter_spec__in=CARD_PICTURE_SPECS)
        articles = (
            public(self.live())
            .select_related("lead_image")
            .prefetch_related(models.Prefetch("lead_image__renditions", queryset=card_renditions))
            .order_by("-date", "-pk")
        )
        if is_english_request():
            articles = articles.filter(has_english=True)
        return articles

    def for_cards(self):
        """`for_listing` without the bodies, which a card never shows (components/article_card.html):
        reading and decoding them was an eighth of a listing's time."""
        return self.for_listing().defer_streamfields()

    def for_lines(self):
        """`for_cards` without the pictures: a list of titles and dates (components/article_line.html)."""
        return self.for_cards().select_related(None).prefetch_related(None)


class ArticleManager(PageManager.from_queryset(ArticleQuerySet)):
    def for_listing(self):
        return self._built_once(ArticleQuerySet.for_listing)

    def for_cards(self):
        return self._built_once(ArticleQuerySet.for_cards)

    def for_lines(self):
        return self._built_once(ArticleQuerySet.for_lines)

    def _built_once(self, build):
        """`build`'s queryset, built once per process and language in a reader's request while
        no page is private, and copied for each list (a copy is a tenth of building it: a list's
        filters, joins and prefetch took a third of a millisecond, home builds two)."""
        if not no_view_restrictions():
            return build(self.get_queryset())
        key = (build.__name__, self.db, translation.get_language(), is_english_request())
        built = _BUILT.get(key)
        if built is None:
            built = _BUILT[key] = build(self.get_queryset())
        return built.all()


# ArticleManager's querysets, never evaluated themselves, only copied.
_BUILT = {}


class NewsIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    template = "news/news_index_page.html"
    site_map_children = False  # its items, not sections
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        return NewsArticlePage.objects.for_listing().child_of(self)

    def keyword_url(self, keyword, request=None):
        return self.get_url(request) + self.reverse_subpage("keyword", args=[keyword.slug])

    def listed_keywords(self):
        keywords = Keyword.objects.filter(articles__in=self.articles()).distinct().order_by("slug")
        return [k for k in keywords if not is_english_request() or k.has_english()]

    def sitemap_routes(self):
        """A keyword page for every keyword with an article here; in English when the keyword has English."""
        keywords = Keyword.objects.filter(articles__in=self.articles()).distinct().order_by("slug")
        return [(self.reverse_subpage("keyword", args=[k.slug]), k.has_english(), None) for k in keywords]

    def keyword_choices(self):
        """The keyword filter's choices as plain values, which a shared cache keeps safely
        across deployments (a pickled model instance may not be)."""
        return [{"slug": keyword.slug, "name": keyword.name} for keyword in self.listed_keywords()]

    def article_years(self):
        return [d.year for d in self.articles().order_by().datetimes("date", "year", order="DESC")]

    def remembered(self, name, compute):
        """`compute()` kept until the next publish (website.cache.remembered): the keywords
        and years of every article took 40 ms a request at 10,000 articles."""
        return remembered(f"news-index:{self.pk}:{translation.get_language()}:{name}", compute)

    def listed(self, articles):
        """A page of the section's articles read as ids (website.cache.ListedPages), to keep until
        one of them is published, unpublished, moved or deleted (which stamps the section's
        lists, `l<id>`) or a view restriction changes (the site's tag): the unfiltered index's
        pages read no article rows while their cards are kept."""
        add_keys(f"l{self.pk}")
        return ListedPages.of(articles)

    def paginate(self, request, articles, count=None):
        """A page of `articles`; `count`, if known, spares the paginator counting them."""
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        if count is not None:
            paginator.count = count
        return paginator.get_page(request.GET.get("page"))

    @path("")
    def index(self, request):
        articles = self.articles()
        keyword = None
        year = None
        keyword_slug = request.GET.get("keyword", "").strip()
        if keyword_slug:
            keyword = Keyword.objects.filter(slug=keyword_slug).first()
            articles = articles.filter(keywords=keyword) if keyword else articles.none()
        year_text = request.GET.get("year", "").strip()
        if year_text:
            year = int(year_text) if year_text.isdigit() else None
            articles = articles.filter(date__year=year) if year else articles.none()
        # The section's count kept until the next publish: at 10,000 articles counting them was
        # a third of the index's time. A listing filtered by the reader's choice counts afresh.
        filtered = bool(keyword_slug or year_text)
        count = None if filtered else self.remembered("count", articles.count)
        page = self.paginate(request, articles.defer_streamfields(), count)
        if not filtered:
            page.object_list = kept(
                f"news-index-page:{self.pk}:{translation.get_language()}:{page.number}",
                lambda: self.listed(page.object_list),
                tagged=True,
            )
        return self.render(
            request,
            context_overrides={
                "articles": page,
                "keywords": self.remembered("keywords", self.keyword_choices),
                "years": self.remembered("years", self.article_years),
                "selected_keyword": keyword_slug,
                "selected_year": year_text,
                "filtered": filtered,
            },
        )

    @path("keywords/<slug:slug>/", name="keyword")
    def keyword(self, request, slug):
        keyword = get_object_or_404(Keyword, slug=slug)
        if is_english_request() and not keyword.has_english():
            return self.serve_untranslated(request)
        articles = self.articles().filter(keywords=keyword)
        count = self.remembered(f"count:{keyword.slug}", articles.count)
        return self.render(
            request,
            template="news/keyword_page.html",
            context_overrides={
                "keyword": keyword,
                "articles": self.paginate(request, articles.defer_streamfields(), count),
                "route_path": {code: f"keywords/{slug}/" for code in ("zh-hans", "en")},
            },
        )


class NewsArticlePage(BasePage):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        PRESS_RELEASE = "press_release", _("Press release")
        FEATURE = "feature", _("Feature")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Two or three sentences; used in listings, feeds and search results."),
    )
    date = models.DateTimeField(_("date and time"), default=timezone.now, db_index=True)
    lead_image = models.ForeignKey(
        "media_library.CustomImage",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_publication = models.CharField(
        _("source publication"),
        max_length=200,
        blank=True,
        help_text=_("Where the story first appeared, for example a newspaper or magazine."),
    )
    source_issue = models.CharField(_("source issue"), max_length=100, blank=True)
    keywords = ParentalManyToManyField(
        Keyword, verbose_name=_("keywords"), blank=True, related_name="articles"
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    alerts_on_publish = models.BooleanField(
        _("email alert subscribers when published"),
        default=True,
        help_text=_(
            "Untick for a story that is not news when it goes out: an archive story brought in "
            "from an old site, a correction."
        ),
    )
    comments_enabled = models.BooleanField(
        _("readers may comment"),
        default=False,
        help_text=_("Comments are held for moderation; nothing appears until a moderator approves it."),
    )

    english_required_fields = ("title", "summary", "body")
    routed_with = ("lead_image",)

    # Indexed in both languages by the search backend (search.backend); ranked by the title
    # and the autocomplete fields (docs/search.md).
    search_fields = BasePage.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.AutocompleteField("subtitle"),
        index.AutocompleteField("summary"),
        index.SearchField("body"),
        index.SearchField("source_publication"),
        index.RelatedFields("keywords", [index.SearchField("name")]),
        index.RelatedFields("bylines", [index.RelatedFields("person", [index.SearchField("name")])]),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    search_date_field = "date"

    objects = ArticleManager()
    base_form_class = ArticlePageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("date"), FieldPanel("summary")], heading=_("Article")
        ),
        FieldPanel("lead_image"),
        InlinePanel("bylines", label=_("Byline")),
        MultiFieldPanel([FieldPanel("source_publication"), FieldPanel("source_issue")], heading=_("Source")),
        FieldPanel("keywords", widget=KeywordWidget),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("media_contacts", label=_("Media contact")),
                InlinePanel("attachments", label=_("Attachment")),
            ],
            heading=_("Press release"),
            help_text=_(
                "For press releases. To set an embargo, schedule publication "
                "(Settings: go-live date); nothing about the release is public before then."
            ),
        ),
        InlinePanel("related_links", label=_("Related articles")),
    ]
    settings_panels = BasePage.settings_panels + [
        FieldPanel("alerts_on_publish"),
        FieldPanel("comments_enabled"),
    ]

    # Wagtail's API v2 (website.api): what /api/v2/pages/?type=news.NewsArticlePage&fields=… offers.
    api_fields = [
        APIField("kind"),
        APIField("subtitle"),
        APIField("summary"),
        APIField("date"),
        APIField("lead_image", serializer=ImageRenditionField("width-1200|format-jpeg")),
        APIField("body"),
    ]

    template = "news/news_article_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-date"]

    @property
    def is_press_release(self):
        return self.kind == self.Kind.PRESS_RELEASE

    def release_time(self):
        """When the release went (or goes) public: the embargo time if publication was scheduled."""
        return self.go_live_at or self.first_published_at or self.date

    def visible_in_current_language(self):
        return self.has_english or not is_english_request()

    def visible_keywords(self, keywords=None):
        """The keywords a reader of the active language sees (English readers: those with English)."""
        keywords = self.keywords.all() if keywords is None else keywords
        return [k for k in keywords if not is_english_request() or k.has_english()]

    def related_articles(self, keywords=None, limit=3, cards=False):
        """Picked related articles, else the newest sharing most keywords, as the listing shows them.

        `keywords` saves a query where the caller has the article's keywords already. `cards`:
        as a list of cards reads them (website.cache.ListedPages), ids first.
        """
        listing = NewsArticlePage.objects.for_cards()

        def chosen(pks):
            return ListedPages.of(listing, pks, limit) if cards else in_order(listing, pks)[:limit]

        picked = list(self.related_links.values_list("article_id", flat=True)) if self.has_picks() else []
        if picked:
            return chosen(picked)
        if keywords is None:
            keywords = self.keywords.only("pk")
        shared = [keyword.pk for keyword in keywords]
        if not shared:
            return []
        add_keys(*related_keys(shared))  # renewed when an article under one is published
        # Only the newest articles sharing a keyword are ranked: counting shared keywords over
        # every article of a busy keyword took 90 ms a page at 10,000 articles. An article in
        # the lists of two of this article's keywords (in one query, on two rows) shares two.
        if keeping():
            rows = [row for keyword in shared for row in newest_with_keyword(keyword)]
        else:
            rows = listing.filter(keywords__in=shared).values_list("pk", "date")[:RELATED_CANDIDATES]
        shared_by = Counter(row for row in rows if row[0] != self.pk)
        ranked = sorted(shared_by, key=lambda row: (shared_by[row], row[1], row[0]), reverse=True)
        return chosen([pk for pk, date in ranked[:limit]])

    def has_picks(self):
        """Whether an editor picked this article's related articles. In a reader's request, from
        the set of such articles kept for the generation (the picks change when it is published)."""
        picking = kept_ids("articles-with-picks", RelatedArticle.objects.values_list("page", flat=True))
        return picking is None or self.pk in picking

    def get_context(self, request, *args, **kwargs):
        """The article's parts, each read when the template first shows it: a reader's page
        keeps the article per revision (website.cache.page_fragment), and then reads none."""
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        keywords = SimpleLazyObject(lambda: list(self.keywords.all()))
        context["news_index"] = index_page
        context["bylines"] = self.bylines.select_related("person")
        context["keyword_links"] = SimpleLazyObject(
            lambda: [(k, index_page.keyword_url(k, request)) for k in self.visible_keywords(keywords)]
        )
        context["related_articles"] = SimpleLazyObject(lambda: self.related_articles(keywords, cards=True))
        if self.is_press_release:
            context["media_contacts"] = SimpleLazyObject(
                lambda: [row.contact for row in self.media_contacts.select_related("contact")]
            )
            context["attachments"] = self.attachments.select_related("document")
        return context


def in_order(articles, pks):
    """The articles of `articles` whose ids are `pks`, in that order (those it leaves out skipped)."""
    # Unordered: the order is the caller's, and an ORDER BY costs Django more than the query.
    found = {article.pk: article for article in articles.filter(pk__in=pks).order_by()}
    return [found[pk] for pk in pks if pk in found]


def newest_with_keyword(keyword):
    """(id, date) of the newest articles under a keyword that a reader of the active language
    may see. Kept for the generation in a reader's request: every article sharing the keyword
    asks for the same list."""

    def newest():
        articles = NewsArticlePage.objects.for_listing().filter(keywords=keyword)
        return list(articles.values_list("pk", "date")[:RELATED_CANDIDATES])

    return kept(f"newest-with-keyword:{keyword}:{translation.get_language()}", newest)


class ArticleByline(Orderable):
    class Role(models.TextChoices):
        AUTHOR = "author", _("Author")
        REPORTER = "reporter", _("Reporter")
        CORRESPONDENT = "correspondent", _("Correspondent")
        PHOTOGRAPHER = "photographer", _("Photographer")
        EDITOR = "editor", _("Editor")

    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.AUTHOR)

    panels = [FieldPanel("person"), FieldPanel("role")]


class RelatedArticle(Orderable):
    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        NewsArticlePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )

    panels = [FieldPanel("article")]
