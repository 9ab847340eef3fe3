"""An investor uses the investment map with the keyboard and on a phone; the map, the library
and the five lists pass axe in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .reader import Reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAP = "/en/policies/investment-map/"


def focused(tab):
    return tab.evaluate(
        "() => { const a = document.activeElement; "
        "return {tag: a.tagName.toLowerCase(), href: a.getAttribute('href')}; }"
    )


def test_investor_reaches_an_area_on_the_plan_with_the_keyboard(tab, demo_site):
    reader = Reader(tab, demo_site).open(MAP)
    assert reader.heading == "Investment map" and reader.chinese_in_main_content() == []
    areas = tab.locator("svg.site-plan__areas a")
    assert areas.count() == 6 == tab.locator("table.map-areas tbody tr").count()

    # Tab from the status filter's button onto the plan: the first area takes the focus.
    tab.get_by_role("button", name="Show areas").focus()
    tab.keyboard.press("Tab")
    first = focused(tab)
    assert first["tag"] == "a" and first["href"].startswith("#area-")
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => location.hash.startsWith('#area-')")

    row = tab.locator(f"tr{first['href']}")
    assert row.is_visible()
    assert "Parcel A1" in row.inner_text() and "Available" in row.inner_text()
    row.get_by_role("link").last.click()  # the area's catalogue entry
    tab.wait_for_load_state()
    assert "/en/policies/investment-catalogue/entries/" in tab.url


def test_map_table_fits_a_phone_and_the_filter_keeps_the_plan_and_list_together(browser, demo_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        tab.goto(demo_site + MAP)
        assert tab.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        assert tab.locator("table.map-areas").is_visible()
        tab.get_by_label("Status").select_option(label="Under negotiation")
        tab.get_by_role("button", name="Show areas").click()
        tab.wait_for_load_state()
        assert "status=negotiating" in tab.url
        assert tab.locator("svg.site-plan__areas a").count() == 1
        assert tab.locator("table.map-areas tbody th").all_inner_texts() == ["Parcel A2"]
    finally:
        context.close()


def test_investment_pages_pass_axe(tab, demo_site):
    paths = [
        "/zhengce/zhaoshang-ditu/",
        MAP,
        "/zhengce/ziliao-xiazai/",
        "/en/policies/publications/",
        "/en/policies/resource-list/",
        "/zhengce/zhunru-jizhi/",
        "/en/policies/investment-catalogue/",
    ]
    axe = Axe()
    problems = {}
    for path in paths:
        tab.goto(demo_site + path)
        assert tab.locator("h1").count() == 1, path
        violations = axe.run(tab).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    assert problems == {}


def test_editor_draws_an_area_by_clicking_on_the_plan(tab, demo_site):
    from investment.models import InvestmentMapPage

    from .staff import StaffMember

    page = InvestmentMapPage.objects.get()
    StaffMember(tab, demo_site, "editor").log_in()
    tab.goto(f"{demo_site}/admin/pages/{page.pk}/edit/")
    canvas = tab.locator("[data-shape-drawing-canvas]").first
    canvas.scroll_into_view_if_needed()
    assert canvas.locator("img").is_visible()
    field = tab.locator("[data-shape-drawing] input").first
    tab.locator("[data-shape-drawing-reset]").first.click()
    assert field.input_value() == ""

    box = canvas.bounding_box()
    for x, y in ((0.1, 0.1), (0.5, 0.1), (0.5, 0.5)):
        canvas.click(position={"x": box["width"] * x, "y": box["height"] * y})

    corners = [tuple(float(n) for n in pair.split(",")) for pair in field.input_value().split()]
    assert len(corners) == 3
    assert [round(n / 10) for n in corners[1]] == [5, 1] and [round(n / 10) for n in corners[2]] == [5, 5]
    assert canvas.locator("polygon").get_attribute("points")
