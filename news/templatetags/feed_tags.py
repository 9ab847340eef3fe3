"""Template tags of the newsroom: the feeds a page offers, for the page head and for readers."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext

register = template.Library()

FEED_TYPES = (("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom"))


@register.simple_tag(takes_context=True)
def feeds_of_page(context):
    """The feeds in the active language: all news, press releases, and the keyword's feed on a keyword page.

    Each is {"title", "url", "type", "format"}; URLs are reversed inside the active language,
    so an English page offers the English feeds.
    """
    feeds = []
    sections = [("news_feed", {}, gettext("News")), ("press_release_feed", {}, gettext("Press releases"))]
    keyword = context.get("keyword")
    if keyword is not None and getattr(keyword, "slug", None):
        sections.append(("keyword_feed", {"slug": keyword.slug}, keyword.name))
    for name, kwargs, title in sections:
        for suffix, mime_type, label in FEED_TYPES:
            feeds.append(
                {
                    "title": f"{title} ({label})",
                    "url": reverse(f"{name}_{suffix}", kwargs=kwargs),
                    "type": mime_type,
                    "format": label,
                    "section": title,
                }
            )
    return feeds


@register.inclusion_tag("news/feed_autodiscovery.html", takes_context=True)
def feed_autodiscovery(context):
    """<link rel="alternate"> to the page's feeds, so feed readers find them from any page."""
    return {"feeds": feeds_of_page(context)}
