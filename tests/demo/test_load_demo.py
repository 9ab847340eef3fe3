"""The demo loader: a believable bilingual site, and loading it twice changes nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from news.models import NewsArticlePage

from ..html import parse

pytestmark = pytest.mark.django_db


def snapshot():
    """Row count and highest id of every model, so a second load can be compared."""
    state = {}
    for model in apps.get_models():
        rows = model._base_manager.all()
        state[model._meta.label] = (rows.count(), rows.order_by("-pk").values_list("pk", flat=True).first())
    return state


def test_demo_loads_a_bilingual_site_and_loading_twice_changes_nothing(client, demo_content):
    # demo_content is a committed first run, as in `make demo` (the embargoed release's picture
    # has moved to the private store); this is the second.
    first = snapshot()

    second_output = io.StringIO()
    call_command("load_demo", stdout=second_output)

    assert snapshot() == first
    assert "nothing changed" in second_output.getvalue()
    articles = NewsArticlePage.objects.live()
    assert articles.count() >= 12
    assert articles.filter(has_english=False).count() == 2
    for home in ("/", "/en/"):
        response = client.get(home)
        assert response.status_code == 200
        # Each entry of the main menu says where it leads: no two read alike.
        menu = [a.get_text(strip=True) for a in parse(response).select(".main-nav a")]
        assert len(menu) == len(set(menu)) >= 5, menu


def test_demo_prints_the_addresses_and_accounts(demo_content, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"  # what `make demo` sets: the address it serves
    output = io.StringIO()
    call_command("load_demo", stdout=output)

    printed = output.getvalue()
    assert "http://127.0.0.1:8000/admin/" in printed
    assert "http://127.0.0.1:8000/en/" in printed
    assert "admin /" in printed
