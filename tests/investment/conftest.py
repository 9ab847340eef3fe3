import pytest

from tests.policies.factories import (
    PolicyCategoryFactory,
    PolicyEntryFactory,
    PolicyIndexPageFactory,
    PolicyListPageFactory,
)

from .factories import OfficerFactory


@pytest.fixture
def catalogue(home):
    """The investment catalogue at /zhengce/mulu/ with two sectors and an entry in each."""
    index = PolicyIndexPageFactory(parent=home)
    page = PolicyListPageFactory(
        parent=index, slug_zh_hans="mulu", slug_en="catalogue", title_zh_hans="招商目录", title_en="Catalogue"
    )
    devices = PolicyCategoryFactory(
        page=page, slug="devices", name_zh_hans="高端医疗器械", name_en="Medical devices"
    )
    biotech = PolicyCategoryFactory(
        page=page, slug="biotech", name_zh_hans="生物技术", name_en="Biotechnology"
    )
    page.test_entries = {
        "devices": PolicyEntryFactory(page=page, category=devices, title_en="Imaging devices"),
        "biotech": PolicyEntryFactory(page=page, category=biotech, title_en="Cell therapy"),
    }
    page.test_categories = {"devices": devices, "biotech": biotech}
    page.save_revision().publish()
    return page


@pytest.fixture
def devices_officer(catalogue):
    return OfficerFactory(
        sectors=[catalogue.test_categories["devices"]],
        name_zh_hans="李器械",
        name_en="Li Qixie",
        email="devices@example.org",
        wechat_id="jimc_devices",
    )
