"""Embargo preview links: a press officer creates one in the admin; a journalist reads the scheduled
release through it until it is revoked or the release goes live; every use is logged."""

from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from newsroom.models import EmbargoPreview, EmbargoPreviewUse
from website.languages import page_url_in

from ..html import parse
from ..workflow.factories import StaffFactory
from .factories import let_time_pass

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/newsroom/embargopreview/add/"
BROWSER = "Mozilla/5.0 (Journalist's laptop)"


def create_link(client, role, page, **extra):
    client.force_login(StaffFactory(role=role))
    data = {
        "page": page.pk,
        "journalist_name": "Li Ming",
        "journalist_email": "li.ming@example.com",
        "outlet": "Health Daily",
        **extra,
    }
    return client.post(ADD_URL, data)


@pytest.fixture
def preview(client, embargoed_release):
    response = create_link(client, "Press officers", embargoed_release)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return EmbargoPreview.objects.get()


def read(client, url, **headers):
    return client.get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.7", **headers)


def test_press_officer_creates_a_link_and_the_journalist_reads_the_release_in_both_languages(
    client, preview, embargoed_release
):
    assert preview.page_id == embargoed_release.pk
    assert preview.created_by.groups.get().name == "Press officers"
    assert len(preview.token) >= 40

    chinese = read(client, f"/embargo/{preview.token}/")
    assert chinese.status_code == 200
    assert chinese["Cache-Control"] == "private, no-store"
    assert "noindex" in chinese["X-Robots-Tag"]
    doc = parse(chinese)
    assert doc.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    assert doc.select_one(".article__title").get_text(strip=True) == "禁发新闻稿标题"
    banner = doc.select_one(".embargo-banner__title").get_text(" ", strip=True)
    go_live = embargoed_release.go_live_at.astimezone(ZoneInfo("Asia/Shanghai"))
    assert go_live.strftime("%Y-%m-%d %H:%M") in banner
    assert "Asia/Shanghai" in banner and "UTC+08:00" in banner
    # The language switch leads to the preview in English, not to the (not yet public) page.
    switch = [a["href"] for a in doc.select(".language-switcher a[hreflang]")]
    assert switch == [
        f"/embargo/{preview.token}/",
        f"/zh-hant/embargo/{preview.token}/",
        f"/en/embargo/{preview.token}/",
    ]
    traditional = parse(read(client, f"/zh-hant/embargo/{preview.token}/"))
    assert traditional.select_one(".article__title").get_text(strip=True) == "禁發新聞稿標題"

    english = read(client, f"/en/embargo/{preview.token}/")
    assert english.status_code == 200
    text = english.content.decode()
    doc = parse(english)
    assert doc.select_one(".article__title").get_text(strip=True) == "Embargoed headline"
    assert "EMBARGOED UNTIL" in doc.select_one(".embargo-banner__title").get_text()
    assert "禁发新闻稿标题" not in text and "禁发摘要" not in text
    # Nothing points at the release's public addresses, which answer 404 until it is live.
    for language in ("zh-hans", "en"):
        public = page_url_in(embargoed_release, language)
        assert f'href="{public}"' not in text
        assert client.get(public).status_code == 404

    uses = list(EmbargoPreviewUse.objects.filter(preview=preview).order_by("used_at"))
    assert [(u.outcome, u.ip_address, u.user_agent) for u in uses] == [
        ("shown", "203.0.113.7", BROWSER),  # Simplified
        ("shown", "203.0.113.7", BROWSER),  # Traditional
        ("shown", "203.0.113.7", BROWSER),  # English
    ]


def test_the_preview_shows_the_latest_revision(client, preview, embargoed_release):
    page = embargoed_release.get_latest_revision_as_object()
    page.title_en = "Embargoed headline, corrected"
    page.save_revision()
    doc = parse(read(client, f"/en/embargo/{preview.token}/"))
    assert doc.select_one(".article__title").get_text(strip=True) == "Embargoed headline, corrected"


def test_revoked_link_is_gone_in_both_languages(client, preview, embargoed_release):
    client.force_login(preview.created_by)
    edit = client.post(
        f"/admin/snippets/newsroom/embargopreview/edit/{preview.pk}/",
        {
            "page": embargoed_release.pk,
            "journalist_name": preview.journalist_name,
            "journalist_email": preview.journalist_email,
            "outlet": preview.outlet,
            "revoked": "on",
        },
    )
    assert edit.status_code == 302
    client.logout()
    preview.refresh_from_db()
    assert preview.revoked and preview.revoked_at is not None

    for url in (f"/embargo/{preview.token}/", f"/en/embargo/{preview.token}/"):
        response = read(client, url)
        assert response.status_code == 410
        assert response["Cache-Control"] == "private, no-store"
        text = response.content.decode()
        assert "禁发新闻稿标题" not in text and "Embargoed headline" not in text
    english = parse(read(client, f"/en/embargo/{preview.token}/"))
    assert "withdrawn" in english.select_one(".embargo-preview__message").get_text()
    assert set(preview.uses.values_list("outcome", flat=True)) == {"revoked"}


def test_link_leads_to_the_public_page_once_the_scheduler_publishes_the_release(
    client, preview, embargoed_release
):
    let_time_pass(embargoed_release)
    call_command("publish_scheduled", verbosity=0)
    for language, prefix in (("zh-hans", ""), ("en", "/en")):
        response = read(client, f"{prefix}/embargo/{preview.token}/")
        assert response.status_code == 302
        assert response["Location"] == page_url_in(embargoed_release, language)
        assert client.get(response["Location"]).status_code == 200
    assert list(preview.uses.values_list("outcome", flat=True)) == ["released", "released"]


def test_a_writer_cannot_create_a_link(client, embargoed_release):
    response = create_link(client, "Writers", embargoed_release)
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith("/admin/snippets/newsroom/embargopreview/")
    assert not EmbargoPreview.objects.exists()
    assert client.get("/admin/snippets/newsroom/embargopreview/").status_code in (302, 403)


def test_links_are_only_for_scheduled_releases(client, live_release):
    response = create_link(client, "Press officers", live_release)
    assert response.status_code == 200
    # The press officer's admin is in Chinese, the site's default language.
    assert "预览链接仅适用于已定时、尚未发布的新闻稿" in " ".join(response.context["form"].errors["page"])
    assert not EmbargoPreview.objects.exists()


def test_unknown_token_gets_a_clear_message(client, embargoed_release):
    response = read(client, "/en/embargo/not-a-real-token/")
    assert response.status_code == 404
    assert "not valid" in parse(response).select_one(".embargo-preview__message").get_text()
    assert read(client, "/embargo/not-a-real-token/").status_code == 404
