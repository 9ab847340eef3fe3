"""The news app's URLs outside the page tree: feeds (inside i18n_patterns, one set per language)."""

from django.urls import path

from . import alerts, feeds, preview

feed_patterns = [
    path("feeds/news.rss", feeds.ArticleFeed.as_view(), name="news_feed_rss"),
    path("feeds/news.atom", feeds.ArticleAtomFeed.as_view(), name="news_feed_atom"),
    path("feeds/press-releases.rss", feeds.PressReleaseFeed.as_view(), name="press_release_feed_rss"),
    path("feeds/press-releases.atom", feeds.PressReleaseAtomFeed.as_view(), name="press_release_feed_atom"),
    path("feeds/keywords/<slug:slug>.rss", feeds.KeywordFeed.as_view(), name="keyword_feed_rss"),
    path("feeds/keywords/<slug:slug>.atom", feeds.KeywordAtomFeed.as_view(), name="keyword_feed_atom"),
]

# For journalists: embargo preview links (news.preview), inside i18n_patterns too.
journalist_patterns = [
    path("embargo/<str:token>/", preview.embargo_preview_view, name="embargo_preview"),
    path("alerts/", alerts.subscribe_view, name="alerts_subscribe"),
    path("alerts/confirm/<str:token>/", alerts.confirm_view, name="alerts_confirm"),
    path("alerts/unsubscribe/<str:key>/", alerts.unsubscribe_view, name="alerts_unsubscribe"),
]
