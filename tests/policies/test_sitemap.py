"""Every policy entry's own page is in the sitemap, in each language it exists in."""

import pytest

from ..site.test_sitemap_and_api import sitemap_entries

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_entry_page_with_its_alternates(client, policy_list):
    entries, _lastmods = sitemap_entries(client)

    base = "http://testserver"
    for key, entry in policy_list.test_entries.items():
        zh = f"{base}/zhengce/zhichi/entries/{entry.pk}/"
        en = f"{base}/en/policies/support/entries/{entry.pk}/"
        assert client.get(zh).status_code == 200
        if entry.has_english:
            assert entries[zh] == entries[en] == {"zh-Hans": zh, "en": en, "x-default": zh}, key
        else:
            assert entries[zh] == {}, key
            assert en not in entries
    listed = [loc for loc in entries if "/entries/" in loc]
    assert len(listed) == 6 + 5  # six in Chinese, five with English
