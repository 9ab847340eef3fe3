"""The app's page cache renews exactly the pages showing what changed (website.cache_tags,
website.cache_keys): after an edit in the admin, the pages showing the article, image, person
or settings miss and show the change in every edition; every other page is still a hit,
answered without a database query."""

import pytest

from tests.factories import ImageFactory, KeywordFactory, NewsArticlePageFactory, PersonFactory
from tests.html import parse
from tests.production.test_page_cache import publish_edit
from tests.workflow.factories import site_settings_form_data
from website.languages import page_url_in
from website.traditional import convert_text

LANGUAGES = ("zh-hans", "zh-hant", "en")


@pytest.fixture
def two_articles(news_index):
    """An article with a byline and its own picture, and another sharing nothing with it."""
    from wagtail.models import Collection

    person = PersonFactory(name_zh_hans="王记者", name_en="Wang Wei")
    picture = ImageFactory(collection=Collection.get_first_root_node())  # where editors' rights are
    shown = NewsArticlePageFactory(
        parent=news_index,
        title_zh_hans="质子中心开业",
        title_en="Proton centre opens",
        keywords=[KeywordFactory()],
        bylines=[(person, "reporter")],
        lead_image=picture,
    )
    unrelated = NewsArticlePageFactory(parent=news_index, title_en="Unrelated story")
    return {"index": news_index, "shown": shown, "unrelated": unrelated, "person": person}


def urls_of(*pages):
    return [page_url_in(page, language) for page in pages for language in LANGUAGES]


def warm(reader, urls):
    for url in urls:
        reader.get(url)
        assert reader.get(url)["X-Cache"] == "hit", url


def assert_still_cached(reader, urls, django_assert_num_queries):
    for url in urls:
        with django_assert_num_queries(0):
            response = reader.get(url)
        assert (response.status_code, response["X-Cache"]) == (200, "hit"), url


def assert_renewed(reader, urls, *texts):
    """Each url misses and shows one of `texts` (the Simplified ones as the Traditional edition has them)."""
    texts = [*texts, *(convert_text(text) for text in texts)]
    for url in urls:
        response = reader.get(url)
        assert response["X-Cache"] == "miss", url
        html = response.content.decode()
        assert any(text in html for text in texts), url


def admin_form(client, url, holding):
    """The fields of the admin's edit form at `url` (the form holding the field `holding`),
    as the editor's browser would send them."""
    response = client.get(url)
    assert response.status_code == 200, url
    form = parse(response).select_one(f"[name={holding}]").find_parent("form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        kind = field.get("type", "")
        if kind in ("file", "submit", "button") or (
            kind in ("checkbox", "radio") and not field.has_attr("checked")
        ):
            continue
        if field.name == "textarea":
            data[field["name"]] = field.get_text()
        elif field.name == "select":
            data[field["name"]] = [option.get("value", "") for option in field.select("option[selected]")]
        else:
            data[field["name"]] = field.get("value", "")
    return data


@pytest.mark.django_db
def test_publishing_an_article_leaves_unrelated_pages_in_the_cache(
    page_cache,
    two_articles,
    site_admin,
    reader,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    shown, index = two_articles["shown"], two_articles["index"]
    affected = urls_of(shown, index, index.get_parent())
    unaffected = urls_of(two_articles["unrelated"])
    warm(reader, affected + unaffected)

    with django_capture_on_commit_callbacks(execute=True):
        publish_edit(site_admin, shown, title_zh_hans="质子中心正式开业", title_en="Proton centre now open")

    assert_renewed(reader, affected, "质子中心正式开业", "Proton centre now open")
    assert_still_cached(reader, unaffected, django_assert_num_queries)


@pytest.mark.django_db
def test_editing_a_picture_renews_exactly_the_pages_showing_it(
    page_cache,
    two_articles,
    site_admin,
    reader,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    shown, unrelated = two_articles["shown"], two_articles["unrelated"]
    affected, unaffected = urls_of(shown), urls_of(unrelated)
    warm(reader, affected + unaffected)

    url = f"/admin/images/{shown.lead_image.pk}/"
    data = admin_form(site_admin, url, holding="caption_en")
    data.update(caption_zh_hans="新的图片说明", caption_en="A new caption")
    with django_capture_on_commit_callbacks(execute=True):
        assert site_admin.post(url, data).status_code == 302

    assert_renewed(reader, affected, "新的图片说明", "A new caption")
    assert_still_cached(reader, unaffected, django_assert_num_queries)


@pytest.mark.django_db
def test_renaming_a_person_renews_the_articles_with_their_byline_only(
    page_cache,
    two_articles,
    site_admin,
    reader,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    shown, unrelated, person = two_articles["shown"], two_articles["unrelated"], two_articles["person"]
    affected, unaffected = urls_of(shown), urls_of(unrelated)
    warm(reader, affected + unaffected)

    with django_capture_on_commit_callbacks(execute=True):
        response = site_admin.post(
            f"/admin/snippets/news/person/edit/{person.pk}/",
            {"name_zh_hans": "王伟", "name_en": "Wang Wei (Xinhua)"},
        )
    assert response.status_code == 302

    assert_renewed(reader, affected, "王伟", "Wang Wei (Xinhua)")
    assert_still_cached(reader, unaffected, django_assert_num_queries)


@pytest.mark.django_db
def test_the_site_settings_every_page_shows_renew_every_page(
    page_cache, two_articles, site_admin, reader, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    urls = urls_of(two_articles["shown"], two_articles["unrelated"], two_articles["index"])
    warm(reader, urls)
    site = Site.objects.get(is_default_site=True)
    with django_capture_on_commit_callbacks(execute=True):
        site_admin.post(
            f"/admin/settings/website/sitesettings/{site.pk}/",
            site_settings_form_data("新区医学中心", "New Centre"),
        )
    assert_renewed(reader, urls, "新区医学中心", "New Centre")


@pytest.mark.django_db
def test_a_page_rendered_before_a_change_is_stale_and_a_lost_stamp_counts_as_a_change(
    page_cache, two_articles, reader
):
    """A render that began before the change may have read what it replaced."""
    from django.core.cache import cache

    from website import cache_tags

    url = page_url_in(two_articles["unrelated"], "en")
    started = cache_tags.read_clock()
    assert cache_tags.fresh({"p1", "site"}, started)
    cache_tags.stamp({"p1"})
    assert not cache_tags.fresh({"p1", "site"}, started)
    assert cache_tags.fresh({"site"}, started)
    # A tag the cache lost may have changed: pages stored before its loss are not fresh.
    cache.delete(cache_tags.TAG_PREFIX + "site")
    cache_tags.stamp({"other"})
    assert not cache_tags.fresh({"site"}, started)
    assert reader.get(url)["X-Cache"] == "miss"
    assert reader.get(url)["X-Cache"] == "hit"


@pytest.mark.django_db
def test_publishing_a_cooperation_project_renews_the_articles_it_newly_links(
    page_cache, two_articles, home, reader, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """The article lists the projects linking it, though it never loaded this one before."""
    from cooperation.models import ShowcaseNewsLink
    from tests.cooperation.factories import CooperationIndexPageFactory, CooperationShowcasePageFactory

    showcase = CooperationShowcasePageFactory(parent=CooperationIndexPageFactory(parent=home))
    shown, unrelated = two_articles["shown"], two_articles["unrelated"]
    affected, unaffected = urls_of(shown), urls_of(unrelated)
    warm(reader, affected + unaffected)

    with django_capture_on_commit_callbacks(execute=True):
        showcase.news_links.add(ShowcaseNewsLink(article=shown))
        showcase.save_revision().publish()

    assert_renewed(reader, affected, 'id="linked-showcases-heading"')
    assert_still_cached(reader, unaffected, django_assert_num_queries)
