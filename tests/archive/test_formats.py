"""Made-up exports in every format the importer reads, in every encoding old sites used."""

import datetime
import zoneinfo

import pytest

from archive.models import ImportRecord
from media_library.models import CustomImage
from news.models import ArticleByline, NewsArticlePage, RelatedArticle

from . import samples
from .conftest import make_folder, make_zip, png_bytes

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
ENCODINGS = [("utf-8", "UTF-8"), ("gb18030", "GB18030"), ("big5", "Big5"), ("utf-16", "UTF-16")]


def body_html(page):
    return "".join(str(block.value) for block in page.body_zh_hans)


def encoded(text, codec):
    if codec == "big5":  # Big5 has no Simplified characters: such a site wrote Traditional
        from opencc import OpenCC

        text = OpenCC("s2tw").convert(text)
    return text.encode(codec)


def saved_pages(charset):
    name = {"utf-16": "utf-16", "gb18030": "gb18030", "big5": "big5"}.get(charset, "utf-8")
    return {
        "news/123.html": encoded(samples.PAGE.format(charset=name), charset),
        "news/124.html": encoded(samples.SECOND_PAGE.format(charset=name), charset),
        "images/proton.png": png_bytes(),
    }


@pytest.mark.parametrize("codec, shown", ENCODINGS)
def test_saved_pages_in_a_zip(tmp_path, run_import, codec, shown):
    run_import(make_zip(tmp_path / "pages.zip", saved_pages(codec)))

    page = NewsArticlePage.objects.get(title="质子治疗中心每天治疗百名患者")
    record = ImportRecord.objects.get(page=page)
    assert record.encoding == shown
    html = body_html(page)
    # The article without its page: no navigation, banner, share buttons, comments, footer.
    assert "收治第一例临床治疗病人" in html and "<h2>未来规划</h2>" in html and "<b>每天</b>" in html
    for chrome in ("首页", "征集", "分享到", "暂无评论", "ICP", "相关推荐"):
        assert chrome not in html
    # Nothing unsafe is stored; injected content is quarantined, not in the body.
    for unsafe in ("<script", "<iframe", "onclick", "style=", "alert(", "casino", "博彩"):
        assert unsafe not in html
    assert 'href="http://www.jinan.gov.cn/notice.html"' in html  # on the allow-list (gov.cn)
    quarantined = {detail["code"] for detail in record.details if detail["kind"] == "quarantine"}
    assert quarantined == {"quarantine_hidden", "quarantine_link"}
    assert record.outcome == ImportRecord.Outcome.QUARANTINED and not page.live
    # Facts from the page's head and its byline line.
    assert page.date == datetime.datetime(2023, 11, 8, 9, 30, tzinfo=SHANGHAI)
    assert page.source_publication_zh_hans == "大众日报"
    assert {(b.person.name_zh_hans, b.role) for b in page.bylines.all()} == {
        ("王明", ArticleByline.Role.REPORTER),
        ("赵丽", ArticleByline.Role.CORRESPONDENT),
    }
    assert set(page.keywords.values_list("name_zh_hans", flat=True)) == {"质子治疗", "精准医学"}
    # The picture in the archive is a Wagtail image with its alt text and caption; the other is listed.
    image = page.lead_image or CustomImage.objects.get()
    assert (
        image.description_zh_hans == "质子中心外景" and image.caption_zh_hans == "质子中心外景（摄影 陈光）"
    )
    assert image.credit_zh_hans == "陈光"
    missing = [d["params"]["src"] for d in record.details if d["code"] == "image_missing"]
    assert missing and missing[0].endswith("images/not-there.jpg")
    # The "related articles" list links the article imported with it, and only that one.
    second = NewsArticlePage.objects.get(title="精准医学产业园建成使用")
    assert second.live and second.date == datetime.datetime(2023, 6, 1, 10, 0, tzinfo=SHANGHAI)
    latest = page.get_latest_revision_as_object()
    assert [link.article_id for link in latest.related_links.all()] == [second.pk]


@pytest.mark.parametrize("codec, shown", [("utf-8", "UTF-8"), ("gb18030", "GB18030")])
def test_wordpress_export(tmp_path, run_import, codec, shown):
    files = {
        "export.xml": samples.WXR.format(charset=codec).encode(codec),
        "wp-content/uploads/2024/01/yuanqu.png": png_bytes("orange"),
    }
    run_import(make_folder(tmp_path / "wp", files))

    first = NewsArticlePage.objects.get(title="园区新开工项目十五个")
    assert first.live and first.date == datetime.datetime(2024, 1, 8, 10, 0, tzinfo=SHANGHAI)
    assert first.first_published_at == first.date
    assert "<p>2023年，园区新开工项目十五个，完成投资一百二十亿元。</p><p>重大项目" in body_html(first)
    assert first.summary_zh_hans == "园区新开工项目十五个。"
    assert [b.person.name_zh_hans for b in first.bylines.all()] == ["王明"]
    assert list(first.keywords.values_list("name_zh_hans", flat=True)) == ["招商"]
    second = NewsArticlePage.objects.get(title="基金破茧而出")
    assert second.lead_image is not None and second.lead_image.title == "yuanqu.png"
    assert {record.encoding for record in ImportRecord.objects.all()} == {shown}
    assert NewsArticlePage.objects.count() == 2  # the attachment is not an article


@pytest.mark.parametrize("codec, shown", ENCODINGS)
@pytest.mark.parametrize("kind", ["csv", "json", "jsonl"])
def test_manifests(tmp_path, run_import, kind, codec, shown):
    text = {"csv": samples.csv_text, "json": samples.json_text, "jsonl": samples.jsonl_text}[kind]()
    files = {f"manifest.{kind}": encoded(text, codec), "pictures/korea.png": png_bytes("navy")}
    run_import(make_folder(tmp_path / "export", files))

    korea = NewsArticlePage.objects.get(title__in=["韩国合作项目落地"])
    assert korea.live and korea.date == datetime.datetime(2024, 5, 6, 8, 30, tzinfo=SHANGHAI)
    assert "<p>韩国大健康新技术体验馆落地园区。</p><p>多个合作项目正在洽谈。</p>" in body_html(korea)
    assert {(b.person.name_zh_hans, b.role) for b in korea.bylines.all()} == {
        ("王明", "reporter"),
        ("赵丽", "correspondent"),
        ("周强", "correspondent"),
    }
    assert korea.summary_en == "A Korean health technology centre opened in the zone."
    assert korea.lead_image is not None
    policy = NewsArticlePage.objects.get(title="政策清单出台")
    assert "<b>十六条</b>" in body_html(policy)
    assert policy.date == datetime.datetime(2025, 1, 10, tzinfo=SHANGHAI)
    assert {record.encoding for record in ImportRecord.objects.all()} == {shown}
    assert RelatedArticle.objects.count() == 0
