"""The admin's *Import archive*, as a Site administrator uses it: upload a ZIP, the import runs as a
background task, the report reads in the administrator's language and downloads as CSV."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from archive.forms import upload_root
from archive.models import ImportRecord, ImportRun
from news.models import NewsArticlePage

from .conftest import ANNOTATED_SEED, TRADITIONAL_SEED, seed_bytes, zip_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_admin(django_user_model):
    def make(language="zh-hans", group="Site administrators"):
        user = django_user_model.objects.create_user(f"admin-{language}-{group[:4]}", "a@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return make


@pytest.fixture
def upload_dir(settings, tmp_path):
    settings.ARCHIVE_UPLOAD_ROOT = tmp_path / "uploads"
    return settings.ARCHIVE_UPLOAD_ROOT


def seeds_zip():
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = zip_bytes(
        {TRADITIONAL_SEED: seed_bytes(TRADITIONAL_SEED), ANNOTATED_SEED: seed_bytes(ANNOTATED_SEED)}
    )
    return SimpleUploadedFile("old-site.zip", data, content_type="application/zip")


def test_site_administrator_imports_a_zip_and_reads_the_report(client, news_index, site_admin, upload_dir):
    client.force_login(site_admin("zh-hans"))
    form = client.get(reverse("archive_import"))
    assert form.status_code == 200 and "导入归档" in form.content.decode()

    response = client.post(reverse("archive_import"), {"archive": seeds_zip(), "section": news_index.pk})

    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("archive_run", args=[run.pk])
    assert run.status == ImportRun.Status.FINISHED and run.processed == 2
    assert run.counts["quarantined"] == 1 and run.counts["imported"] == 1
    assert NewsArticlePage.objects.count() == 2
    assert list(upload_dir.iterdir()) == []  # the upload is gone once imported
    report = client.get(response["Location"]).content.decode()
    assert "已隔离" in report and "91香蕉" in report and "需编辑检查" in report
    assert 'http-equiv="refresh"' not in report
    csv = client.get(reverse("archive_run_csv", args=[run.pk]))
    assert csv["Content-Type"].startswith("text/csv") and "已导入" in csv.content.decode("utf-8-sig")
    # Imported pages' addresses are on the site's configured address, not the Site record's localhost.
    rows = csv.content.decode("utf-8-sig")
    for record in run.records.exclude(page=None).select_related("page"):
        assert "http://testserver" + record.page.get_url_parts()[2] in rows
    assert "http://localhost" not in rows


def test_the_report_reads_in_english_for_an_english_administrator(client, news_index, site_admin, upload_dir):
    client.force_login(site_admin("zh-hans"))
    client.post(reverse("archive_import"), {"archive": seeds_zip(), "section": news_index.pk})
    run = ImportRun.objects.get()

    client.force_login(site_admin("en"))
    report = client.get(reverse("archive_run", args=[run.pk])).content.decode()

    assert "Quarantined" in report and "Editor must check" in report and "pinyin readings" in report
    page = ImportRecord.objects.get(outcome="quarantined").page
    original = client.get(reverse("archive_original", args=[page.pk])).content.decode()
    assert "?!北本┓仓" in original  # the original, damage and all


def test_a_running_import_refreshes_its_page(client, news_index, site_admin):
    client.force_login(site_admin("en"))
    run = ImportRun.objects.create(
        source_name="x.zip", section=news_index, status=ImportRun.Status.RUNNING, total=10, processed=4
    )
    page = client.get(reverse("archive_run", args=[run.pk])).content.decode()
    assert 'http-equiv="refresh"' in page and "4 of about 10 articles processed" in page


def test_dry_run_from_the_admin_writes_no_content(client, news_index, site_admin, upload_dir):
    client.force_login(site_admin("en"))
    client.post(
        reverse("archive_import"), {"archive": seeds_zip(), "section": news_index.pk, "dry_run": "on"}
    )
    run = ImportRun.objects.get()
    assert run.dry_run and run.records.count() == 2
    assert NewsArticlePage.objects.count() == 0


def test_a_2_gb_upload_is_refused_before_it_is_read(client, news_index, site_admin, upload_dir):
    client.force_login(site_admin("zh-hans"))
    response = client.post(
        reverse("archive_import"),
        {"archive": seeds_zip(), "section": news_index.pk},
        CONTENT_LENGTH=str(2 * 1024**3),
    )
    assert response.status_code == 413
    assert "可上传的上限为 1024 MB" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_an_upload_past_the_limit_stops_while_it_streams(
    client, news_index, site_admin, upload_dir, settings
):
    settings.ARCHIVE_MAX_UPLOAD_SIZE = 200_000
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("big.zip", b"PK" + b"\0" * 250_000, content_type="application/zip")
    client.force_login(site_admin("en"))
    response = client.post(reverse("archive_import"), {"archive": big, "section": news_index.pk})
    assert (
        response.status_code == 413
        and "the largest that can be uploaded is 0 MB" in response.content.decode()
    )
    assert ImportRun.objects.count() == 0
    assert [path for path in upload_root().iterdir()] == []


@pytest.mark.parametrize("group", ["Editors", "Press officers", "Writers"])
def test_other_roles_cannot_import(client, news_index, site_admin, group):
    client.force_login(site_admin("en", group=group))
    response = client.get(reverse("archive_import"))
    assert response.status_code in (302, 403)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("archive_import") not in menu
