"""News pages as readers see them, in both languages."""

import datetime

import pytest
from django.db.models.signals import post_init
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from news.models import ArticleByline, RelatedArticle

from ..factories import KeywordFactory, NewsArticlePageFactory, NewsIndexPageFactory, PersonFactory
from ..html import han_outside_zh_markup, main_text, parse

pytestmark = pytest.mark.django_db


def test_article_renders_in_both_languages(client, news_index):
    reporter = PersonFactory(name_zh_hans="李明", name_en="Li Ming")
    keyword = KeywordFactory(name_zh_hans="质子治疗", name_en="Proton therapy", slug="proton-therapy")
    article = NewsArticlePageFactory(
        parent=news_index,
        title_zh_hans="质子中心投入运行",
        title_en="Proton centre opens",
        source_publication_zh_hans="济南日报",
        source_publication_en="Jinan Daily",
        keywords=[keyword],
        bylines=[(reporter, ArticleByline.Role.REPORTER)],
    )

    chinese = client.get(article.url)
    assert chinese.status_code == 200
    text = main_text(parse(chinese))
    assert "质子中心投入运行" in text
    assert "李明" in text and "济南日报" in text and "质子治疗" in text

    with_english = client.get("/en" + "/news/" + article.slug_en + "/")
    assert with_english.status_code == 200
    soup = parse(with_english)
    text = main_text(soup)
    assert "Proton centre opens" in text
    assert "Li Ming" in text and "Jinan Daily" in text and "Proton therapy" in text
    assert "Reporter" in text
    assert han_outside_zh_markup(soup.find("main")) == []


def test_article_lead_image_has_responsive_renditions_and_caption(client, news_index):
    article = NewsArticlePageFactory(parent=news_index)

    soup = parse(client.get("/en/news/" + article.slug_en + "/"))

    figure = soup.find("main").find("figure")
    image = figure.find("img")
    assert image["alt"] == "The proton therapy centre from outside"
    assert image.get("width") and image.get("height")
    assert "srcset" in image.attrs or figure.find("source") is not None
    assert "The proton therapy centre" in figure.get_text()


def test_news_index_leaves_untranslated_articles_out_of_english(client, news_index):
    NewsArticlePageFactory(parent=news_index, title_zh_hans="双语稿件", title_en="Bilingual story")
    NewsArticlePageFactory(parent=news_index, title_zh_hans="仅中文稿件", english=False)

    chinese = main_text(parse(client.get("/xinwen/")))
    english = main_text(parse(client.get("/en/news/")))

    assert "双语稿件" in chinese and "仅中文稿件" in chinese
    assert "Bilingual story" in english
    assert "仅中文稿件" not in english


def test_untranslated_article_shows_english_notice_linking_to_chinese(client, news_index):
    article = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="仅中文稿件", slug_zh_hans="zhongwen", english=False
    )
    assert article.has_english is False

    response = client.get("/en/news/zhongwen/")

    assert response.status_code == 200
    soup = parse(response)
    assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    assert response["X-Robots-Tag"] == "noindex"
    assert "not yet available in English" in main_text(soup)
    assert soup.find("main").find("a", href="/xinwen/zhongwen/") is not None
    assert han_outside_zh_markup(soup.find("main")) == []
    assert soup.html["lang"] == "en"


def test_empty_english_rich_text_counts_as_missing(news_index):
    article = NewsArticlePageFactory(parent=news_index, body_en=[("paragraph", "<p></p>")])
    assert article.has_english is False


def test_news_index_filters_by_keyword_and_year(client, news_index):
    proton = KeywordFactory(slug="proton")
    fund = KeywordFactory(slug="fund")
    now = timezone.now()
    last_year = now.year - 1
    NewsArticlePageFactory(parent=news_index, title_zh_hans="甲", keywords=[proton], date=now)
    NewsArticlePageFactory(
        parent=news_index,
        title_zh_hans="乙",
        keywords=[proton],
        date=now.replace(year=last_year),
    )
    NewsArticlePageFactory(parent=news_index, title_zh_hans="丙", keywords=[fund], date=now)

    def titles(query):
        soup = parse(client.get("/xinwen/" + query))
        return sorted(a.get_text(strip=True) for a in soup.find("main").select("article h2 a, article h3 a"))

    assert titles("?keyword=proton") == ["乙", "甲"]
    assert titles(f"?keyword=proton&year={last_year}") == ["乙"]
    assert titles(f"?year={now.year}") == ["丙", "甲"]
    assert titles("?keyword=no-such-keyword") == []
    assert titles("?year=abc") == []
    assert client.get("/xinwen/?year=abc&page=zz").status_code == 200


def test_news_index_paginates(client, news_index):
    for day in range(12):
        NewsArticlePageFactory(
            parent=news_index,
            title_zh_hans=f"稿件{day:02d}",
            date=timezone.now() - datetime.timedelta(days=day),
        )

    first = parse(client.get("/xinwen/"))
    second = parse(client.get("/xinwen/?page=2"))

    assert len(first.find("main").select("article")) == 10
    assert len(second.find("main").select("article")) == 2
    assert first.find("main").find("a", href="?page=2") is not None


def test_keyword_page_lists_its_articles_in_both_languages(client, news_index):
    keyword = KeywordFactory(name_zh_hans="创投基金", name_en="Venture fund", slug="venture-fund")
    NewsArticlePageFactory(
        parent=news_index, title_zh_hans="首支创投基金", title_en="First venture fund", keywords=[keyword]
    )
    NewsArticlePageFactory(parent=news_index, title_zh_hans="无关稿件", title_en="Unrelated")

    chinese = parse(client.get("/xinwen/keywords/venture-fund/"))
    english = parse(client.get("/en/news/keywords/venture-fund/"))

    assert chinese.find("h1").get_text(strip=True) == "创投基金"
    assert english.find("h1").get_text(strip=True) == "Venture fund"
    assert "首支创投基金" in main_text(chinese) and "无关稿件" not in main_text(chinese)
    assert "First venture fund" in main_text(english) and "Unrelated" not in main_text(english)
    assert client.get("/xinwen/keywords/nothing-here/").status_code == 404


def test_related_articles_fall_back_to_shared_keywords(client, news_index):
    proton = KeywordFactory(slug="proton")
    article = NewsArticlePageFactory(parent=news_index, title_zh_hans="主稿", keywords=[proton])
    NewsArticlePageFactory(parent=news_index, title_zh_hans="相关稿", keywords=[proton])
    NewsArticlePageFactory(parent=news_index, title_zh_hans="无关稿")

    related = [a.title for a in article.related_articles()]

    assert related == ["相关稿"]


def test_article_address_in_each_language_with_the_chinese_slug_where_english_has_none(client, news_index):
    english = NewsArticlePageFactory(parent=news_index, slug_zh_hans="zhiliao", slug_en="treatment")
    chinese_only = NewsArticlePageFactory(parent=news_index, english=False, slug_zh_hans="jinzhan")

    assert client.get("/xinwen/zhiliao/").status_code == 200
    assert client.get("/en/news/treatment/").context["page"] == english
    assert client.get("/en/news/zhiliao/").status_code == 404  # its English address is another
    untranslated = client.get("/en/news/jinzhan/")
    assert untranslated.status_code == 200 and untranslated.context["page"] == chinese_only
    assert client.get("/xinwen/treatment/").status_code == 404


def test_serving_an_article_loads_the_same_pages_beside_few_and_many_siblings(client, news_index):
    """Routing finds the article by its slug in the database, not by loading every sibling."""
    article = NewsArticlePageFactory(parent=news_index)
    siblings = NewsArticlePageFactory.create_batch(5, parent=news_index, lead_image=article.lead_image)

    def pages_loaded():
        loaded = []

        def count(sender, instance, **kwargs):
            if isinstance(instance, Page):
                loaded.append(instance)

        post_init.connect(count, weak=False)
        try:
            assert client.get(article.url).status_code == 200
        finally:
            post_init.disconnect(count)
        return len(loaded)

    pages_loaded()  # the first request also fills the site's caches (root paths)
    few = pages_loaded()
    NewsArticlePageFactory.create_batch(25, parent=news_index, lead_image=article.lead_image)
    assert pages_loaded() == few < len(siblings) + 10


def test_picked_related_articles_leave_out_an_article_in_a_private_section(client, home, news_index):
    internal = NewsIndexPageFactory(parent=home, slug_zh_hans="neibu", slug_en="staff")
    memo = NewsArticlePageFactory(parent=internal, title_zh_hans="内部备忘")
    public = NewsArticlePageFactory(parent=news_index, title_zh_hans="公开稿件")
    article = NewsArticlePageFactory(parent=news_index)
    article.related_links = [RelatedArticle(article=memo), RelatedArticle(article=public)]
    article.save_revision().publish()
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)

    related = parse(client.get(article.url)).select_one(".related")
    assert "公开稿件" in related.get_text() and "内部备忘" not in related.get_text()
