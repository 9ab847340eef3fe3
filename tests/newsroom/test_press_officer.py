"""A press officer prepares an embargoed release in the admin; it leaks nowhere until the scheduler runs.

Everything goes through the admin's own views: the officer uploads a picture and two documents,
creates the release (embargo time, media contact, attachment, lead image, a picture and a
document link in the body) and submits it; three reviewers approve it, which schedules it.
"""

import datetime
import io
import secrets

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from media_library.models import CustomImage
from news.models import NewsArticlePage

from ..html import parse
from ..workflow.factories import StaffFactory, page_form_data
from .factories import MediaContactFactory
from .files import image_urls, public_files_named, status_of

pytestmark = pytest.mark.django_db

TITLE_ZH, TITLE_EN = "质子中心扩建新闻稿", "Proton centre expansion release"


@pytest.fixture(autouse=True)
def fresh_rendition_cache():
    """Wagtail caches renditions by image id, and ids repeat from test to test on SQLite."""
    cache.clear()


@pytest.fixture
def stem():
    """A file-name stem no other test (or helper running tests at the same time) uses."""
    return f"officer-{secrets.token_hex(4)}"


def jpeg(name):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def upload_image(client, name):
    data = {"title_zh_hans": name, "title_en": name, "file": jpeg(f"{name}.jpg")}
    data["collection"] = Collection.get_first_root_node().pk
    response = client.post("/admin/images/add/", data)
    assert response.status_code == 302, response.content.decode()[:1000]
    return CustomImage.objects.get(title_zh_hans=name)


def upload_document(client, name):
    data = {"title": name, "collection": Collection.get_first_root_node().pk}
    data["file"] = SimpleUploadedFile(f"{name}.pdf", b"%PDF-1.4 embargoed figures\n")
    response = client.post("/admin/documents/add/", data)
    assert response.status_code == 302, response.content.decode()[:1000]
    return Document.objects.get(title=name)


def release_form(go_live, lead, figure, attachment, linked, contact):
    link = f'<p>Figures: <a linktype="document" id="{linked.pk}">fact sheet</a>.</p>'
    body = streamfield(
        [
            ("paragraph", rich_text(link, features=["link", "document-link"])),
            ("image", {"image": figure.pk, "caption": ""}),
        ]
    )
    fields = {
        "title_zh_hans": TITLE_ZH,
        "slug_zh_hans": "kuojian",
        "title_en": TITLE_EN,
        "slug_en": "expansion",
        "kind": "press_release",
        "date": timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
        "summary_zh_hans": "质子中心将扩建。",
        "summary_en": "The proton centre will grow.",
        "lead_image": lead.pk,
        "body_zh_hans": body,
        "body_en": body,
        "media_contacts": inline_formset([{"contact": contact.pk}]),
        "attachments": inline_formset([{"document": attachment.pk, "title": ""}]),
        "go_live_at": timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
        "action-submit": "submit",
    }
    return page_form_data(NewsArticlePage, fields)


def approve(client, user, page):
    client.force_login(user)
    task_state = NewsArticlePage.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code in (200, 302)


def public_addresses():
    """Where the release could show: lists, feeds, API, sitemap and search, in both languages."""
    urls = ["/sitemap.xml", "/api/v2/pages/?type=news.NewsArticlePage&fields=title,lead_image"]
    urls += ["/en/api/v2/pages/?type=news.NewsArticlePage&fields=title,lead_image"]
    urls += [
        "/xinwen/",
        "/en/news/",
        "/search/?q=质子中心扩建",
        "/en/search/?q=Proton+centre+expansion",
    ]
    for prefix in ("", "/en"):
        for feed in ("news", "press-releases"):
            urls += [f"{prefix}/feeds/{feed}.rss", f"{prefix}/feeds/{feed}.atom"]
    return urls


def mentions(client, urls, release):
    """The addresses whose answer names the release: its title, its address or its API detail URL."""
    addresses = ("/kuojian/", "/news/expansion/", f"/pages/{release.pk}/")
    found = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        # A search page repeats the query and highlights words in titles: look for the address there.
        markers = addresses if "/search/" in url else (TITLE_ZH, TITLE_EN, *addresses)
        if any(marker in text for marker in markers):
            found.append(url)
    return found


def test_press_officers_embargoed_release_leaks_nowhere_until_the_scheduler_publishes_it(
    client, news_index, stem, django_capture_on_commit_callbacks
):
    officer = StaffFactory(role="Press officers")
    reviewers = [StaffFactory(role=role) for role in ("Editors", "Department heads", "Leadership")]
    contact = MediaContactFactory()
    go_live = (timezone.now() + datetime.timedelta(hours=2)).replace(second=0, microsecond=0)

    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(officer)
        lead, figure = upload_image(client, f"{stem}-lead"), upload_image(client, f"{stem}-figure")
        attachment, linked = (
            upload_document(client, f"{stem}-attached"),
            upload_document(client, f"{stem}-linked"),
        )
        form = release_form(go_live, lead, figure, attachment, linked, contact)
        response = client.post(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/", form)
        assert response.status_code == 302, response.content.decode()[:3000]
        release = NewsArticlePage.objects.get(slug_zh_hans="kuojian")
        for reviewer in reviewers:
            approve(client, reviewer, release)
    release.refresh_from_db()
    assert not release.live and release.go_live_at == go_live
    assert release.current_workflow_task is None  # approved at every level, waiting for its time
    assert Page.objects.get(pk=release.pk).specific.attachments.get().document == attachment

    # The admin's thumbnails make renditions now: they are private too.
    client.force_login(officer)
    assert client.get("/admin/images/").status_code == 200
    client.logout()

    files = [lead, figure, attachment, linked]
    for item in files:
        item.refresh_from_db()
        assert item.file.name.startswith("embargoed/"), item.file.name
        assert status_of(client, item.file.url) == 404
    renditions = [rendition for image in (lead, figure) for rendition in image.renditions.all()]
    assert renditions and all(status_of(client, r.url) == 404 for r in renditions)
    assert public_files_named(stem) == []
    for document in (attachment, linked):
        assert status_of(client, document.url) == 404
    for url in ("/xinwen/kuojian/", "/en/news/expansion/", f"/api/v2/pages/{release.pk}/"):
        assert client.get(url).status_code == 404
    assert mentions(client, public_addresses(), release) == []

    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled", verbosity=0)
        release.refresh_from_db()
        assert release.live

        found = mentions(client, public_addresses(), release)
        assert [url for url in public_addresses() if url not in found] == []
        for item in files:
            item.refresh_from_db()
            assert not item.file.name.startswith("embargoed/"), item.file.name
            assert status_of(client, item.file.url) == 200
        for document in (attachment, linked):
            assert status_of(client, document.url) == 200
        for url in ("/xinwen/kuojian/", "/en/news/expansion/"):
            response = client.get(url)
            assert response.status_code == 200
            page = parse(response)
            links = [a["href"] for a in page.select("main a[href]")]
            assert attachment.url in links and linked.url in links
            pictures = image_urls(response)
            assert len(pictures) >= 4 and all(status_of(client, src) == 200 for src in pictures), pictures
        assert client.get(f"/api/v2/pages/{release.pk}/").status_code == 200
