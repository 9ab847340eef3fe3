"""An embargoed (scheduled, not yet live) release leaks nowhere; once the scheduler runs it is everywhere."""

import secrets
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from wagtail.rich_text import RichText

from newsroom.models import EmbargoPreview
from website.languages import page_url_in

from ..factories import ImageFactory
from ..html import parse
from .factories import DocumentFactory, PressReleaseFactory, let_time_pass, schedule
from .files import image_urls, public_files_named, status_of

pytestmark = pytest.mark.django_db

SECRETS = ("禁发新闻稿标题", "Embargoed headline", "禁发摘要", "Embargoed summary", "jinfa", "embargoed/")


def public_channels(news_index, keyword, live_release, newsroom):
    """Every public address that lists or shows articles, in both languages."""
    urls = ["/sitemap.xml", "/api/v2/pages/?limit=20", "/en/api/v2/pages/?limit=20"]
    urls += [
        "/api/v2/pages/?type=news.NewsArticlePage&fields=title,summary,lead_image",
        "/en/api/v2/pages/?type=news.NewsArticlePage&fields=title,summary,lead_image",
    ]
    for language in ("zh-hans", "en"):
        prefix = "" if language == "zh-hans" else "/en"
        index_url = page_url_in(news_index, language)
        urls += [
            page_url_in(news_index.get_parent(), language),
            index_url,
            f"{index_url}?keyword={keyword.slug}",
            f"{index_url}keywords/{keyword.slug}/",
            page_url_in(live_release, language),  # related articles by shared keyword
            page_url_in(newsroom, language),
        ]
        for feed in ("news", "press-releases", f"keywords/{keyword.slug}"):
            urls += [f"{prefix}/feeds/{feed}.rss", f"{prefix}/feeds/{feed}.atom"]
    return urls


def leaks(client, urls, embargoed_release):
    image_file = embargoed_release.lead_image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        hits = [secret for secret in (*SECRETS, image_file) if secret in text]
        if f"/pages/{embargoed_release.pk}/" in text:
            hits.append("API detail URL")
        if hits:
            found[url] = hits
    return found


def test_embargoed_release_is_nowhere_before_its_time(
    client, news_index, keyword, live_release, embargoed_release, newsroom
):
    urls = public_channels(news_index, keyword, live_release, newsroom)
    assert leaks(client, urls, embargoed_release) == {}

    for language in ("zh-hans", "en"):
        assert client.get(page_url_in(embargoed_release, language)).status_code == 404
    assert client.get(f"/api/v2/pages/{embargoed_release.pk}/").status_code == 404
    assert client.get(f"/en/api/v2/pages/{embargoed_release.pk}/").status_code == 404
    document = embargoed_release.attachments.get().document
    assert client.get(document.url).status_code == 404


def test_staff_may_download_an_embargoed_attachment(client, embargoed_release, admin_user):
    client.force_login(admin_user)
    document = embargoed_release.attachments.get().document
    assert client.get(document.url).status_code == 200


def test_release_appears_everywhere_once_the_scheduler_runs(
    client, news_index, keyword, live_release, embargoed_release, newsroom, django_capture_on_commit_callbacks
):
    let_time_pass(embargoed_release)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)
    embargoed_release.refresh_from_db()
    assert embargoed_release.live

    urls = public_channels(news_index, keyword, live_release, newsroom)
    found = leaks(client, urls, embargoed_release)
    # Every listing now names the release (the English ones by its English title).
    missing = [url for url in urls if url not in found]
    assert missing == []
    for language in ("zh-hans", "en"):
        assert client.get(page_url_in(embargoed_release, language)).status_code == 200
    assert client.get(embargoed_release.attachments.get().document.url).status_code == 200


def search_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [a.get_text().strip() for a in parse(response).select(".search-result__title a")]


def test_search_finds_an_embargoed_release_only_after_the_scheduler_runs(client, embargoed_release):
    searches = {
        "/search/?q=禁发新闻稿标题": "禁发新闻稿标题",
        "/en/search/?q=Embargoed+headline": "Embargoed headline",
    }
    for url in searches:
        assert search_titles(client, url) == []

    let_time_pass(embargoed_release)
    call_command("publish_scheduled", verbosity=0)
    for url, title in searches.items():
        assert search_titles(client, url) == [title]


# Files: the web server serves MEDIA_ROOT at /media/ itself (tests/newsroom/files.py does the same
# here), so a guessed file name is tried exactly as an outsider would try it.


@pytest.fixture(autouse=True)
def fresh_rendition_cache():
    """Wagtail caches renditions by image id, and ids repeat from test to test on SQLite."""
    cache.clear()


@pytest.fixture
def stem():
    """A file-name stem no other test (or helper running tests at the same time) uses."""
    return f"embargo-{secrets.token_hex(4)}"


@pytest.fixture
def release_with_body_files(news_index, stem, django_capture_on_commit_callbacks):
    """A scheduled release with an image, a gallery, a document block and a document link in its body."""
    images = {
        role: ImageFactory(file__filename=f"{stem}-{role}.jpg") for role in ("lead", "figure", "gallery")
    }
    linked = DocumentFactory(title=f"{stem} linked")
    block = DocumentFactory(title=f"{stem} block")
    attached = DocumentFactory(title=f"{stem} attached")
    body = [
        ("paragraph", RichText(f'<p>Read <a linktype="document" id="{linked.pk}">the fact sheet</a>.</p>')),
        ("image", {"image": images["figure"], "caption": "Figure"}),
        ("gallery", [images["gallery"]]),
        ("document", {"document": block, "title": "Figures"}),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        page = PressReleaseFactory(
            parent=news_index,
            live=False,
            slug_zh_hans=f"{stem}-zh",
            slug_en=f"{stem}-en",
            lead_image=images["lead"],
            body_zh_hans=body,
            body_en=body,
            documents=[attached],
        )
        schedule(page)
    page.refresh_from_db()
    return page, list(images.values()), [linked, block, attached]


def refreshed(objects):
    for item in objects:
        item.refresh_from_db()
    return objects


def test_images_and_documents_of_an_embargoed_release_are_private_until_the_scheduler_runs(
    client, stem, release_with_body_files, django_capture_on_commit_callbacks
):
    page, images, documents = release_with_body_files
    for item in refreshed(images + documents):
        assert item.file.name.startswith("embargoed/"), item.file.name
        assert Path(settings.PRIVATE_MEDIA_ROOT, item.file.name).is_file()
    assert public_files_named(stem) == []
    # Guessing the names Wagtail would have given the files finds nothing, nor do their real URLs.
    for role in ("lead", "figure", "gallery"):
        assert status_of(client, f"/media/original_images/{stem}-{role}.jpg") == 404
        assert status_of(client, f"/media/images/{stem}-{role}.width-800.format-webp.webp") == 404
    for item in images + documents:
        assert status_of(client, item.file.url) == 404
    for document in documents:
        assert status_of(client, document.url) == 404

    # A journalist's preview link shows the pictures (renditions made now stay private) ...
    preview = EmbargoPreview.objects.create(
        page=page, journalist_name="Li Ming", journalist_email="li@example.com"
    )
    shown = client.get(f"/en/embargo/{preview.token}/")
    assert shown.status_code == 200
    urls = image_urls(shown)
    assert len(urls) >= 4
    for url in urls:
        assert url.startswith(f"/embargo/{preview.token}/files/"), url
        assert client.get(url).status_code == 200
    assert public_files_named(stem) == []
    renditions = [rendition for image in images for rendition in image.renditions.all()]
    assert renditions and all(r.file.name.startswith("embargoed/") for r in renditions)
    for rendition in renditions:
        private_url = rendition.url
        assert status_of(client, private_url) == 404  # without the link
        assert (
            client.get(private_url.replace("/private-media/", f"/embargo/{preview.token}/files/")).status_code
            == 200
        )
    # ... until it is revoked.
    preview.revoked = True
    preview.save()
    assert all(client.get(url).status_code == 404 for url in urls)

    let_time_pass(page)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)
    for item in refreshed(images + documents):
        assert not item.file.name.startswith("embargoed/"), item.file.name
        assert status_of(client, item.file.url) == 200
    assert all(status_of(client, url) == 404 for url in urls)  # the private copies are gone
    for document in documents:
        assert status_of(client, document.url) == 200
    for language in ("zh-hans", "en"):
        response = client.get(page_url_in(page, language))
        assert response.status_code == 200
        urls = image_urls(response)
        assert len(urls) >= 4 and all(url.startswith("/media/") for url in urls), urls
        assert all(status_of(client, url) == 200 for url in urls)
    assert public_files_named(stem)


def document_links(response):
    return [a["href"] for a in parse(response).select("a[href]") if "/documents/" in a["href"]]


def test_the_attachments_of_an_embargo_preview_open_for_its_link_and_nobody_else(
    client, release_with_body_files
):
    page, _images, documents = release_with_body_files
    preview = EmbargoPreview.objects.create(
        page=page, journalist_name="Li Ming", journalist_email="li@example.com"
    )

    for prefix in ("", "/en"):
        links = document_links(client.get(f"{prefix}/embargo/{preview.token}/"))
        # the body's linked and block documents and the attachment, each through this link
        assert {link.split("/")[4] for link in links} == {str(document.pk) for document in documents}, links
        for link in links:
            assert link.startswith(f"/embargo/{preview.token}/documents/"), link
            response = client.get(link)
            assert response.status_code == 200
            assert response["Content-Disposition"].startswith("attachment")
            assert response["Cache-Control"] == "private, no-store"
            assert b"".join(response.streaming_content)
            assert client.get(link.replace(preview.token, "not-a-real-token")).status_code == 404
    # a document the release does not use stays closed, even to a valid link
    unrelated = DocumentFactory(title="unrelated")
    assert client.get(f"/embargo/{preview.token}/documents/{unrelated.pk}/x.pdf").status_code == 404
    for document in documents:
        assert client.get(document.url).status_code == 404  # without the link
    preview.revoked = True
    preview.save()
    assert all(client.get(link).status_code == 404 for link in links)


def test_staff_see_private_pictures_in_the_admin(client, admin_user, release_with_body_files):
    page, images, _documents = release_with_body_files
    lead = refreshed(images)[0]
    rendition = lead.get_rendition("max-165x165")
    assert rendition.file.name.startswith("embargoed/")
    assert client.get(rendition.url).status_code == 404
    client.force_login(admin_user)
    assert client.get(rendition.url).status_code == 200
    assert client.get(lead.file.url).status_code == 200
    listing = client.get("/admin/images/")
    assert rendition.url in listing.content.decode()
    # No name reaches outside the embargoed files (other private files may share PRIVATE_MEDIA_ROOT).
    assert client.get("/private-media/../stories/photo.jpg").status_code in (400, 404)


def test_a_picture_a_live_page_shows_stays_public_when_an_embargoed_release_uses_it(
    client, news_index, stem, django_capture_on_commit_callbacks
):
    picture = ImageFactory(file__filename=f"{stem}-shared.jpg")
    live = PressReleaseFactory(parent=news_index, lead_image=picture)
    assert live.live
    with django_capture_on_commit_callbacks(execute=True):
        schedule(PressReleaseFactory(parent=news_index, live=False, lead_image=picture))
    picture.refresh_from_db()
    assert not picture.file.name.startswith("embargoed/")
    assert status_of(client, picture.file.url) == 200
