"""Policy lists in both languages: the list, its filters, each entry's own address, bad input."""

import itertools

import pytest

from policies.models import PolicyEntry

from ..html import han_outside_zh_markup, parse, switcher_link

pytestmark = pytest.mark.django_db

LIST = {"zh-hans": "/zhengce/zhichi/", "en": "/en/policies/support/"}
CATEGORIES = {"industry": {"e1", "e3", "e6"}, "talent": {"e2", "e4"}}
DATES = {"e1": 3, "e2": 1, "e3": 5, "e4": 4, "e5": 2, "e6": 6}
STATUSES = {
    "e1": "in_force",
    "e2": "expired",
    "e3": "open_for_comment",
    "e4": "in_force",
    "e5": "in_force",
    "e6": "in_force",
}
LISTED_ORDER = ["e1", "e2", "e3", "e4", "e5", "e6"]


def shown_keys(response, policy_list):
    ids = [item["id"] for item in parse(response).select("li.entry-list__item")]
    by_id = {f"entry-{entry.pk}": key for key, entry in policy_list.test_entries.items()}
    return [by_id[i] for i in ids]


def expected(language, category, status, sort):
    keys = [k for k in LISTED_ORDER if language != "en" or k != "e6"]
    if category:
        keys = [k for k in keys if k in CATEGORIES[category]]
    if status:
        keys = [k for k in keys if STATUSES[k] == status]
    if sort == "newest":
        keys.sort(key=lambda k: -DATES[k])
    elif sort == "oldest":
        keys.sort(key=lambda k: DATES[k])
    return keys


def test_list_in_both_languages(client, policy_list):
    chinese = parse(client.get(LIST["zh-hans"]))
    english_response = client.get(LIST["en"])
    english = parse(english_response)

    assert chinese.find("h1").get_text(strip=True) == policy_list.title_zh_hans
    assert english.find("h1").get_text(strip=True) == "Support policies"
    assert len(chinese.select("li.entry-list__item")) == 6
    assert len(english.select("li.entry-list__item")) == 5  # e6 has no English
    assert han_outside_zh_markup(english.find("main")) == []
    assert switcher_link(english, "zh-Hans")["href"] == LIST["zh-hans"]
    assert "Industry" in english.find("select", attrs={"name": "category"}).get_text()


def test_every_filter_combination_returns_exactly_the_expected_entries(client, policy_list):
    statuses = ["", *PolicyEntry.Status.values]
    for language, category, status, sort in itertools.product(
        LIST, ["", "industry", "talent"], statuses, ["", "newest", "oldest"]
    ):
        query = {k: v for k, v in {"category": category, "status": status, "sort": sort}.items() if v}
        response = client.get(LIST[language], query)
        assert response.status_code == 200, query
        assert shown_keys(response, policy_list) == expected(language, category, status, sort), (
            language,
            query,
        )


@pytest.mark.parametrize("query", [{"status": "bogus"}, {"category": "nope"}, {"sort": "sideways"}])
def test_bad_filter_values_get_a_clear_message_in_the_readers_language(client, policy_list, query):
    english = client.get(LIST["en"], query)
    chinese = client.get(LIST["zh-hans"], query)

    for response in (english, chinese):
        assert response.status_code == 400
        assert parse(response).select("li.entry-list__item") == []
        assert parse(response).select_one('[role="alert"]') is not None
    assert "Select a valid choice" in parse(english).select_one('[role="alert"]').get_text()
    assert "选择一个有效的选项" in parse(chinese).select_one('[role="alert"]').get_text()


def test_each_entry_has_its_own_address_in_both_languages(client, policy_list):
    entry = policy_list.test_entries["e1"]
    chinese = client.get(f"{LIST['zh-hans']}entries/{entry.pk}/")
    english = client.get(f"{LIST['en']}entries/{entry.pk}/")

    assert chinese.status_code == english.status_code == 200
    assert parse(chinese).find("h1").get_text(strip=True) == "条目e1"
    assert parse(english).find("h1").get_text(strip=True) == "Entry e1"
    assert "JIMC [2025]" in parse(english).find("main").get_text()
    assert switcher_link(parse(english), "zh-Hans")["href"] == f"{LIST['zh-hans']}entries/{entry.pk}/"
    # The list links to the entry.
    assert parse(client.get(LIST["en"])).find("a", href=f"{LIST['en']}entries/{entry.pk}/")


def test_an_entry_without_english_shows_the_english_notice(client, policy_list):
    entry = policy_list.test_entries["e6"]
    response = client.get(f"{LIST['en']}entries/{entry.pk}/")

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "not yet available in English" in parse(response).find("h1").get_text()
    assert parse(response).find("a", hreflang="zh-Hans")["href"] == f"{LIST['zh-hans']}entries/{entry.pk}/"


def test_an_entry_of_another_list_or_none_is_not_found(client, policy_list, policy_index):
    from .factories import PolicyEntryFactory, PolicyListPageFactory

    other = PolicyEntryFactory(page=PolicyListPageFactory(parent=policy_index))
    assert client.get(f"{LIST['en']}entries/{other.pk}/").status_code == 404
    assert client.get(f"{LIST['zh-hans']}entries/999999/").status_code == 404


def test_a_list_without_english_is_handled_like_any_untranslated_page(client, policy_index):
    from .factories import PolicyEntryFactory, PolicyListPageFactory

    page = PolicyListPageFactory(parent=policy_index, english=False, slug_zh_hans="weifanyi")
    PolicyEntryFactory(page=page)
    english_url = "/en/policies/weifanyi/"

    for url in (english_url, english_url + "export/csv/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "not yet available in English" in parse(response).find("h1").get_text()
    index = parse(client.get("/en/policies/"))
    assert not index.find("a", href=english_url)
    assert parse(client.get("/zhengce/")).find("a", href="/zhengce/weifanyi/")


@pytest.mark.parametrize(
    "url",
    [
        "/zhengce/",
        "/en/policies/",
        "/zhengce/zhichi/",
        "/en/policies/support/",
        "/en/policies/support/?status=x",
    ],
)
def test_policy_pages_have_exactly_one_h1(client, policy_list, url):
    assert len(parse(client.get(url)).find_all("h1")) == 1


def test_policy_index_is_in_the_main_menu_in_both_languages(client, policy_list):
    assert parse(client.get("/")).select_one('.main-nav a[href="/zhengce/"]')
    assert parse(client.get("/en/")).select_one('.main-nav a[href="/en/policies/"]')
