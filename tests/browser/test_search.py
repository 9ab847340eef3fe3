"""A reader searches from the header in Chromium, in Chinese and in English (the demo content).

The search page's other tests are in tests/search/."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class Searcher:
    """A reader using the search box in the site's header."""

    def __init__(self, tab, site_url):
        self.tab = tab
        self.site_url = site_url

    def open(self, path):
        self.tab.goto(self.site_url + path)
        return self

    def search_for(self, words):
        self.tab.locator("header input[name=q]").fill(words)
        self.tab.locator("header form[role=search] button").click()
        self.tab.wait_for_load_state()
        return self

    @property
    def result_titles(self):
        return self.tab.locator(".search-result__title a").all_inner_texts()

    def follow_did_you_mean(self):
        self.tab.locator(".search__did-you-mean a").click()
        self.tab.wait_for_load_state()
        return self

    @property
    def highlighted_words(self):
        return self.tab.locator(".search-result mark").all_inner_texts()


def test_a_reader_finds_the_proton_therapy_story_first_in_either_language(tab, demo_site):
    reader = Searcher(tab, demo_site).open("/").search_for("质子")
    assert reader.result_titles[0] == "山东省质子中心收治首位患者，质子治疗进入临床阶段"
    assert "质子" in reader.highlighted_words
    assert tab.locator("#search-q").input_value() == "质子"

    reader.open("/en/").search_for("proton therapy")
    assert tab.url.startswith(demo_site + "/en/search/")
    assert reader.result_titles[0] == "Shandong's proton therapy centre treats its first patient"


def test_a_reader_who_mistypes_a_chinese_word_is_offered_the_word_that_sounds_the_same(tab, demo_site):
    reader = Searcher(tab, demo_site).open("/").search_for("康富")
    assert reader.result_titles == []
    assert tab.locator("#search-q").input_value() == "康富"  # what the reader typed stays
    reader.follow_did_you_mean()
    assert tab.locator("#search-q").input_value() == "康复"
    assert reader.result_titles and "康复" in reader.highlighted_words


def test_the_search_page_has_no_serious_accessibility_violations(tab, demo_site):
    problems = {}
    for path in ("/search/?q=质子", "/en/search/?q=proton+therapy", "/en/search/?q=giraffe+zebra"):
        tab.goto(demo_site + path)
        violations = Axe().run(tab).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    assert problems == {}
