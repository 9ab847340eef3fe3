"""Old addresses keep working; running the same export twice changes nothing; a dry run writes
nothing; published imports keep their dates, send no alerts and stay below newer stories."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from archive.models import ImportedArticle, ImportRecord, ImportRun
from media_library.models import CustomImage
from news.models import NewsArticlePage, Person
from newsroom.models import AlertDelivery, Subscriber

from ..factories import NewsArticlePageFactory
from . import samples
from .conftest import TRADITIONAL_SEED, make_folder, png_bytes, seed_bytes

pytestmark = pytest.mark.django_db


def manifest_folder(tmp_path, rows_text=None):
    files = {"manifest.csv": rows_text or samples.csv_text(), "pictures/korea.png": png_bytes("navy")}
    return make_folder(tmp_path / "export", files)


def test_old_addresses_redirect_permanently_in_the_right_language(client, tmp_path, run_import):
    pages = {"news/show.php": samples.SECOND_PAGE.format(charset="utf-8")}
    run_import(make_folder(tmp_path / "pages", pages))
    run_import(manifest_folder(tmp_path))
    run_import(make_folder(tmp_path / "wp", {"export.xml": samples.WXR.format(charset="utf-8")}))

    korea = NewsArticlePage.objects.get(title="韩国合作项目落地")
    response = client.get("/article.asp?id=501")
    assert response.status_code == 301 and response["Location"] == korea.url
    english = client.get("/en/article.asp?id=501")
    assert english.status_code == 301 and english["Location"].startswith("/en/")
    assert client.get(english["Location"]).status_code == 200  # the English notice (English: partial)
    second = NewsArticlePage.objects.get(title_zh_hans="精准医学产业园建成使用")
    assert client.get("/news/show.php?id=124")["Location"] == second.url
    wordpress = NewsArticlePage.objects.get(title_zh_hans="园区新开工项目十五个")
    assert client.get("/2024/01/xinkaigong/")["Location"] == wordpress.url
    # WordPress's ?p=12 lands on the home page, which answers 200: the redirect still applies.
    by_id = client.get("/?p=12")
    assert by_id.status_code == 301 and by_id["Location"] == wordpress.url
    assert client.get("/?page=2").status_code == 200  # the site's own query strings are untouched
    # The same old addresses under /zh-hant/ lead to the Traditional pages.
    korea_traditional, wordpress_traditional = "/zh-hant" + korea.url, "/zh-hant" + wordpress.url
    traditional = client.get("/zh-hant/article.asp?id=501")
    assert traditional.status_code == 301 and traditional["Location"] == korea_traditional
    assert client.get("/zh-hant/?p=12")["Location"] == wordpress_traditional
    assert client.get(traditional["Location"]).status_code == 200
    assert Redirect.objects.filter(old_path="/article.asp?id=501", is_permanent=True).exists()


def test_running_the_same_export_twice_duplicates_nothing(tmp_path, run_import):
    folder = manifest_folder(tmp_path)
    run_import(folder)
    counts = (
        NewsArticlePage.objects.count(),
        Redirect.objects.count(),
        CustomImage.objects.count(),
        Person.objects.count(),
    )
    revisions = Revision.objects.count()

    run_import(folder)

    second = ImportRun.objects.order_by("-pk").first()
    assert set(second.records.values_list("outcome", flat=True)) == {ImportRecord.Outcome.UNCHANGED}
    assert (
        NewsArticlePage.objects.count(),
        Redirect.objects.count(),
        CustomImage.objects.count(),
        Person.objects.count(),
    ) == counts
    assert Revision.objects.count() == revisions


def test_a_changed_article_is_updated_unless_an_editor_changed_it(tmp_path, run_import):
    run_import(manifest_folder(tmp_path))
    changed = (
        samples.csv_text()
        .replace("多个合作项目正在洽谈。", "三个合作项目已经签约。")
        .replace("十六条", "十七条")
    )
    editor_page = NewsArticlePage.objects.get(title="政策清单出台")
    editor_page.get_latest_revision_as_object().save_revision()  # an editor's revision since the import

    run_import(manifest_folder(tmp_path / "again", changed))

    outcomes = dict(ImportRun.objects.order_by("-pk").first().records.values_list("title", "outcome"))
    korea = NewsArticlePage.objects.get(title="韩国合作项目落地")
    assert outcomes["韩国合作项目落地"] == ImportRecord.Outcome.UPDATED
    assert "三个合作项目已经签约" in str(korea.body_zh_hans) and korea.live
    assert NewsArticlePage.objects.count() == 2
    policy_record = ImportRecord.objects.filter(page=editor_page).order_by("-pk").first()
    assert policy_record.outcome == ImportRecord.Outcome.UNCHANGED
    assert "check_edited_since" in [detail["code"] for detail in policy_record.details]
    assert "十六条" in str(NewsArticlePage.objects.get(pk=editor_page.pk).body_zh_hans)


def test_dry_run_writes_nothing_and_prints_the_full_report(seed_folder, run_import):
    out = run_import(seed_folder(TRADITIONAL_SEED), "--dry-run")

    assert "Dry run, nothing was written." in out
    assert "Quarantined" in out and "91香蕉" in out and "Paragraph 19" in out and "?”北京凡知醫" in out
    assert NewsArticlePage.objects.count() == 0
    assert ImportRun.objects.count() == 0 and ImportedArticle.objects.count() == 0
    assert Redirect.objects.count() == 0 and Person.objects.count() == 0


def test_backdated_imports_send_no_alerts_and_stay_below_newer_stories(
    client, news_index, tmp_path, run_import
):
    Subscriber.objects.create(
        email="journalist@example.org", language="zh-hans", topic="all_news", confirmed_at=timezone.now()
    )
    newer = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="最新消息", date=timezone.now() - datetime.timedelta(days=1)
    )
    mail.outbox.clear()

    run_import(manifest_folder(tmp_path))

    korea = NewsArticlePage.objects.get(title="韩国合作项目落地")
    assert korea.live and korea.first_published_at == korea.date
    assert AlertDelivery.objects.count() == 0 and mail.outbox == []
    listing = client.get("/xinwen/").content.decode()
    assert listing.index(newer.title) < listing.index("韩国合作项目落地")


def test_flagged_articles_wait_for_review_without_emails(seed_folder, run_import, django_user_model):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("editor1", "editor1@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    mail.outbox.clear()

    run_import(seed_folder(TRADITIONAL_SEED))

    page = NewsArticlePage.objects.get()
    assert not page.live and page.current_workflow_task.name == "初审 First review"
    assert mail.outbox == []


def test_the_original_is_kept_for_audit(seed_folder, run_import):
    run_import(seed_folder(TRADITIONAL_SEED))
    assert ImportedArticle.objects.get().original_text.encode() == seed_bytes(TRADITIONAL_SEED)
