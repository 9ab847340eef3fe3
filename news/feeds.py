"""RSS 2.0 and Atom feeds per language: all news, press releases only, and one per keyword.

The URLs live inside i18n_patterns, so /feeds/… is Chinese and /en/feeds/… English; an
English feed holds only articles with English and never falls back to Chinese text.
"""

import mimetypes

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext
from wagtail.models import Site

from website.addresses import absolute
from website.languages import HREFLANG, field_in, is_english_request

from .models import ArticleByline, Keyword, NewsArticlePage, NewsIndexPage

FEED_LENGTH = 20
# Bylines a feed names as the item's author; photographers and editors are left out.
AUTHOR_ROLES = (ArticleByline.Role.AUTHOR, ArticleByline.Role.REPORTER, ArticleByline.Role.CORRESPONDENT)


def organisation_name(request):
    from website.models import SiteSettings

    site = Site.find_for_request(request)
    if site is None:
        return ""
    return field_in(SiteSettings.for_site(site), "organisation_name", translation.get_language()) or ""


class ArticleFeed(Feed):
    """All published news in the request's language, newest first."""

    feed_type = Rss201rev2Feed
    url_name = "news_feed_rss"

    @classmethod
    def as_view(cls):
        """A view that makes a feed object per request: the feed keeps the request on itself."""

        def view(request, *args, **kwargs):
            return cls()(request, *args, **kwargs)

        return view

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return None

    def articles(self, obj):
        return NewsArticlePage.objects.for_listing()

    def items(self, obj):
        return self.articles(obj).prefetch_related("bylines__person")[:FEED_LENGTH]

    def section_title(self, obj):
        return gettext("News")

    def title(self, obj):
        name = organisation_name(self.request)
        section = self.section_title(obj)
        return f"{name}: {section}" if name else section

    def description(self, obj):
        return self.title(obj)

    subtitle = description  # Atom's name for it

    def link(self, obj):
        root = Site.find_for_request(self.request)
        index = NewsIndexPage.objects.live().descendant_of(root.root_page).first() if root else None
        return absolute(index.get_url(self.request) if index else "/")

    def feed_url(self, obj):
        return absolute(reverse(self.url_name, kwargs=self.url_kwargs(obj)))

    def url_kwargs(self, obj):
        return {}

    @property
    def language(self):
        return HREFLANG.get(translation.get_language(), translation.get_language())

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        # Absolute the way the page's canonical URL is: on the site's configured address.
        return absolute(item.get_url(self.request))

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.last_published_at or item.date

    def item_author_name(self, item):
        language = translation.get_language()
        names = [
            field_in(byline.person, "name", language)
            for byline in item.bylines.all()
            if byline.role in AUTHOR_ROLES
        ]
        return ", ".join(name for name in names if name) or None

    def item_categories(self, item):
        return [item.get_kind_display()]

    # The lead image at full resolution, as the item's enclosure.
    def item_enclosure_url(self, item):
        return absolute(item.lead_image.file.url) if item.lead_image else None

    def item_enclosure_length(self, item):
        return item.lead_image.file_size or 0

    def item_enclosure_mime_type(self, item):
        return mimetypes.guess_type(item.lead_image.file.name)[0] or "image/jpeg"


class PressReleaseFeed(ArticleFeed):
    url_name = "press_release_feed_rss"

    def articles(self, obj):
        return super().articles(obj).filter(kind=NewsArticlePage.Kind.PRESS_RELEASE)

    def section_title(self, obj):
        return gettext("Press releases")


class KeywordFeed(ArticleFeed):
    url_name = "keyword_feed_rss"

    def get_object(self, request, slug):
        keyword = get_object_or_404(Keyword, slug=slug)
        if is_english_request() and not keyword.has_english():
            raise Http404
        return keyword

    def articles(self, keyword):
        return super().articles(keyword).filter(keywords=keyword)

    def section_title(self, keyword):
        return field_in(keyword, "name", translation.get_language())

    def url_kwargs(self, keyword):
        return {"slug": keyword.slug}


class AtomMixin:
    feed_type = Atom1Feed


class ArticleAtomFeed(AtomMixin, ArticleFeed):
    url_name = "news_feed_atom"


class PressReleaseAtomFeed(AtomMixin, PressReleaseFeed):
    url_name = "press_release_feed_atom"


class KeywordAtomFeed(AtomMixin, KeywordFeed):
    url_name = "keyword_feed_atom"
