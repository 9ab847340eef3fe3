"""What every page shows and only a publish changes (the main menu, the search's years) is kept
in the shared cache for the cache's generation (website.cache.remembered): a page the page cache
misses renders with fewer queries, and a publish shows in it at the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from tests.factories import KeywordFactory, NewsArticlePageFactory, StandardPageFactory
from tests.html import parse
from tests.workflow.factories import page_form_data, standard_page_fields
from website.languages import page_url_in, reverse_in

pytestmark = pytest.mark.django_db
LANGUAGES = ("zh-hans", "en")


def menu(reader, url):
    """The main menu's titles on `url`, and the queries the page took."""
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(url)
    assert response.status_code == 200, url
    return [a.get_text(strip=True) for a in parse(response).select(".main-nav a")], len(queries)


def test_the_menu_is_kept_and_a_published_menu_page_joins_it_at_once(
    fragment_cache, home, news_index, site_admin, reader, django_capture_on_commit_callbacks
):
    StandardPageFactory(parent=home, title_zh_hans="园区简介", title_en="About the zone", show_in_menus=True)
    urls = {language: page_url_in(home, language) for language in LANGUAGES}
    before = {}
    for language, url in urls.items():
        before[language], first_queries = menu(reader, url)
        kept, kept_queries = menu(reader, url)
        assert kept == before[language]
        assert kept_queries <= first_queries - 2  # the menu's pages and their specific rows
    assert before["zh-hans"][-1] == "园区简介"
    assert before["en"][-1] == "About the zone"

    fields = standard_page_fields("menu", show_in_menus="on", **{"action-publish": "publish"})
    fields.update(title_zh_hans="投资指南", title_en="Investment guide")
    with django_capture_on_commit_callbacks(execute=True):
        response = site_admin.post(
            f"/admin/pages/add/home/standardpage/{home.pk}/", page_form_data(StandardPage, fields)
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert menu(reader, urls["zh-hans"])[0] == [*before["zh-hans"], "投资指南"]
    assert menu(reader, urls["en"])[0] == [*before["en"], "Investment guide"]


def test_the_search_years_follow_a_publish(
    fragment_cache, news_index, reader, django_capture_on_commit_callbacks
):
    NewsArticlePageFactory(parent=news_index, date="2025-03-01T09:00:00+08:00", title_zh_hans="质子中心")
    url = reverse_in("zh-hans", "search")

    def years():
        soup = parse(reader.get(url, {"q": "质子"}))
        return [option["value"] for option in soup.select("select[name=year] option") if option["value"]]

    assert years() == ["2025"]
    with django_capture_on_commit_callbacks(execute=True):
        NewsArticlePageFactory(parent=news_index, date="2026-03-01T09:00:00+08:00").save_revision().publish()
    assert years() == ["2026", "2025"]


def test_the_news_filters_follow_a_publish_in_both_languages(
    fragment_cache, news_index, reader, django_capture_on_commit_callbacks
):
    proton = KeywordFactory(name_zh_hans="质子治疗", name_en="Proton therapy", slug="proton-therapy")
    NewsArticlePageFactory(parent=news_index, date="2025-03-01T09:00:00+08:00", keywords=[proton])

    def filters(language):
        soup = parse(reader.get(page_url_in(news_index, language)))
        keywords = [o.get_text() for o in soup.select("#filter-keyword option") if o["value"]]
        years = [o["value"] for o in soup.select("#filter-year option") if o["value"]]
        return keywords, years

    assert filters("zh-hans") == (["质子治疗"], ["2025"])
    assert filters("en") == (["Proton therapy"], ["2025"])
    with CaptureQueriesContext(connection) as queries:
        filters("en")
    assert not any("DISTINCT" in query["sql"] for query in queries.captured_queries)

    investment = KeywordFactory(name_zh_hans="招商引资", name_en="Investment", slug="investment")
    with django_capture_on_commit_callbacks(execute=True):
        article = NewsArticlePageFactory(
            parent=news_index, date="2026-05-01T09:00:00+08:00", keywords=[investment]
        )
        article.save_revision().publish()
    assert filters("zh-hans") == (["招商引资", "质子治疗"], ["2026", "2025"])
    assert filters("en") == (["Investment", "Proton therapy"], ["2026", "2025"])
