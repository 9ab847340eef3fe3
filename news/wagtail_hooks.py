"""Admin wiring of the news: the keyword field's suggestions (news.keywords)."""

from django.urls import path
from wagtail import hooks

from . import keywords


@hooks.register("register_admin_urls")
def register_keyword_autocomplete():
    return [path("news/keywords/autocomplete/", keywords.autocomplete, name="news_keyword_autocomplete")]
