"""Investment officers: kept as snippets by staff, shown on the catalogue and its entries."""

import pytest

from investment.models import InvestmentOfficer
from tests.html import han_outside_zh_markup, parse
from tests.workflow.factories import StaffFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/investment/investmentofficer/add/"


def officer_section(response):
    return parse(response).select_one("section.officers")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_catalogue_and_its_entry_name_the_officer_of_the_sector(client, catalogue, devices_officer, language):
    prefix = "/zhengce/mulu/" if language == "zh-hans" else "/en/policies/catalogue/"
    entry = catalogue.test_entries["devices"]

    for url in (prefix, f"{prefix}entries/{entry.pk}/"):
        section = officer_section(client.get(url))
        text = section.get_text(" ", strip=True)
        assert ("李器械" if language == "zh-hans" else "Li Qixie") in text
        assert "jimc_devices" in text
        assert section.select_one('a[href="mailto:devices@example.org"]')
        if language == "en":
            assert han_outside_zh_markup(section) == []


def test_entry_of_a_sector_without_officer_names_nobody(client, catalogue, devices_officer):
    entry = catalogue.test_entries["biotech"]

    assert officer_section(client.get(f"/zhengce/mulu/entries/{entry.pk}/")) is None


def test_editor_adds_an_officer_for_a_sector_in_the_admin(client, catalogue):
    client.force_login(StaffFactory(role="Editors", language="en"))
    devices = catalogue.test_categories["devices"]
    data = {
        "name_zh_hans": "张招商",
        "name_en": "Zhang Zhaoshang",
        "title_zh_hans": "",
        "title_en": "",
        "languages_zh_hans": "中文、韩语",
        "languages_en": "Chinese, Korean",
        "email": "zhang@example.org",
        "phone": "+86 531 0000 0102",
        "wechat_id": "jimc_zhang",
        "sort_order": "0",
        "sectors": [str(devices.pk)],
    }

    assert client.get(ADD_URL).status_code == 200
    response = client.post(ADD_URL, data)

    assert response.status_code == 302
    officer = InvestmentOfficer.objects.get(email="zhang@example.org")
    assert list(officer.sectors.all()) == [devices]
    assert (
        "Zhang Zhaoshang" in parse(client.get("/en/policies/catalogue/")).select_one("section.officers").text
    )


def test_officer_needs_a_chinese_name_and_a_valid_email(client, catalogue):
    client.force_login(StaffFactory(role="Editors", language="en"))

    response = client.post(ADD_URL, {"name_zh_hans": "", "email": "not-an-email", "sort_order": "0"})

    assert response.status_code == 200
    assert not InvestmentOfficer.objects.exists()
    text = parse(response).get_text(" ", strip=True)
    assert "This field is required." in text and "Enter a valid email address." in text


def test_department_heads_see_officers_but_cannot_add_them(client, devices_officer):
    client.force_login(StaffFactory(role="Department heads"))

    assert client.get("/admin/snippets/investment/investmentofficer/").status_code == 200
    assert client.get(ADD_URL).status_code in (302, 403)


def test_a_sector_page_names_that_sectors_officer_and_links_the_inquiry_form(
    client, catalogue, devices_officer
):
    from wagtail.models import Site

    from tests.participation.factories import InquiryPageFactory
    from website.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.inquiry_page = InquiryPageFactory(parent=catalogue.get_parent().get_parent())
    site_settings.save()

    devices = officer_section(client.get("/en/policies/catalogue/?category=devices"))
    assert [p.get_text(strip=True) for p in devices.select(".officer__name")] == ["Li Qixie"]
    biotech = officer_section(client.get("/en/policies/catalogue/?category=biotech"))
    assert biotech.select(".officer") == []  # nobody covers biotech: not the devices officer
    assert biotech.select_one('.officers__inquiry a[href="/en/investment-inquiry/"]')
    zh = officer_section(client.get("/zhengce/mulu/?category=biotech"))
    assert zh.select_one('.officers__inquiry a[href="/touzi-zixun/"]')
