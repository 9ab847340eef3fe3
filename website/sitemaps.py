"""sitemap.xml (every published page and its listed sub-routes, such as keyword pages and policy
entries, once per language, with hreflang alternates) and robots.txt.

A page without English appears only in Chinese and carries no alternates; a page in both
languages appears twice, each entry listing both languages and x-default (the Chinese URL),
as Google's hreflang rules ask.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .addresses import absolute
from .languages import HREFLANG, SECOND_LANGUAGE, SOURCE_LANGUAGE, page_url_in, reverse_in
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
            english = getattr(item, "has_english", True)
            page_urls = {code: page_url_in(item, code, self.request) for code in languages(english)}
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls += self.entries(item, page_urls, lastmod)
            for route, route_english, route_lastmod in item.sitemap_routes():
                route_urls = {
                    code: url.rstrip("/") + "/" + route.lstrip("/")
                    for code, url in page_urls.items()
                    if code in languages(route_english)
                }
                urls += self.entries(item, route_urls, route_lastmod or lastmod)
        return urls

    def entries(self, item, urls, lastmod):
        return entries(item, urls, lastmod)


class ViewSitemap(Sitemap):
    """Named views outside the page tree that readers browse, in every language: the site map page."""

    views = ["site_map"]

    def items(self):
        return self.views

    def _urls(self, page, protocol, domain):
        urls = []
        for name in self.paginator.page(page).object_list:
            urls += entries(name, {code: reverse_in(code, name) for code in languages(True)}, None)
        return urls


def entries(item, urls, lastmod):
    """One <url> per language of one address, each naming every language and x-default."""
    locations = {code: absolute(url) for code, url in urls.items() if url}
    alternates = []
    if len(locations) > 1:
        alternates = [
            {"lang_code": HREFLANG.get(code, code), "location": url} for code, url in locations.items()
        ]
        alternates.append({"lang_code": "x-default", "location": locations[SOURCE_LANGUAGE]})
    return [
        {"item": item, "location": location, "lastmod": lastmod, "alternates": alternates}
        for location in locations.values()
    ]


def languages(english):
    """The site's languages an address exists in: all of them, English only when it has English."""
    return [code for code, _name in settings.LANGUAGES if code != SECOND_LANGUAGE or english]


@require_GET
def sitemap(request):
    return sitemap_view(request, sitemaps={"pages": PageSitemap(request), "views": ViewSitemap()})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {absolute(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
