"""Every public image is responsive and keeps its place while loading: a <picture> with WebP or
AVIF sources before a JPEG/PNG fallback, width-described srcsets with sizes, width and height
on the <img>, alt text, and lazy loading everywhere but the first image a reader sees."""

import pytest
from wagtail.models import Site

from cooperation.models import ShowcaseGalleryImage
from home.models import HomeFeaturedStory
from website.models import SiteSettings

from ..cooperation.factories import CooperationIndexPageFactory, CooperationShowcasePageFactory
from ..factories import ImageFactory, NewsArticlePageFactory, body
from ..html import parse

pytestmark = pytest.mark.django_db

MODERN_TYPES = {"image/avif", "image/webp"}
FALLBACK_EXTENSIONS = (".jpg", ".jpeg", ".png")


@pytest.fixture
def logo(home):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = ImageFactory(file__width=600, file__height=192)
    settings.save()
    return settings.logo


@pytest.fixture
def article(home, news_index, logo):
    """An article with a lead image, a figure and a gallery in its body, among other articles."""
    for _ in range(3):
        NewsArticlePageFactory(parent=news_index)
    story = body("The proton therapy centre opened.") + [
        ("image", {"image": ImageFactory(), "caption": ""}),
        ("gallery", [ImageFactory(), ImageFactory()]),
    ]
    article = NewsArticlePageFactory(parent=news_index, body_zh_hans=story, body_en=story)
    HomeFeaturedStory.objects.create(page=home, article=article)
    return article


def pictures(response):
    assert response.status_code == 200
    return parse(response).find_all("picture")


def width_described(srcset):
    """Each candidate names its width ("a.webp 400w"), so `sizes` lets the browser pick."""
    return bool(srcset) and all(candidate.split()[-1].endswith("w") for candidate in srcset.split(","))


def assert_responsive(picture, decorative=False):
    sources = picture.find_all("source")
    image = picture.find("img")
    assert {source["type"] for source in sources} & MODERN_TYPES, picture
    assert image["src"].lower().endswith(FALLBACK_EXTENSIONS), picture  # what every browser shows
    assert image.get("width") and image.get("height"), picture
    assert image.has_attr("alt") and (decorative or image["alt"]), picture
    for element in [*sources, image]:
        if width_described(element.get("srcset")):
            assert element.get("sizes"), element


def is_logo(picture):
    return "site-brand__logo" in picture.img.get("class", [])


def content_pictures(response):
    """The pictures in the page's content (not the site logo), each checked for responsiveness."""
    found = []
    for picture in pictures(response):
        assert_responsive(
            picture, decorative=is_logo(picture) or "card__image" in picture.parent.get("class", [])
        )
        if not is_logo(picture):
            assert width_described(picture.img.get("srcset")), picture
            found.append(picture)
    return found


def test_article_lead_image_loads_first_and_the_rest_lazily(client, article):
    for url in (article.url, f"/en/news/{article.slug_en}/"):
        lead, figure, *gallery = content_pictures(client.get(url))

        assert "figure--lead" in lead.parent.get("class", [])
        assert lead.img.get("loading") != "lazy" and lead.img["fetchpriority"] == "high"
        assert "image/avif" in {source["type"] for source in lead.find_all("source")}
        assert len(gallery) == 2
        for picture in [figure, *gallery]:
            assert picture.img["loading"] == "lazy"


def test_listing_cards_are_lazy_pictures(client, article):
    for url in ("/", "/xinwen/", "/en/", "/en/news/"):
        cards = content_pictures(client.get(url))

        assert cards, url
        for card in cards:
            assert card.img["loading"] == "lazy" and card.img["alt"] == ""  # the card's title says it


def test_the_logo_is_a_picture_loaded_at_once(client, article):
    [logo] = [picture for picture in pictures(client.get("/en/")) if is_logo(picture)]

    assert_responsive(logo, decorative=True)
    assert logo.img.get("loading") != "lazy"


def test_showcase_gallery_is_lazy_pictures(client, home):
    index = CooperationIndexPageFactory(parent=home)
    showcase = CooperationShowcasePageFactory(parent=index)
    for _ in range(2):
        ShowcaseGalleryImage.objects.create(page=showcase, image=ImageFactory())

    gallery = content_pictures(client.get(showcase.url))

    assert len(gallery) == 2
    for picture in gallery:
        assert picture.img["loading"] == "lazy"


def test_a_rendition_found_in_the_cache_is_not_written_back(home, django_assert_num_queries):
    """Wagtail writes every rendition it finds back to the cache; ours write only what was not
    there (media_library.models), which saves the article two round trips to Redis."""
    from media_library.models import CustomImage, CustomRendition

    image = ImageFactory()
    made = image.get_renditions("width-400", "format-webp|width-400")
    writes = []
    backend = CustomRendition.cache_backend
    write_many, write_one = backend.set_many, backend.set

    def count_many(data, *args, **kwargs):
        writes.extend(data)
        return write_many(data, *args, **kwargs)

    def count_one(key, *args, **kwargs):
        writes.append(key)
        return write_one(key, *args, **kwargs)

    backend.set_many, backend.set = count_many, count_one
    try:
        fresh = CustomImage.objects.get(pk=image.pk)
        with django_assert_num_queries(0):
            found = fresh.get_renditions("width-400", "format-webp|width-400")
            one = fresh.get_rendition("width-400")
    finally:
        backend.set_many, backend.set = write_many, write_one
    assert writes == []
    assert {spec: r.pk for spec, r in found.items()} == {spec: r.pk for spec, r in made.items()}
    assert one.pk == made["width-400"].pk
    assert found["width-400"].image is fresh
