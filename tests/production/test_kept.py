"""What every page needs and only a publish changes (the site, its settings, the sections routing
passes through, which pages are private, which articles have picks or showcases) is kept in each
process for the cache's generation (website.cache.kept): a reader's page the page cache misses
asks the database only about itself, and a change shows at the next request all the same."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cooperation.models import ShowcaseNewsLink
from news.models import RelatedArticle
from tests.cooperation.factories import CooperationIndexPageFactory, CooperationShowcasePageFactory
from tests.factories import KeywordFactory, NewsArticlePageFactory, NewsIndexPageFactory
from tests.html import parse
from tests.workflow.factories import site_settings_form_data
from website import cache as website_cache
from website.languages import page_url_in

pytestmark = pytest.mark.django_db
LANGUAGES = ("zh-hans", "en")
# Tables a reader's article no longer asks about once they are kept.
KEPT_TABLES = (
    "wagtailcore_site",
    "website_sitesettings",
    "wagtailcore_pageviewrestriction",
    "cooperation_showcasenewslink",
    "news_relatedarticle",
)


@pytest.fixture
def story(news_index):
    keyword = KeywordFactory(name_zh_hans="质子治疗", name_en="Proton therapy", slug="proton-therapy")
    article = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="质子中心开业", title_en="Proton centre opens", keywords=[keyword]
    )
    neighbour = NewsArticlePageFactory(
        parent=news_index,
        title_zh_hans="质子中心首例患者",
        title_en="First proton patient",
        keywords=[keyword],
    )
    return {"article": article, "neighbour": neighbour, "keyword": keyword, "index": news_index}


def tables_asked(reader, url):
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries.captured_queries], response


def test_a_readers_article_asks_only_about_itself_and_an_editor_gets_everything_afresh(
    fragment_cache, story, reader, site_admin
):
    for language in LANGUAGES:
        url = page_url_in(story["article"], language)
        first, _ = tables_asked(reader, url)
        kept, response = tables_asked(reader, url)
        assert len(kept) <= 8, kept
        assert len(kept) < len(first)
        assert not [sql for sql in kept if any(f'"{table}"' in sql for table in KEPT_TABLES)]
        assert (
            "质子中心首例患者" in response.content.decode()
            or "First proton patient" in response.content.decode()
        )

    # A signed-in editor's request is not a reader's: nothing kept is used for them.
    editor, _ = tables_asked(site_admin, page_url_in(story["article"], "zh-hans"))
    assert [sql for sql in editor if '"website_sitesettings"' in sql]
    assert [sql for sql in editor if '"wagtailcore_pageviewrestriction"' in sql]


def test_a_section_made_private_is_private_at_the_next_request(
    fragment_cache, story, home, reader, site_admin, django_capture_on_commit_callbacks
):
    internal = NewsIndexPageFactory(
        parent=home, title_zh_hans="内部通讯", title_en="Staff news", slug_zh_hans="neibu", slug_en="staff"
    )
    memo = NewsArticlePageFactory(
        parent=internal,
        title_zh_hans="质子中心内部备忘",
        title_en="Proton centre memo",
        keywords=[story["keyword"]],
    )
    memo_url, article_url = page_url_in(memo, "zh-hans"), page_url_in(story["article"], "zh-hans")
    assert reader.get(memo_url).status_code == 200
    assert "质子中心内部备忘" in reader.get(article_url).content.decode()  # its related articles

    with django_capture_on_commit_callbacks(execute=True):
        response = site_admin.post(f"/admin/pages/{internal.pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code == 200

    blocked = reader.get(memo_url)
    assert blocked.status_code == 302 and "/login/" in blocked["Location"]
    assert "质子中心内部备忘" not in reader.get(article_url).content.decode()
    assert reader.get(page_url_in(internal, "en")).status_code == 302


def test_an_article_made_private_leaves_the_lists_at_the_next_request(
    fragment_cache, story, home, reader, site_admin, django_capture_on_commit_callbacks
):
    """The lists' querysets are built once per process while no page is private (news.models
    .ArticleManager); an article in a section made private leaves home's latest at once."""
    internal = NewsIndexPageFactory(
        parent=home, title_zh_hans="内部通讯", title_en="Staff news", slug_zh_hans="neibu", slug_en="staff"
    )
    NewsArticlePageFactory(parent=internal, title_zh_hans="内部备忘", title_en="Staff memo")
    lists = [page_url_in(home, language) for language in LANGUAGES]
    for url, title in zip(lists, ("内部备忘", "Staff memo"), strict=True):
        for _ in range(2):  # built, then copied
            assert title in reader.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = site_admin.post(f"/admin/pages/{internal.pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code == 200

    shown = [reader.get(url).content.decode() for url in lists]
    assert "内部备忘" not in shown[0] and "Staff memo" not in shown[1]
    assert "质子中心开业" in shown[0] and "Proton centre opens" in shown[1]


def test_the_news_index_counts_its_articles_once_until_a_publish(
    fragment_cache, story, reader, site_admin, django_capture_on_commit_callbacks
):
    """Ten articles a page: with eleven the index links a second page, and after one is
    unpublished it counts ten again at the next request, in both languages. A keyword page
    counts its articles once too."""
    for day in range(9):
        NewsArticlePageFactory(parent=story["index"], title_zh_hans=f"稿件{day}", title_en=f"Story {day}")
    for language in LANGUAGES:
        url = page_url_in(story["index"], language)
        assert parse(reader.get(url)).find("main").find("a", href="?page=2") is not None
        with translation.override(language):
            keyword_url = story["index"].keyword_url(story["keyword"])
        for counted in (url, keyword_url):
            reader.get(counted)
            asked, _response = tables_asked(reader, counted)
            assert not [sql for sql in asked if "COUNT(" in sql.upper()], asked

    with django_capture_on_commit_callbacks(execute=True):
        response = site_admin.post(f"/admin/pages/{story['neighbour'].pk}/unpublish/")
    assert response.status_code == 302

    for language in LANGUAGES:
        main = parse(reader.get(page_url_in(story["index"], language))).find("main")
        assert main.find("a", href="?page=2") is None
        assert len(main.select("article")) == 10


def test_edited_site_settings_show_at_the_next_request(
    fragment_cache, story, reader, site_admin, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    url = page_url_in(story["article"], "en")
    assert "International Medical Center" in reader.get(url).content.decode()
    data = site_settings_form_data("济南国际医学科学中心", "Jinan International Medical Science Center")
    site = Site.objects.get(is_default_site=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = site_admin.post(f"/admin/settings/website/sitesettings/{site.pk}/", data)
    assert response.status_code == 302

    footer = parse(reader.get(url)).select_one(".site-footer__name").get_text(strip=True)
    assert footer == "Jinan International Medical Science Center"
    footer = parse(reader.get(page_url_in(story["article"], "zh-hans"))).select_one(".site-footer__name")
    assert footer.get_text(strip=True) == "济南国际医学科学中心"


def test_a_published_showcase_and_published_picks_show_on_the_article_at_the_next_request(
    fragment_cache, story, home, news_index, reader, django_capture_on_commit_callbacks
):
    article = story["article"]
    picked = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="编辑推荐稿", title_en="Picked by the editors"
    )
    for language in LANGUAGES:
        html = reader.get(page_url_in(article, language)).content.decode()
        assert "合作项目" not in html and "Partner project" not in html
        assert "编辑推荐稿" not in html and "Picked by the editors" not in html

    showcase = CooperationShowcasePageFactory(
        parent=CooperationIndexPageFactory(parent=home),
        title_zh_hans="合作项目：质子",
        title_en="Partner project: proton",
    )
    with django_capture_on_commit_callbacks(execute=True):
        ShowcaseNewsLink.objects.create(page=showcase, article=article)
        showcase.save_revision().publish()
        article.related_links = [RelatedArticle(article=picked)]
        article.save_revision().publish()

    chinese = reader.get(page_url_in(article, "zh-hans")).content.decode()
    english = reader.get(page_url_in(article, "en")).content.decode()
    assert "合作项目：质子" in chinese and "Partner project: proton" in english
    assert "编辑推荐稿" in chinese and "Picked by the editors" in english


def test_a_renamed_section_routes_at_its_new_address_at_the_next_request(
    fragment_cache, story, reader, django_capture_on_commit_callbacks
):
    article, index = story["article"], story["index"]
    old = {language: page_url_in(article, language) for language in LANGUAGES}
    for url in old.values():
        assert reader.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        index.slug_zh_hans, index.slug_en = "xinwen-zhongxin", "newsroom-archive"
        index.save_revision().publish()

    article.refresh_from_db()
    for language in LANGUAGES:
        new = page_url_in(article, language)
        assert new != old[language]
        assert reader.get(new).status_code == 200
        assert reader.get(old[language]).status_code == 301  # website.redirects


def test_routing_keeps_section_pages_but_never_a_page_without_children(fragment_cache, story, reader):
    article_url = page_url_in(story["article"], "zh-hans")
    assert reader.get(article_url + "no-such-page/").status_code == 404
    assert reader.get(article_url).status_code == 200
    kept_routes = [name for name in website_cache._kept if name.startswith("route:")]
    assert f"route:{story['index'].get_parent().pk}:zh-hans:{story['index'].slug_zh_hans}" in kept_routes
    assert not [name for name in kept_routes if name.endswith(":" + story["article"].slug_zh_hans)]


def test_a_readers_miss_reads_the_site_root_paths_from_the_process(
    fragment_cache, story, client, monkeypatch
):
    """wagtail-modeltranslation's site root paths (every page URL) are kept for the generation:
    no round trip to the shared cache for them once kept (website.cache.keep_site_root_paths)."""
    from django.core.cache import cache

    asked = []
    real_get = cache.get
    monkeypatch.setattr(
        cache, "get", lambda key, *args, **kwargs: asked.append(key) or real_get(key, *args, **kwargs)
    )
    url = page_url_in(story["article"], "en")
    client.get(url)
    asked.clear()
    assert client.get(url).status_code == 200
    assert not [key for key in asked if "site_root_paths" in key]


def test_home_keeps_its_featured_and_latest_stories_until_a_publish_changes_them(
    fragment_cache, story, home, reader, site_admin, django_capture_on_commit_callbacks
):
    """Home's featured cards and latest lines are kept in each process until a tag of theirs
    changes (home.models.HomePage.featured_rows, latest_rows): a second reader's miss asks
    nothing about articles; a picked article unpublished, a new article published and a new
    pick published each show at the next request, in both languages."""
    article, neighbour = story["article"], story["neighbour"]
    with django_capture_on_commit_callbacks(execute=True):
        home.featured_stories.create(article=article)
        home.save_revision().publish()
    urls = {language: page_url_in(home, language) for language in LANGUAGES}
    for url in urls.values():
        reader.get(url)
        asked, _response = tables_asked(reader, url)
        assert not [sql for sql in asked if '"news_newsarticlepage"' in sql or "featuredstory" in sql], asked

    def sections(language):
        main = parse(reader.get(urls[language])).find("main")
        featured = main.find(id="featured-heading")
        latest = main.find(id="latest-heading")
        return (
            featured.parent.get_text(" ", strip=True) if featured else "",
            latest.parent.get_text(" ", strip=True) if latest else "",
        )

    titles = {
        "zh-hans": ("质子中心开业", "质子中心首例患者"),
        "en": ("Proton centre opens", "First proton patient"),
    }
    for language, (picked, other) in titles.items():
        featured, latest = sections(language)
        assert picked in featured and picked not in latest
        assert other in latest

    fresh = NewsArticlePageFactory(parent=story["index"], title_zh_hans="新园区开工", title_en="New campus")
    with django_capture_on_commit_callbacks(execute=True):
        fresh.save_revision().publish()
    for language, (picked, _other) in titles.items():
        featured, latest = sections(language)
        assert picked in featured
        assert ("新园区开工" if language == "zh-hans" else "New campus") in latest

    with django_capture_on_commit_callbacks(execute=True):
        response = site_admin.post(f"/admin/pages/{article.pk}/unpublish/")
    assert response.status_code == 302
    for language, (picked, other) in titles.items():
        featured, latest = sections(language)
        assert not featured and picked not in latest
        assert other in latest

    with django_capture_on_commit_callbacks(execute=True):
        home.featured_stories.create(article=neighbour)
        home.save_revision().publish()
    for language, (_picked, other) in titles.items():
        featured, latest = sections(language)
        assert other in featured and other not in latest


def test_the_news_index_keeps_its_page_of_articles_until_one_of_them_changes(
    fragment_cache, story, reader, site_admin, django_capture_on_commit_callbacks
):
    """The unfiltered index's page of articles is kept in each process until the section's
    lists change (news.models.NewsIndexPage.listed): a second reader's miss reads no article
    row, and a new article or one unpublished shows at the next request, in both languages."""
    index = story["index"]
    urls = {language: page_url_in(index, language) for language in LANGUAGES}
    for url in urls.values():
        reader.get(url)
        asked, _response = tables_asked(reader, url)
        assert not [sql for sql in asked if '"news_newsarticlepage"' in sql], asked

    def titles(language):
        main = parse(reader.get(urls[language])).find("main")
        return [heading.get_text(strip=True) for heading in main.select("article h2, article h3")]

    assert "质子中心首例患者" in titles("zh-hans") and "First proton patient" in titles("en")
    fresh = NewsArticlePageFactory(parent=index, title_zh_hans="新园区开工", title_en="New campus")
    with django_capture_on_commit_callbacks(execute=True):
        fresh.save_revision().publish()
    assert "新园区开工" in titles("zh-hans") and "New campus" in titles("en")

    with django_capture_on_commit_callbacks(execute=True):
        response = site_admin.post(f"/admin/pages/{story['neighbour'].pk}/unpublish/")
    assert response.status_code == 302
    assert "质子中心首例患者" not in titles("zh-hans") and "First proton patient" not in titles("en")
    assert "新园区开工" in titles("zh-hans") and "New campus" in titles("en")
