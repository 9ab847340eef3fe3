"""The news app's URLs outside the page tree: feeds (inside i18n_patterns, one set per language)."""

from django.urls import path

from . import feeds

feed_patterns = [
    path("feeds/news.rss", feeds.ArticleFeed.as_view(), name="news_feed_rss"),
    path("feeds/news.atom", feeds.ArticleAtomFeed.as_view(), name="news_feed_atom"),
    path("feeds/press-releases.rss", feeds.PressReleaseFeed.as_view(), name="press_release_feed_rss"),
    path("feeds/press-releases.atom", feeds.PressReleaseAtomFeed.as_view(), name="press_release_feed_atom"),
    path("feeds/keywords/<slug:slug>.rss", feeds.KeywordFeed.as_view(), name="keyword_feed_rss"),
    path("feeds/keywords/<slug:slug>.atom", feeds.KeywordAtomFeed.as_view(), name="keyword_feed_atom"),
]
