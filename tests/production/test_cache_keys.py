"""What a change purges at the edge (website.cache_keys): exactly the keys of the pages that
show it, sent as PURGE with xkey-purge to every EDGE_PURGE_URLS address once it commits."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.factories import KeywordFactory, NewsArticlePageFactory
from tests.production.test_varnish import publish_edit
from tests.workflow.factories import StaffFactory
from workflow.roles import SITE_ADMINISTRATORS


class Recorder(BaseHTTPRequestHandler):
    purges = []

    def do_PURGE(self):  # noqa: N802 -- the HTTP method's name
        # Keys renewed while still served (xkey-softpurge) are marked with a "~".
        renewed = {f"~{key}" for key in (self.headers["xkey-softpurge"] or "").split()}
        Recorder.purges.append(set(self.headers["xkey-purge"].split()) | renewed)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def edge(settings):
    server = HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.EDGE_PURGE_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    Recorder.purges = []
    yield Recorder.purges
    server.shutdown()


@pytest.mark.django_db
def test_publishing_an_article_purges_it_its_lists_and_its_keywords(
    edge, news_index, client, django_capture_on_commit_callbacks
):
    keyword = KeywordFactory(slug="proton-therapy")
    article = NewsArticlePageFactory(parent=news_index, keywords=[keyword])
    client.force_login(StaffFactory(role=SITE_ADMINISTRATORS))
    with django_capture_on_commit_callbacks(execute=True):
        publish_edit(client, article, title_en="Proton centre now open")
    # Other articles' related sections and search results are renewed while still served.
    assert edge == [{f"p{article.pk}", f"l{news_index.pk}", "lists", f"~r{keyword.pk}", "~found"}]


@pytest.mark.django_db
def test_a_section_and_a_keyword_purge_what_shows_them(edge, news_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        news_index.save_revision().publish()  # in the menu of every page
    assert edge == [{"site"}]
    keyword = KeywordFactory(slug="imaging")
    edge.clear()
    with django_capture_on_commit_callbacks(execute=True):
        keyword.name_en = "Medical imaging"
        keyword.save()
    assert edge == [{f"k{keyword.pk}", "lists", "~found"}]


@pytest.mark.django_db
def test_an_unreachable_edge_is_logged_and_the_publish_goes_through(
    settings, news_index, caplog, django_capture_on_commit_callbacks
):
    settings.EDGE_PURGE_URLS = ["http://127.0.0.1:1/"]
    article = NewsArticlePageFactory(parent=news_index)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert "Could not purge" in caplog.text


@pytest.mark.django_db
def test_approving_a_comment_purges_its_article(edge, news_index, django_capture_on_commit_callbacks):
    from participation.models import Comment

    article = NewsArticlePageFactory(parent=news_index, comments_enabled=True)
    comment = Comment.objects.create(article=article, name="Li", text="好文章", status=Comment.Status.PENDING)
    assert edge == []
    with django_capture_on_commit_callbacks(execute=True):
        comment.status = Comment.Status.APPROVED
        comment.save()
    assert edge == [{f"p{article.pk}"}]


@pytest.mark.django_db
def test_a_picture_a_person_and_the_settings_purge_their_own_keys_not_the_site(
    edge, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    from tests.factories import ImageFactory, PersonFactory
    from website.models import SiteSettings

    picture, person = ImageFactory(), PersonFactory()
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    edge.clear()
    with django_capture_on_commit_callbacks(execute=True):
        picture.caption_en = "A new caption"
        picture.save()
    with django_capture_on_commit_callbacks(execute=True):
        person.name_en = "Wang Wei"
        person.save()
    with django_capture_on_commit_callbacks(execute=True):
        settings_row.save()
    assert edge == [{f"i{picture.pk}"}, {f"n{person.pk}"}, {"settings"}]


@pytest.mark.django_db
def test_a_glossary_change_purges_the_traditional_pages_only(
    edge, home, client, settings, django_capture_on_commit_callbacks
):
    settings.EDGE_CACHE_SECONDS = 600
    assert "glossary" in client.get("/zh-hant/")["xkey"].split()
    assert "glossary" not in client.get("/")["xkey"].split() + client.get("/en/")["xkey"].split()
    client.force_login(StaffFactory(role="Editors"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/snippets/website/glossaryterm/add/",
            {"simplified": "软件", "traditional": "軟體", "standard": "", "note": ""},
        )

    assert response.status_code == 302
    assert edge == [{"glossary"}]
