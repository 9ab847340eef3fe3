"""The two seed articles imported as they were found: damage, spam, banners and pinyin included,
and the same articles in the other encodings old sites used."""

import datetime
import zoneinfo

import pytest
from wagtail.models import WorkflowState

from archive.models import ImportedArticle, ImportRecord
from news.models import ArticleByline, Keyword, NewsArticlePage, Person
from website.languages import field_in, has_text
from workflow.status import EnglishStatus, english_status

from ..factories import KeywordFactory, PersonFactory
from .conftest import ANNOTATED_SEED, TRADITIONAL_SEED, make_folder, seed_text

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def body_text(page):
    return "".join(str(block.value) for block in page.body_zh_hans)


def record_codes(record, kind=None):
    return [detail["code"] for detail in record.details if kind is None or detail["kind"] == kind]


def imported(title_start):
    return NewsArticlePage.objects.get(title__startswith=title_start)


def test_traditional_seed_is_repaired_simplified_and_held_for_review(seed_folder, run_import):
    run_import(seed_folder(TRADITIONAL_SEED))

    page = imported("济南国际医学中心")
    assert page.title == "济南国际医学中心:稳中有进,奋楫扬帆,赢得发展之“势”"
    text = body_text(page)
    # Re-read from the bytes GBK had; what is lost stays "?" (never made up).
    assert "的缩影?回?023年" in text
    assert "产业化应用?”北京凡知医学科技有限公司有关负责人介绍" in text
    assert "特色医疗??组团等载体" in text
    for damage in ("赝", "┓", "\ue040", "北本", "平M"):
        assert damage not in text
    assert "高质量发展的支点是什么?一个重要答案" in text  # a real question mark stays
    # The injected line and the "related articles" list are not in the page.
    assert "香蕉" not in text and "猜你喜欢" not in text and "山西打造首个电商快递产业园" not in text
    # Facts from the lines around the text.
    assert page.date == datetime.datetime(2024, 3, 4, 6, 43, tzinfo=SHANGHAI)
    assert page.source_publication_zh_hans == "走向世界" and page.source_issue_zh_hans == "2024年8期"
    # Waiting for review; approved later, it still alerts no one: an old story is not news.
    assert not page.alerts_on_publish
    assert [(b.person.name_zh_hans, b.role) for b in page.bylines.all()] == [
        ("黄真", ArticleByline.Role.AUTHOR)
    ]
    assert sorted(page.keywords.values_list("name_zh_hans", flat=True)) == ["产业园", "医学中心", "招商"]
    # The English abstract, with its curly quotes back, is the English summary; nothing else is English.
    assert page.summary_en.startswith("In the leadership of the CPC Jinan Municipal Committee")
    assert (
        "the “123456” strategy" in page.summary_en and "“breakthrough year for projects”" in page.summary_en
    )
    assert not field_in(page, "title", "en") and not has_text(field_in(page, "body", "en"))
    assert english_status(page) == EnglishStatus.PARTIAL
    # Spam was found: a draft waiting in the three-level review, never published.
    assert not page.live and page.first_published_at is None
    assert WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    # The original is kept verbatim for audit.
    assert ImportedArticle.objects.get(page=page).original_text == seed_text(TRADITIONAL_SEED)

    record = ImportRecord.objects.get(page=page)
    assert record.outcome == ImportRecord.Outcome.QUARANTINED
    assert record.encoding == "UTF-8"
    assert record_codes(record, "repair").count("repair_realigned") == 3
    assert "repair_quotes" in record_codes(record, "repair") and "repair_script" in record_codes(
        record, "repair"
    )
    quarantined = [d["params"]["text"] for d in record.details if d["kind"] == "quarantine"]
    assert quarantined == [
        "91香蕉高清国产线观看免费-97夜夜澡人人爽人人喊a-99久久久无码国产精品9-国产亚洲日韩欧美综合"
    ]
    lost = [d["params"]["paragraph"] for d in record.details if d["code"] == "check_lost_characters"]
    assert lost == [3, 15, 19]


def test_annotated_seed_loses_readings_banner_and_comment_box_but_keeps_real_brackets(
    seed_folder, run_import
):
    run_import(seed_folder(ANNOTATED_SEED))

    page = NewsArticlePage.objects.get()
    text = body_text(page)
    assert "以“医”为核心,医教研产养融合发展的医疗健康创新高地" in text
    assert "欧曼达特医食" in text and "发布了首批5大领域32条发布场景机会清单" in text
    assert "(" not in text.replace("(以下简称", "")  # every reading went; the text has no real brackets left
    assert "好客山东" not in text and "暂无评论" not in text and "发表评论" not in text
    # The credit line became the byline and the source.
    assert [(b.person.name_zh_hans, b.role) for b in page.bylines.order_by("sort_order")] == [
        ("孙业文", ArticleByline.Role.REPORTER),
        ("李阳", ArticleByline.Role.CORRESPONDENT),
    ]
    assert page.source_publication_zh_hans == "大众新闻"
    assert "孙业文" not in text
    # No title and no date in the file: a stand-in title, and the editor is told; held for review.
    record = ImportRecord.objects.get(page=page)
    assert {"check_title_missing", "check_date_missing"} <= set(record_codes(record, "check"))
    assert record.outcome == ImportRecord.Outcome.IMPORTED
    assert record.page_status == ImportRecord.PageStatus.IN_REVIEW
    assert not page.live
    pinyin = next(d for d in record.details if d["code"] == "repair_pinyin")
    assert pinyin["params"]["count"] == 64


def test_people_and_keywords_are_matched_across_scripts_not_duplicated(tmp_path, run_import):
    PersonFactory(name_zh_hans="黄真", name_en="Huang Zhen")
    KeywordFactory(name_zh_hans="精准医学", name_en="Precision medicine", slug="precision-medicine")
    article = (
        "精準醫學產業園建成使用\n\n2024-03-04 06:43黃真\n關鍵詞:精準醫學、招商\n\n"
        "精準醫學產業園建成使用，已引進二十餘家企業。\n"
    )
    run_import(make_folder(tmp_path / "export", {"a.txt": article}))

    page = NewsArticlePage.objects.get()
    assert page.title == "精准医学产业园建成使用"
    assert Person.objects.filter(name_zh_hans="黄真").count() == 1
    assert Keyword.objects.filter(name_zh_hans="精准医学").count() == 1
    assert set(page.keywords.values_list("slug", flat=True)) == {"precision-medicine", "zhao-shang"}
    assert page.live  # clean: published


@pytest.mark.parametrize("codec, shown", [("gb18030", "GB18030"), ("utf-16", "UTF-16")])
def test_seeds_in_other_encodings_read_the_same(seed_folder, run_import, codec, shown):
    run_import(seed_folder(TRADITIONAL_SEED, ANNOTATED_SEED, encoding=codec))

    records = ImportRecord.objects.order_by("number")
    assert [record.encoding for record in records] == [shown, shown]
    assert "产业化应用?”北京凡知医学科技" in body_text(imported("济南国际医学中心"))
    assert "医疗健康创新高地" in body_text(imported("在济南西部新城"))
    assert ImportedArticle.objects.get(page=imported("济南国际医学中心")).original_text == seed_text(
        TRADITIONAL_SEED
    )


def test_traditional_seed_saved_as_a_big5_page(tmp_path, run_import):
    """A Big5 page: what Big5 lacks (the damage, the spam) was saved as character references."""
    html = (
        '<html><head><meta charset="big5"><link rel="canonical" href="http://old.example.cn/news/2024/0304.html">'
        "</head><body><div class=nav><a href='/'>首頁</a></div><div class=article>"
        + "".join(f"<p>{line}</p>" for line in seed_text(TRADITIONAL_SEED).splitlines() if line.strip())
        + "</div></body></html>"
    )
    run_import(
        make_folder(tmp_path / "export", {"news/0304.html": html.encode("big5", errors="xmlcharrefreplace")})
    )

    record = ImportRecord.objects.get()
    assert record.encoding == "Big5"
    page = record.page
    assert page.title == "济南国际医学中心:稳中有进,奋楫扬帆,赢得发展之“势”"
    assert "产业化应用?”北京凡知医学科技" in body_text(page)
    assert record.outcome == ImportRecord.Outcome.QUARANTINED
