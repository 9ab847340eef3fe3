"""What an edge cache (Varnish, a CDN) may keep: public pages say so and name what they show;
staff, previews, embargo links, form pages, form posts and cookies never go to the edge
(website.cache_edge)."""

import pytest
from django.test import Client

from tests.factories import KeywordFactory, NewsArticlePageFactory
from tests.workflow.factories import StaffFactory
from website.languages import page_url_in, reverse_in
from workflow.roles import SITE_ADMINISTRATORS

PUBLIC = "public, max-age=60, s-maxage=86400"
PRIVATE = "private, no-store"


@pytest.fixture
def article(news_index):
    keyword = KeywordFactory(name_zh_hans="质子治疗", name_en="Proton therapy", slug="proton-therapy")
    return NewsArticlePageFactory(parent=news_index, title_en="Proton centre opens", keywords=[keyword])


def keys(response):
    return set(response["xkey"].split())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_public_article_may_be_kept_by_the_edge_and_names_what_it_shows(client, article, language):
    response = client.get(page_url_in(article, language))
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    keyword = article.keywords.get()
    assert {"site", f"p{article.pk}", f"k{keyword.pk}"} <= keys(response)
    assert f"l{article.get_parent().pk}" not in keys(response)  # it lists nothing
    assert set(response["Surrogate-Key"].split()) == keys(response)
    assert set(response["Cache-Tag"].split(",")) == keys(response)
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


@pytest.mark.django_db
def test_lists_name_their_section_and_the_pages_they_show(client, article):
    index = article.get_parent()
    listing = client.get(page_url_in(index, "en"))
    assert {f"p{index.pk}", f"l{index.pk}", f"p{article.pk}"} <= keys(listing)
    home = client.get(page_url_in(index.get_parent(), "zh-hans"))
    assert "lists" in keys(home)
    for url in (reverse_in("en", "news_feed_rss"), "/sitemap.xml"):
        feed = client.get(url)
        assert feed["Cache-Control"] == PUBLIC, url


@pytest.mark.django_db
def test_staff_never_get_an_edge_cacheable_page(client, article):
    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    response = client.get(page_url_in(article, "en"))
    assert response["Cache-Control"] == PRIVATE
    assert "xkey" not in response and "Surrogate-Key" not in response
    assert "private" in client.get("/admin/")["Cache-Control"]  # Wagtail says never_cache


@pytest.mark.django_db
def test_embargo_links_form_pages_and_posts_stay_private(settings, article):
    reader = Client()
    embargo_link = reverse_in("zh-hans", "embargo_preview", args=["not-a-token"])
    assert reader.get(embargo_link)["Cache-Control"] == PRIVATE
    article.comments_enabled = True
    article.save_revision().publish()
    # A page with a form holds the reader's own CSRF token: the app caches it, the edge does not.
    form_page = reader.get(page_url_in(article, "en"))
    assert form_page.status_code == 200
    assert form_page["Cache-Control"] == PRIVATE
    again = reader.get(page_url_in(article, "en"))  # with the CSRF cookie, no new one set
    assert again["Cache-Control"] == PRIVATE
    posted = reader.post(page_url_in(article, "en"), {})
    assert "public" not in posted.get("Cache-Control", "")


@pytest.mark.django_db
def test_a_missing_page_is_not_kept(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.django_db
def test_the_app_caches_hit_names_what_the_page_shows_as_its_miss_did(page_cache, client, article):
    """Kept objects and the stored page carry the tags of what they were made from."""
    url = page_url_in(article, "zh-hant")
    miss, hit = client.get(url), client.get(url)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert keys(hit) == keys(miss)
    assert {f"i{article.lead_image_id}", "settings", "glossary", "site"} <= keys(hit)
    assert "lists" not in keys(hit)  # an article lists nothing: a publish elsewhere leaves it
    other = client.get(page_url_in(article, "en"))  # the site, settings and menu now kept
    assert {f"p{article.pk}", "settings", f"i{article.lead_image_id}"} <= keys(other)
