"""The admin never asks Gravatar for an avatar: the CSP blocks it and mainland China cannot reach it."""

import pytest

from tests.workflow.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/", "/admin/account/", "/admin/snippets/participation/comment/"])
def test_no_admin_page_references_gravatar(client, home, path):
    client.force_login(StaffFactory(role="Editors"))
    response = client.get(path)
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
