"""Policy lists are found by their entries' words, cooperation projects by their partner and story."""

import pytest
from django.utils import translation

from search.query import search

pytestmark = pytest.mark.django_db


def top_slugs(query, language, count=3):
    with translation.override(language):
        return [page.specific.slug_zh_hans for page in search(query)[:count]]


@pytest.mark.parametrize(
    "query, language, expected",
    [
        ("智能导诊", "zh-hans", "changjing-jihui"),
        ("smart triage", "en", "changjing-jihui"),
        ("心肺CT", "zh-hans", "yiselie-xinfei-ct"),
        ("cardiopulmonary", "en", "yiselie-xinfei-ct"),
    ],
)
def test_policy_entries_and_showcases_are_found(demo_content, query, language, expected):
    assert expected in top_slugs(query, language)


@pytest.mark.parametrize(
    "url, link",
    [
        ("/search/?q=心肺CT", "/guoji-hezuo/yiselie-xinfei-ct/"),
        ("/en/search/?q=smart+triage", "/en/policies/scenario-opportunities/"),
    ],
)
def test_search_page_lists_showcases_and_policy_lists_among_news(client, demo_content, url, link):
    response = client.get(url)

    assert response.status_code == 200
    assert f'href="{link}"' in response.content.decode()
