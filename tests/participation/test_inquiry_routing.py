"""An inquiry about a sector reaches that sector's investment officer, the shared inbox in copy."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from tests.investment.factories import OfficerFactory
from tests.policies.factories import PolicyCategoryFactory, PolicyListPageFactory

from .test_inquiry import URL, answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def sectors(home):
    catalogue = PolicyListPageFactory(parent=home, slug_zh_hans="mulu", slug_en="catalogue")
    devices = PolicyCategoryFactory(page=catalogue, name_zh_hans="高端医疗器械", name_en="Medical devices")
    biotech = PolicyCategoryFactory(page=catalogue, name_zh_hans="生物技术", name_en="Biotechnology")
    catalogue.save_revision().publish()
    OfficerFactory(sectors=[devices], email="devices@example.org")
    return {"devices": devices, "biotech": biotech}


@pytest.mark.parametrize(("language", "sector"), [("zh-hans", "高端医疗器械"), ("en", "Medical devices")])
def test_inquiry_for_a_sector_goes_to_its_officer_with_the_inbox_in_copy(
    client, inquiry_page, sectors, language, sector
):
    form = client.get(URL[language]).content.decode()
    assert f'<option value="{sector}">' in form

    response = client.post(URL[language], answers(language, sector=sector))

    assert response.status_code == 200
    assert FormSubmission.objects.get(page=inquiry_page).get_data()["sector"] == sector
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["devices@example.org"]
    assert message.cc == ["investment@example.org"]
    assert "Helix Medical GmbH" in message.body


def test_inquiry_for_a_sector_without_officer_goes_to_the_inbox_only(client, inquiry_page, sectors):
    client.post(URL["en"], answers("en", sector="Biotechnology"))

    assert [(m.to, m.cc) for m in mail.outbox] == [(["investment@example.org"], [])]


def test_inquiry_without_a_sector_goes_to_the_inbox_only(client, inquiry_page, sectors):
    client.post(URL["zh-hans"], answers("zh-hans"))

    assert [(m.to, m.cc) for m in mail.outbox] == [(["investment@example.org"], [])]
