"""og:image on every page: the page's own picture, else the site's default, else the logo,
always a 1200 × 630 JPEG at an absolute address."""

import pytest
from django.core.cache import caches
from wagtail.models import Site

from website.languages import page_url_in
from website.models import SiteSettings

from ..factories import ImageFactory, NewsArticlePageFactory
from ..html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_remembered_renditions():
    """Wagtail keeps renditions in a cache that outlives each test's database: image 1 of an
    earlier test would answer for image 1 here."""
    for cache in caches.all():
        cache.clear()


def og(response):
    page = parse(response)
    found = {tag["property"]: tag["content"] for tag in page.select("meta[property^='og:image']")}
    return found


def set_site_images(share=None, logo=None):
    site_settings = SiteSettings.objects.get(site=Site.objects.get(is_default_site=True))
    site_settings.share_image = share
    site_settings.logo = logo
    site_settings.save()


def test_a_page_without_a_picture_shares_the_site_default_in_both_languages(client, news_index):
    default = ImageFactory()
    set_site_images(share=default, logo=ImageFactory())

    for url in ("/", "/en/", "/xinwen/", "/en/news/"):
        found = og(client.get(url))
        assert found["og:image"].startswith("http://testserver/"), url
        assert (found["og:image:width"], found["og:image:height"]) == ("1200", "630"), url
        assert default.renditions.filter(file__endswith=found["og:image"].rsplit("/", 1)[1]).exists(), url


def test_an_article_shares_its_lead_image_and_the_logo_is_the_last_resort(client, news_index):
    lead = ImageFactory()
    article = NewsArticlePageFactory(parent=news_index, lead_image=lead)
    set_site_images(logo=ImageFactory())
    logo = SiteSettings.objects.get().logo

    response = client.get(page_url_in(article, "en"))
    assert response.status_code == 200
    found = og(response)
    assert lead.renditions.filter(file__endswith=found["og:image"].rsplit("/", 1)[1]).exists()

    found = og(client.get("/en/"))
    assert logo.renditions.filter(file__endswith=found["og:image"].rsplit("/", 1)[1]).exists()


def test_no_image_at_all_gives_no_og_image(client, news_index):
    set_site_images()
    assert og(client.get("/en/")) == {}
