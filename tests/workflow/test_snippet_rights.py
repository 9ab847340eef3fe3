"""Rights on media contacts and reader comments, the snippets added after the roles."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db

MEDIA_CONTACTS = "/admin/snippets/newsroom/mediacontact/"


def member_of(group_name):
    user = get_user_model().objects.create_user(f"u-{group_name}".replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize(
    "group_name, may_manage",
    [("Press officers", True), ("Editors", True), ("Site administrators", True), ("Writers", False)],
)
def test_who_manages_media_contacts(client, home, group_name, may_manage):
    client.force_login(member_of(group_name))

    response = client.get(MEDIA_CONTACTS + "add/")

    assert (response.status_code == 200) is may_manage


@pytest.mark.parametrize(
    "group_name, may_moderate",
    [("Press officers", True), ("Editors", True), ("Writers", False), ("Translators", False)],
)
def test_who_moderates_reader_comments(client, home, group_name, may_moderate):
    client.force_login(member_of(group_name))

    response = client.get("/admin/snippets/participation/comment/")

    assert (response.status_code == 200) is may_moderate
