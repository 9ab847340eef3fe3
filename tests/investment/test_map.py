"""The investment map: areas drawn in the admin, shown on the plan and in a table, both languages."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset

from investment.models import InvestmentMapPage, MapArea
from tests.factories import ImageFactory
from tests.html import han_outside_zh_markup, parse
from tests.workflow.factories import page_form_data

from .factories import MapAreaFactory, MapPageFactory

pytestmark = pytest.mark.django_db

URL = {"zh-hans": "/zhaoshang-ditu/", "en": "/en/investment-map/"}
BUDGET = 20


@pytest.fixture
def map_page(home, catalogue, devices_officer):
    page = MapPageFactory(parent=home, site_plan=ImageFactory())
    MapAreaFactory(
        page=page,
        name_zh_hans="A1地块",
        name_en="Parcel A1",
        officer=devices_officer,
        status=MapArea.Status.AVAILABLE,
    )
    MapAreaFactory(
        page=page, name_zh_hans="孵化楼", name_en="Incubator", kind="building", status="negotiating"
    )
    MapAreaFactory(page=page, name_zh_hans="中试平台", english=False, kind="platform", status="taken")
    area = page.areas.get(name_zh_hans="A1地块")
    area.catalogue_entries.set([catalogue.test_entries["devices"]])
    area.save()
    page.save_revision().publish()
    return page


def area_data(**overrides):
    data = {
        "name_zh_hans": "B2地块",
        "name_en": "Parcel B2",
        "kind": "parcel",
        "status": "available",
        "area_m2": "8000",
        "permitted_use_zh_hans": "科研用地",
        "permitted_use_en": "Research",
        "points": "50,50 70,50 70,80",
        "officer": "",
    }
    data.update(overrides)
    return data


def test_editor_draws_an_area_and_a_bad_shape_is_refused_with_a_message(client, home):
    user = get_user_model().objects.create_superuser("mapper", "mapper@example.org", "pw")
    client.force_login(user)
    add_url = f"/admin/pages/add/investment/investmentmappage/{home.pk}/"
    fields = {
        "title_zh_hans": "招商地图",
        "title_en": "Investment map",
        "slug_zh_hans": "zhaoshang-ditu",
        "slug_en": "investment-map",
        "intro_zh_hans": "",
        "intro_en": "",
        "action-publish": "publish",
    }
    form = client.get(add_url).content.decode()
    assert "data-shape-drawing" in form and "investment/draw-area.js" in form

    refused = client.post(
        add_url,
        page_form_data(
            InvestmentMapPage, fields | {"areas": inline_formset([area_data(points="50,50 170,50")])}
        ),
    )
    assert refused.status_code == 200
    assert "每个数字须在 0 到 100 之间" in refused.content.decode()  # the admin speaks Chinese by default
    assert not InvestmentMapPage.objects.exists()

    client.post(add_url, page_form_data(InvestmentMapPage, fields | {"areas": inline_formset([area_data()])}))
    page = InvestmentMapPage.objects.get()
    assert page.live and page.areas.get().svg_points() == "50.0,50.0 70.0,50.0 70.0,80.0"
    assert "Parcel B2" in client.get("/en/investment-map/").content.decode()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_map_links_each_area_on_the_plan_to_its_row_in_the_table(client, map_page, language):
    soup = parse(client.get(URL[language]))

    links = soup.select("svg.site-plan__areas a")
    rows = soup.select("table.map-areas tbody tr")
    expected = 3 if language == "zh-hans" else 2  # the area without English is left out in English
    assert len(links) == len(rows) == expected
    for link, row in zip(links, rows, strict=True):
        assert link["href"] == f"#{row['id']}"
        assert link.select_one("polygon")["points"]
        assert link.select_one("title").get_text(strip=True)
    first = rows[0].get_text(" ", strip=True)
    if language == "en":
        assert "Parcel A1" in first and "Available" in first and "Li Qixie" in first
        assert rows[0].select_one('a[href^="/en/policies/catalogue/entries/"]')
        assert han_outside_zh_markup(soup.main) == []
    else:
        assert "A1地块" in first and "可供投资" in first
    assert soup.select_one("section.officers")


def test_status_filter_keeps_its_address(client, map_page):
    soup = parse(client.get(URL["en"] + "?status=negotiating"))

    assert [row.th.get_text(strip=True) for row in soup.select("table.map-areas tbody tr")] == ["Incubator"]
    assert soup.select_one('option[value="negotiating"][selected]')


def test_map_query_count_does_not_grow_with_areas(client, map_page):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL["en"]).status_code == 200
        return len(context.captured_queries)

    client.get(URL["en"])
    few = queries()
    for _ in range(20):
        MapAreaFactory(page=map_page, officer=map_page.areas.first().officer)
    many = queries()
    assert few == many <= BUDGET, (few, many)


def test_api_gives_the_areas_in_the_language_of_its_address(client, map_page):
    english = client.get(f"/en/api/v2/pages/{map_page.pk}/").json()["areas"]
    chinese = client.get(f"/api/v2/pages/{map_page.pk}/").json()["areas"]

    assert [area["name"] for area in english] == ["Parcel A1", "Incubator"]
    assert [area["name"] for area in chinese] == ["A1地块", "孵化楼", "中试平台"]
    assert english[0]["status"] == "available" and english[0]["contact_email"] == "devices@example.org"
    assert english[0]["points"] == "10.0,10.0 40.0,10.0 40.0,30.0 10.0,30.0"
