"""A reader opens the home page, switches to English and reads an article."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .reader import Reader

# The live server needs committed data; serialized rollback restores the rows Wagtail's
# migrations create (root page, root collection, default site) between tests.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reader_switches_to_english_and_reads_an_article_without_chinese(tab, demo_site):
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    reader = Reader(tab, demo_site).open_home()
    assert reader.html_lang == "zh-Hans"

    reader.switch_language("en")
    assert reader.html_lang == "en"
    assert tab.url == demo_site + "/en/"

    reader.open_first_article()
    assert "/en/news/" in tab.url
    assert reader.heading
    assert reader.chinese_in_main_content() == []
    # Fonts, scripts, styles and images all come from the site itself: nothing from a CDN.
    assert [url for url in requested if not url.startswith((demo_site, "data:"))] == []


def test_pages_have_no_serious_accessibility_violations_in_either_language(tab, demo_site):
    from home.models import StandardPage
    from news.models import NewsArticlePage
    from website.languages import page_url_in

    article = NewsArticlePage.objects.filter(has_english=True).first()
    chinese_only = NewsArticlePage.objects.filter(has_english=False).first()
    news_index = article.get_parent()
    keyword_path = f"keywords/{article.keywords.first().slug}/"
    pages = {
        "home": news_index.get_parent(),
        "standard page": StandardPage.objects.filter(has_english=True).first(),
        "news index": news_index,
        "article": article,
        "untranslated notice": chinese_only,
    }
    paths = [
        (name, page_url_in(page, language)) for name, page in pages.items() for language in ("zh-hans", "en")
    ]
    paths += [
        ("keyword page", page_url_in(news_index, language) + keyword_path) for language in ("zh-hans", "en")
    ]
    paths += [("not found", "/no-such-page/"), ("not found", "/en/no-such-page/")]

    axe = Axe()
    problems = {}
    for name, path in paths:
        tab.goto(demo_site + path)
        violations = axe.run(tab).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[f"{name} {path}"] = serious
    assert problems == {}
