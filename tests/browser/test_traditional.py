"""A reader switches to 繁體中文, reads an article in Traditional characters and switches back."""

import re

import pytest
from opencc import OpenCC

from .reader import Reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

S2HK = OpenCC("s2hk")


def test_reader_switches_to_traditional_on_the_same_page_and_back(tab, demo_site):
    reader = Reader(tab, demo_site).open_home().open_first_article()
    simplified_path = tab.url.removeprefix(demo_site)
    simplified_heading = reader.heading

    reader.switch_language("zh-Hant")
    assert reader.html_lang == "zh-Hant"
    assert tab.url == demo_site + "/zh-hant" + simplified_path
    assert reader.heading == S2HK.convert(simplified_heading)
    main = tab.locator("main").inner_text()
    assert not [c for c in re.findall(r"[\u4e00-\u9fff]", main) if S2HK.convert(c) != c]
    # The switch names each edition in its own script.
    names = tab.locator(".language-switcher a").all_inner_texts()
    assert names == ["简体中文", "繁體中文", "English"]

    reader.switch_language("zh-Hans")
    assert tab.url == demo_site + simplified_path
    assert reader.heading == simplified_heading
