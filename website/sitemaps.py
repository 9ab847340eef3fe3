"""sitemap.xml (every published page once per language, with hreflang alternates) and robots.txt.

A page without English appears only in Chinese and carries no alternates; a page in both
languages appears twice, each entry listing both languages and x-default (the Chinese URL),
as Google's hreflang rules ask.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .languages import HREFLANG, SECOND_LANGUAGE, SOURCE_LANGUAGE, page_url_in
from .pages import public


class PageSitemap(Sitemap):
    def __init__(self, request):
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        return (
            public(site.root_page.get_descendants(inclusive=True).live())
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            languages = [SOURCE_LANGUAGE]
            if getattr(item, "has_english", True):
                languages.append(SECOND_LANGUAGE)
            locations = {
                code: self.request.build_absolute_uri(page_url_in(item, code, self.request))
                for code in languages
            }
            alternates = []
            if len(languages) > 1:
                alternates = [
                    {"lang_code": HREFLANG[code], "location": url} for code, url in locations.items()
                ]
                alternates.append({"lang_code": "x-default", "location": locations[SOURCE_LANGUAGE]})
            lastmod = item.last_published_at or item.latest_revision_created_at
            for code in languages:
                urls.append(
                    {"item": item, "location": locations[code], "lastmod": lastmod, "alternates": alternates}
                )
        return urls


@require_GET
def sitemap(request):
    return sitemap_view(request, sitemaps={"pages": PageSitemap(request)})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
