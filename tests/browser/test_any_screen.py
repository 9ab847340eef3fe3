"""Reaching us on any screen, in a real Chromium: the phone menu folds without JavaScript, no
page scrolls sideways at 320 px, and the inquiry form's errors and radios work as a reader expects."""

import pytest

from .reader import Reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NARROW_PAGES = [
    "/",
    "/en/",
    "/guoji-hezuo/",
    "/en/international-cooperation/",
    "/touzi-zixun/",
    "/en/investment-inquiry/",
    "/lianxi/",
    "/en/contact/",
    "/huodong/",
    "/en/events/",
    "/en/events/investor-site-visit/",
]


def sideways_overflow(tab):
    return tab.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_phone_menu_folds_and_search_and_language_stay_in_reach(phone, tab, demo_site):
    reader = Reader(phone, demo_site).open("/en/")
    menu = phone.locator(".main-nav__list")
    toggle = phone.get_by_text("Menu", exact=True)
    assert toggle.is_visible() and not menu.is_visible()
    # Search and the language switch need no menu.
    assert phone.locator("#search-box-q").is_visible()
    assert phone.locator('.language-switcher a[hreflang="zh-Hans"]').is_visible()
    # The first screen shows the page's content, not only navigation.
    assert phone.locator("main h1, main h2").first.bounding_box()["y"] < 844
    toggle.click()  # <details> opens without JavaScript
    assert menu.is_visible() and menu.get_by_role("link").count() >= 3
    reader.open("/")
    assert phone.get_by_text("菜单", exact=True).is_visible()

    # On a wide screen the menu is always open and the toggle hidden.
    Reader(tab, demo_site).open("/en/")
    assert tab.locator(".main-nav__list").is_visible()
    assert not tab.get_by_text("Menu", exact=True).is_visible()


def logo_stretch(tab):
    """How far the logo's drawn proportions are from its picture's own (0: not stretched)."""
    return tab.evaluate(
        """() => { const img = document.querySelector('.site-brand__logo');
        return Math.abs(img.width / img.height - img.naturalWidth / img.naturalHeight); }"""
    )


def test_no_page_scrolls_sideways_at_320_px_and_the_logo_keeps_its_proportions(browser, demo_site):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    try:
        overflow = {path: sideways_overflow(Reader(tab, demo_site).open(path).tab) for path in NARROW_PAGES}
        assert logo_stretch(tab) < 0.05
        tab.set_viewport_size({"width": 1280, "height": 900})
        assert logo_stretch(tab) < 0.05
    finally:
        context.close()
    assert overflow == dict.fromkeys(NARROW_PAGES, 0)


def test_form_errors_are_summarised_and_radios_sit_beside_their_labels(phone, demo_site):
    Reader(phone, demo_site).open("/en/investment-inquiry/")
    radio = phone.get_by_label("English", exact=True)
    label = phone.locator("label", has=radio)
    radio_box, label_box = radio.bounding_box(), label.bounding_box()
    assert radio_box["width"] < 40
    assert label_box["y"] <= radio_box["y"] + radio_box["height"] / 2 <= label_box["y"] + label_box["height"]

    phone.get_by_label("Email").fill("not an address")
    phone.wait_for_timeout(3100)  # a person takes longer than the minimum fill time
    phone.get_by_role("button", name="Send inquiry").click()
    phone.wait_for_load_state()
    assert phone.title().startswith("Error")
    summary = phone.locator(".error-summary")
    first_field = phone.locator("#id_name").bounding_box()
    assert summary.is_visible() and summary.bounding_box()["y"] < first_field["y"]
    summary.get_by_role("link", name="Email").click()
    assert phone.evaluate("() => location.hash") == "#id_email"
    assert phone.locator("#id_email").input_value() == "not an address"
