"""The read-only JSON API (Wagtail's API v2): published, public pages in one language per address.

/api/v2/pages/ answers in Chinese, /zh-hant/api/v2/pages/ in Traditional Chinese (the Chinese
answer converted, website.traditional) and /en/api/v2/pages/ in English. The English API lists
only pages that have English and never falls back to Chinese, like the English site.
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import get_page_models

from .addresses import absolute
from .languages import SECOND_LANGUAGE, SOURCE_LANGUAGE
from .pages import BasePage


class SiteAddressHtmlUrlField(PageHtmlUrlField):
    """`meta.html_url` on the site's configured address (SITE_URL), not on the Site record's
    hostname, which a fresh install leaves at `localhost`."""

    def to_representation(self, page):
        parts = page.get_url_parts(self.context.get("request"))
        return absolute(parts[2]) if parts else None


class SiteAddressPageSerializer(PageSerializer):
    html_url = SiteAddressHtmlUrlField(read_only=True)


class LanguagePagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = SiteAddressPageSerializer
    language = SOURCE_LANGUAGE

    def get_base_queryset(self):
        # Wagtail's own rule: live pages, not behind a view restriction, on the requested site.
        pages = super().get_base_queryset()
        if self.language == SOURCE_LANGUAGE:
            return pages
        for model in get_page_models():
            if issubclass(model, BasePage) and not model._meta.abstract:
                pages = pages.exclude(pk__in=model.objects.filter(has_english=False).values("pk"))
        return pages


class EnglishPagesAPIViewSet(LanguagePagesAPIViewSet):
    language = SECOND_LANGUAGE


chinese_api = WagtailAPIRouter("api_zh_hans")
chinese_api.register_endpoint("pages", LanguagePagesAPIViewSet)
traditional_api = WagtailAPIRouter("api_zh_hant")
traditional_api.register_endpoint("pages", LanguagePagesAPIViewSet)
english_api = WagtailAPIRouter("api_en")
english_api.register_endpoint("pages", EnglishPagesAPIViewSet)

api_patterns = [
    path("api/v2/", chinese_api.urls),
    path("zh-hant/api/v2/", traditional_api.urls),
    path("en/api/v2/", english_api.urls),
]
