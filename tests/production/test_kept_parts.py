"""A page the page cache misses because something it lists changed renders only what changed:
an article's own content, its comments and each card of a list are kept per revision
(website.cache.page_parts) and renewed by their own tags, in every edition."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import KeywordFactory, NewsArticlePageFactory, NewsIndexPageFactory, PersonFactory
from tests.production.test_cache_dependencies import LANGUAGES, urls_of, warm
from tests.production.test_page_cache import publish_edit
from website.traditional import convert_text

pytestmark = pytest.mark.django_db


def miss(reader, url):
    """The page at `url`, which must miss the page cache, and the SQL of its queries."""
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(url)
    assert (response.status_code, response["X-Cache"]) == (200, "miss"), url
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def shows(html, text):
    return text in html or convert_text(text) in html


def test_an_article_under_a_keyword_keeps_its_content_when_another_joins_the_keyword(
    page_cache, news_index, site_admin, reader, django_capture_on_commit_callbacks
):
    keyword = KeywordFactory()
    article = NewsArticlePageFactory(
        parent=news_index,
        keywords=[keyword],
        bylines=[(PersonFactory(name_zh_hans="李记者", name_en="Li Na"), "reporter")],
    )
    joining = NewsArticlePageFactory(
        parent=news_index, live=False, title_zh_hans="康复中心启用", title_en="Rehab centre opens"
    )
    joining.keywords.set([keyword])
    urls = urls_of(article)
    warm(reader, urls)

    with django_capture_on_commit_callbacks(execute=True):
        publish_edit(site_admin, joining, title_zh_hans="康复中心启用", title_en="Rehab centre opens")

    for language, url in zip(LANGUAGES, urls, strict=True):
        html, queries = miss(reader, url)
        related = html[html.index('id="related-heading"') :]
        assert shows(related, "Rehab centre opens" if language == "en" else "康复中心启用"), url
        assert shows(html, "Li Na" if language == "en" else "李记者"), url  # the byline, kept
        # The article's own part came kept: nothing read its bylines or keywords again.
        assert not [sql for sql in queries if "news_articlebyline" in sql], url
        assert not [sql for sql in queries if "news_keyword" in sql and "INNER JOIN" not in sql], url
        # Nor was the article's row read to route to it: the page came kept with its tags.
        assert not [sql for sql in queries if '"slug_' in sql.partition(" WHERE ")[2]], url


@pytest.mark.parametrize("listed_on", ["news index", "home"])
def test_an_edited_article_renews_its_own_card_or_line_and_no_other(
    listed_on, page_cache, news_index, site_admin, reader, django_capture_on_commit_callbacks
):
    """The index's cards, and home's latest news lines."""
    edited = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="质子中心开业", title_en="Proton centre opens"
    )
    others = [NewsArticlePageFactory(parent=news_index) for _ in range(3)]
    urls = urls_of(news_index if listed_on == "news index" else news_index.get_parent())
    warm(reader, urls)

    with django_capture_on_commit_callbacks(execute=True):
        publish_edit(site_admin, edited, title_zh_hans="质子中心正式开业", title_en="Proton centre now open")

    for language, url in zip(LANGUAGES, urls, strict=True):
        html, queries = miss(reader, url)
        if listed_on == "home":
            html = html[html.index('id="latest-heading"') :]
        assert shows(html, "Proton centre now open" if language == "en" else "质子中心正式开业"), url
        for other in others:
            assert shows(html, other.title_en if language == "en" else other.title_zh_hans), url
        # Only the edited article's row was read for its card; the others' cards came kept.
        title_column = '"title_en"' if language == "en" else '"title_zh_hans"'
        card_rows = [sql for sql in queries if title_column in sql and "news_newsarticlepage" in sql]
        assert any(f"IN ({edited.pk})" in sql for sql in card_rows), card_rows
        assert not any(str(other.pk) in sql.split(" IN ", 1)[-1] for sql in card_rows for other in others)


def test_editors_and_a_cold_cache_always_get_the_live_content(
    page_cache, news_index, site_admin, reader, django_capture_on_commit_callbacks
):
    """A signed-in editor's page is rendered afresh, and parts a lost cache forgot render again."""
    from django.core.cache import cache

    article = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="质子中心开业", title_en="Proton centre opens"
    )
    url = urls_of(article)[0]
    warm(reader, [url])
    cache.clear()
    assert "质子中心开业" in reader.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        publish_edit(site_admin, article, title_zh_hans="质子中心正式开业", title_en="Proton centre now open")
    assert "质子中心正式开业" in site_admin.get(url).content.decode()
    assert "质子中心正式开业" in reader.get(url).content.decode()


def test_a_publish_leaves_the_menu_the_settings_and_the_footer_kept(
    page_cache, home, news_index, site_admin, reader, django_capture_on_commit_callbacks
):
    """What every page shows and a story's publish does not change is not made again by the
    next page (website.cache.kept, `tagged`): a publish used to make every process read the
    site, its settings and menu and render the footer again."""
    from tests.factories import StandardPageFactory

    StandardPageFactory(parent=home, title_zh_hans="园区简介", title_en="About the zone", show_in_menus=True)
    article = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="质子中心开业", title_en="Proton centre opens"
    )
    urls = urls_of(news_index)
    warm(reader, urls)

    with django_capture_on_commit_callbacks(execute=True):
        publish_edit(site_admin, article, title_zh_hans="质子中心正式开业", title_en="Proton centre now open")

    for language, url in zip(LANGUAGES, urls, strict=True):
        html, queries = miss(reader, url)
        assert shows(html, "About the zone" if language == "en" else "园区简介"), url  # the menu
        assert shows(html, "Proton centre now open" if language == "en" else "质子中心正式开业"), url
        assert not [sql for sql in queries if "website_sitesettings" in sql or "wagtailcore_site" in sql], url
        assert not [sql for sql in queries if '"show_in_menus"' in sql.partition(" WHERE ")[2]], url


def test_the_kept_page_an_address_ends_at_follows_its_unpublish_new_slug_and_move(
    page_cache, news_index, reader, django_capture_on_commit_callbacks
):
    article = NewsArticlePageFactory(parent=news_index, title_en="Proton centre opens")

    def changed(change):
        """Each of the article's addresses, read (and kept) before `change`, after it."""
        urls = urls_of(article)
        warm(reader, urls)
        with django_capture_on_commit_callbacks(execute=True):
            change()
        article.refresh_from_db()
        return urls, urls_of(article)

    urls, _ = changed(article.unpublish)
    assert [reader.get(url).status_code for url in urls] == [404] * len(urls)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    def new_slugs():
        article.slug_zh_hans, article.slug_en = "zhizi-zhongxin-kaiye", "proton-centre-opens"
        article.save_revision().publish()

    def moved():
        article.move(
            NewsIndexPageFactory(parent=news_index.get_parent(), slug_zh_hans="dongtai", slug_en="updates")
        )

    for change in (new_slugs, moved):
        before, after = changed(change)
        assert before != after, change.__name__
        for old, new in zip(before, after, strict=True):
            assert reader.get(new).status_code == 200, new
            assert reader.get(old).status_code in (301, 302, 404), old  # a redirect, not the page
