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
        hant = f"{base}/zh-hant/zhengce/zhichi/entries/{entry.pk}/"
        assert client.get(zh).status_code == 200
        assert client.get(hant).status_code == 200
        if entry.has_english:
            alternates = {"zh-Hans": zh, "zh-Hant": hant, "en": en, "x-default": zh}
            assert entries[zh] == entries[en] == entries[hant] == alternates, key
        else:
            assert entries[zh] == entries[hant] == {"zh-Hans": zh, "zh-Hant": hant, "x-default": zh}, key
            assert en not in entries
    listed = [loc for loc in entries if "/entries/" in loc]
    assert len(listed) == 6 + 6 + 5  # six in each Chinese edition, five with English
