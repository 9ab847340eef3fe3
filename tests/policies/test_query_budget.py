"""The list, an entry and the exports cost the same number of queries with 5 entries or 60."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import PolicyCategoryFactory, PolicyEntryFactory

pytestmark = pytest.mark.django_db

BUDGET = 25


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("prefix", ["/zhengce/zhichi/", "/en/policies/support/"])
def test_query_counts_do_not_grow_with_entries(client, policy_list, prefix):
    categories = [PolicyCategoryFactory(page=policy_list) for _ in range(3)]
    first = policy_list.test_entries["e1"].pk
    urls = [
        prefix,
        prefix + "?status=in_force&sort=newest",
        prefix + f"entries/{first}/",
        prefix + "export/csv/",
        prefix + "export/xlsx/?category=industry",
    ]
    counts = {}
    for size in (5, 60):
        while policy_list.entries.count() < size:
            PolicyEntryFactory(page=policy_list, category=categories[policy_list.entries.count() % 3])
        counts[size] = {url: queries(client, url) for url in urls}

    print("query counts", prefix, counts)
    assert counts[5] == counts[60]
    assert max(counts[60].values()) <= BUDGET, counts[60]
