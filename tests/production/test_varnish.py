"""A real varnishd in front of the site with the repo's VCL (deploy/varnish/default.vcl): a
reader's second request is a HIT; a publish purges exactly the pages showing the change, in both
languages; an unrelated article stays a HIT; an embargoed release never enters Varnish; a staff
cookie bypasses it. Skipped, saying why, where varnishd or the xkey vmod is missing
(apt-get install varnish varnish-modules)."""

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from taggit.utils import edit_string_for_tags

from tests.factories import KeywordFactory, NewsArticlePageFactory, PersonFactory
from tests.newsroom.factories import PressReleaseFactory, schedule
from tests.production.conftest import ROOT, free_port, wait_for_port
from tests.workflow.factories import StaffFactory, article_fields, page_form_data
from website.languages import page_url_in
from workflow.roles import SITE_ADMINISTRATORS

VMOD_DIRS = [
    Path("/usr/lib/x86_64-linux-gnu/varnish/vmods"),
    Path("/usr/lib/aarch64-linux-gnu/varnish/vmods"),
]
LANGUAGES = ("zh-hans", "en")


class Varnish:
    """varnishd in the foreground on its own port, with the repo's VCL pointed at `backend`."""

    def __init__(self, port, backend_port):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.workdir = Path(tempfile.mkdtemp(prefix="varnish-"))
        vcl = (ROOT / "deploy/varnish/default.vcl").read_text()
        vcl = vcl.replace('.port = "8000";', f'.port = "{backend_port}";')
        self.vcl = self.workdir / "default.vcl"
        self.vcl.write_text(vcl)
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                shutil.which("varnishd"),
                "-F",
                "-j",
                "none",
                "-n",
                str(self.workdir / "n"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(self.vcl),
                "-s",
                "malloc,64m",
                "-T",
                "none",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(self.port, timeout=30)
        except TimeoutError:
            self.process.kill()
            raise AssertionError(self.process.communicate()[0].decode()) from None

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def get(self, path, cookie=None):
        headers = {"Cookie": cookie} if cookie else {}
        request = urllib.request.Request(self.url + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()


@pytest.fixture
def varnish(live_server, settings):
    if not shutil.which("varnishd"):
        pytest.skip("varnishd is not installed (apt-get install varnish varnish-modules)")
    if not any((directory / "libvmod_xkey.so").exists() for directory in VMOD_DIRS):
        pytest.skip("the xkey vmod is not installed (apt-get install varnish-modules)")
    backend_port = int(live_server.url.rsplit(":", 1)[1])
    edge = Varnish(free_port(), backend_port)
    edge.start()
    settings.EDGE_PURGE_URLS = [edge.url + "/"]
    yield edge
    edge.stop()


@pytest.fixture
def newsroom(news_index):
    keyword = KeywordFactory(name_zh_hans="质子治疗", name_en="Proton therapy", slug="proton-therapy")
    reporter = PersonFactory(name_zh_hans="王记者", name_en="Wang Wei")
    article = NewsArticlePageFactory(
        parent=news_index,
        title_zh_hans="质子中心开业",
        title_en="Proton centre opens",
        keywords=[keyword],
        bylines=[(reporter, "reporter")],
    )
    unrelated = NewsArticlePageFactory(parent=news_index, title_en="Unrelated story")
    return {
        "index": news_index,
        "keyword": keyword,
        "reporter": reporter,
        "article": article,
        "unrelated": unrelated,
    }


def cached(edge, path):
    edge.get(path)
    status, headers, body = edge.get(path)
    assert status == 200, path
    assert headers["X-Edge"] == "HIT", path
    assert "xkey" not in headers, "readers get no surrogate keys"
    return body


def affected_paths(newsroom):
    index, keyword = newsroom["index"], newsroom["keyword"]
    paths = []
    for language in LANGUAGES:
        index_path = page_url_in(index, language)
        paths += [
            page_url_in(newsroom["article"], language),
            index_path,
            index_path + index.reverse_subpage("keyword", args=[keyword.slug]),
            page_url_in(index.get_parent(), language),
        ]
    return paths


def publish_edit(client, article, **changes):
    data = article_fields("x", **changes)
    for name in ("title", "slug", "summary"):
        for language in ("zh_hans", "en"):
            data.setdefault(f"{name}_{language}", getattr(article, f"{name}_{language}"))
    data["slug_zh_hans"], data["slug_en"] = article.slug_zh_hans, article.slug_en
    data["action-publish"] = "publish"
    form = page_form_data(type(article), data)
    form["keywords"] = edit_string_for_tags(list(article.keywords.all()))  # the tag field's text
    response = client.post(f"/admin/pages/{article.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_purges_exactly_the_pages_showing_it_and_nothing_else(varnish, newsroom, client):
    paths = affected_paths(newsroom)
    unrelated = [page_url_in(newsroom["unrelated"], language) for language in LANGUAGES]
    for path in paths + unrelated:
        cached(varnish, path)

    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    published = time.monotonic()
    publish_edit(
        client, newsroom["article"], title_zh_hans="质子中心正式开业", title_en="Proton centre now open"
    )
    for path in paths:
        status, headers, body = varnish.get(path)
        assert (status, headers["X-Edge"]) == (200, "MISS"), path
        assert "质子中心正式开业" in body or "Proton centre now open" in body, path
    assert time.monotonic() - published < 10
    for path in unrelated:
        assert varnish.get(path)[1]["X-Edge"] == "HIT", path


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_renaming_a_person_or_a_keyword_purges_the_pages_showing_it_and_nothing_else(
    varnish, newsroom, client
):
    """The reporter and the keyword show on the article (and the keyword on its keyword page)
    only: the unrelated article stays a HIT."""
    keyword, index, reporter = newsroom["keyword"], newsroom["index"], newsroom["reporter"]
    article = [page_url_in(newsroom["article"], language) for language in LANGUAGES]
    keyword_page = page_url_in(index, "en") + index.reverse_subpage("keyword", args=[keyword.slug])
    unrelated = [page_url_in(newsroom["unrelated"], language) for language in LANGUAGES]
    for path in article + [keyword_page] + unrelated:
        cached(varnish, path)
    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))

    edits = [
        (
            f"/admin/snippets/news/person/edit/{reporter.pk}/",
            {"name_zh_hans": "王伟", "name_en": "Wang Wei (Xinhua)"},
        ),
        (
            f"/admin/snippets/news/keyword/edit/{keyword.pk}/",
            {"name_zh_hans": "质子放疗", "name_en": "Proton beam therapy", "slug": keyword.slug},
        ),
    ]
    for (url, data), showing, texts in zip(
        edits,
        [article, [*article, keyword_page]],
        [("王伟", "Wang Wei (Xinhua)"), ("质子放疗", "Proton beam therapy")],
        strict=True,
    ):
        assert client.post(url, data).status_code == 302
        for path in showing:
            status, headers, body = varnish.get(path)
            assert (status, headers["X-Edge"]) == (200, "MISS"), path
            assert any(text in body for text in texts), path
        for path in unrelated:
            assert varnish.get(path)[1]["X-Edge"] == "HIT", path
        for path in showing:
            cached(varnish, path)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_embargoed_release_never_enters_varnish(varnish, news_index, client):
    release = schedule(
        PressReleaseFactory(
            parent=news_index, live=False, title_zh_hans="禁发新闻稿标题", title_en="Embargoed headline"
        )
    )
    for language in LANGUAGES:
        path = page_url_in(release, language)
        for _ in range(2):
            status, headers, body = varnish.get(path)
            assert status == 404 and "Embargoed headline" not in body, path
            assert headers["X-Edge"] == "MISS"
    client.force_login(StaffFactory(role="Press officers"))
    response = client.post(
        "/admin/snippets/newsroom/embargopreview/add/",
        {
            "page": release.pk,
            "journalist_name": "Li Ming",
            "journalist_email": "li@example.com",
            "outlet": "HD",
        },
    )
    assert response.status_code == 302
    from newsroom.models import EmbargoPreview

    link = f"/embargo/{EmbargoPreview.objects.get().token}/"
    for _ in range(2):
        status, headers, body = varnish.get(link)
        assert status == 200 and "embargo-banner" in body
        assert headers["X-Edge"] == "MISS" and "private" in headers["Cache-Control"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_staff_cookie_bypasses_varnish(varnish, newsroom, client):
    path = page_url_in(newsroom["article"], "en")
    cached(varnish, path)
    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    staff_cookie = f"sessionid={client.cookies['sessionid'].value}"
    for _ in range(2):
        status, headers, _body = varnish.get(path, cookie=staff_cookie)
        assert (status, headers["X-Edge"]) == (200, "MISS")
        assert "private" in headers["Cache-Control"]
    # A reader with only the CSRF cookie still gets the cached page.
    assert varnish.get(path, cookie="csrftoken=abc")[1]["X-Edge"] == "HIT"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_publish_the_first_reader_gets_pages_warmed_by_the_worker(varnish, newsroom, client):
    """The warming task (website.cache_warm) asks the edge for the page, home, its index and
    its keyword pages, in both languages, right after the purge."""
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=varnish.port)
    paths = affected_paths(newsroom)
    for path in paths:
        cached(varnish, path)
    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    new_titles = {"title_zh_hans": "质子中心正式开业", "title_en": "Proton centre now open"}
    publish_edit(client, newsroom["article"], **new_titles)
    for path in paths:
        status, headers, body = varnish.get(path)
        assert (status, headers["X-Edge"]) == (200, "HIT"), path
        assert "质子中心正式开业" in body or "Proton centre now open" in body, path


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_under_a_keyword_renews_the_related_sections_without_making_readers_wait(
    varnish, newsroom, news_index, client
):
    """Every article under the keyword may now list the new one: Varnish keeps serving each
    (a HIT, in grace) while it fetches the renewed page, which shows it a moment later."""
    sharing = newsroom["article"]
    joining = NewsArticlePageFactory(
        parent=news_index, live=False, title_zh_hans="康复中心启用", title_en="Rehab centre opens"
    )
    joining.keywords.set([newsroom["keyword"]])
    path = page_url_in(sharing, "en")
    assert "Rehab centre opens" not in cached(varnish, path)

    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    publish_edit(client, joining, title_zh_hans="康复中心启用", title_en="Rehab centre opens")

    status, headers, _body = varnish.get(path)
    assert (status, headers["X-Edge"]) == (200, "HIT"), "served while renewed"
    deadline = time.monotonic() + 5
    while "Rehab centre opens" not in varnish.get(path)[2]:
        assert time.monotonic() < deadline, "the related section was not renewed"
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_renews_search_results_while_readers_still_get_them(varnish, newsroom, news_index, client):
    """A search takes long to render on a large archive: after a publish Varnish keeps serving
    the results (a HIT, in grace) while it fetches the renewed page, which finds the new story."""
    joining = NewsArticlePageFactory(
        parent=news_index, live=False, title_zh_hans="康复中心启用", title_en="Rehab centre opens"
    )
    with translation.override("en"):
        path = reverse("search") + "?q=rehab"
    link = f'href="{page_url_in(joining, "en")}"'  # the title itself has the word highlighted
    assert link not in cached(varnish, path)

    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    publish_edit(client, joining, title_zh_hans="康复中心启用", title_en="Rehab centre opens")

    status, headers, body = varnish.get(path)
    assert (status, headers["X-Edge"], link in body) == (200, "HIT", False), "served while renewed"
    deadline = time.monotonic() + 5
    while link not in varnish.get(path)[2]:
        assert time.monotonic() < deadline, "the search results were not renewed"
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_unpublished_story_leaves_the_search_results_showing_it_at_once(varnish, news_index, client):
    """Results are renewed while served only for stories that join them: a page of results that
    shows a story carries its key, so taking the story down purges that page outright."""
    story = NewsArticlePageFactory(
        parent=news_index, title_zh_hans="康复中心启用", title_en="Rehab centre opens"
    )
    with translation.override("en"):
        path = reverse("search") + "?q=rehab"
    link = f'href="{page_url_in(story, "en")}"'
    assert link in cached(varnish, path)

    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    assert client.post(f"/admin/pages/{story.pk}/unpublish/").status_code == 302

    status, headers, body = varnish.get(path)
    assert (status, headers["X-Edge"]) == (200, "MISS")
    assert link not in body
