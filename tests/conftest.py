"""Fixtures shared by the whole suite: a bilingual site tree, users, the active language."""

import os
import threading

import pytest
from django.utils import translation
from wagtail.models import Page, Site

from website.models import SiteSettings

from .demo import rows as demo
from .factories import HomePageFactory, KeywordFactory, NewsIndexPageFactory
from .newsroom.factories import DocumentFactory, MediaContactFactory, PressReleaseFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls that the
# browser tests make around it are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    """The production tests start servers on fixed ports (Redis, gunicorn, Varnish) and share
    Redis's databases: under pytest-xdist (`make test`) they run in one worker, one after the
    other (`--dist loadgroup`); the rest of the suite spreads over the workers."""
    for item in items:
        if item.nodeid.startswith("tests/production/"):
            item.add_marker(pytest.mark.xdist_group("production"))


class OneRequestAtATime:
    """The live server's WSGI application, serving one request at a time. On SQLite the test
    database is in memory and the server's threads share its one connection; two requests at once
    (a page and its script catalogue) can break a query with "bad parameter or other API misuse"."""

    def __init__(self, application):
        self.application = application
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.application(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server; on an in-memory database, one request at a time."""
    if live_server.thread.connections_override:
        server = live_server.thread.httpd
        server.set_app(OneRequestAtATime(server.get_app()))
    return live_server


@pytest.fixture(autouse=True)
def source_language():
    """Every test starts in Chinese, whatever the previous one requested (/en/ leaves English active)."""
    translation.activate("zh-hans")
    yield
    translation.activate("zh-hans")


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "JIMC"},
    )
    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={
            "organisation_name_zh_hans": "国际医学中心",
            "organisation_name_en": "International Medical Center",
            "icp_number_zh_hans": "鲁ICP备00000000号",
            "icp_number_en": "Shandong ICP Filing No. 00000000",
        },
    )
    return home


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def keyword(db):
    return KeywordFactory(slug="proton-therapy")


@pytest.fixture
def contact(db):
    return MediaContactFactory(name_zh_hans="孙雅琳", name_en="Sun Yalin", email="press@example.org")


@pytest.fixture
def live_release(news_index, keyword, contact):
    """A published press release with a keyword, a media contact and an attachment."""
    return PressReleaseFactory(
        parent=news_index,
        title_zh_hans="质子中心年度报告",
        title_en="Proton centre annual report",
        keywords=[keyword],
        contacts=[contact],
        documents=[DocumentFactory(title="Annual report figures")],
    )


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    """The demo content's rows, from one run of `load_demo` a session (tests/demo.py)."""
    with django_db_blocker.unblock():
        return demo.load_once()


@pytest.fixture
def demo_content(demo_rows, db):
    """The database holds the demo content, as `make demo` serves it."""
    demo_rows.restore()
