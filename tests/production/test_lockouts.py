"""Site administrators see admin sign-in lockouts under Settings in the Wagtail admin and
unlock an address; other roles cannot."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.workflow.factories import StaffFactory

LOGIN = "/admin/login/"
LOCKOUTS = "/admin/lockouts/"
ADDRESS = "203.0.113.9"


def signed_in(user, language="en"):
    client = Client(headers={"accept-language": language})
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def sign_in_from(address, username, password):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": password})


@pytest.fixture
def locked_out_writer(db, home, axes_backend):
    writer = StaffFactory(username="wang.writer", role="Writers")
    for attempt in range(5):
        sign_in_from(ADDRESS, "wang.writer", f"wrong-{attempt}")
    assert sign_in_from(ADDRESS, "wang.writer", "pw").status_code == 429
    return writer


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_site_administrator_sees_the_lockout_and_unlocks_it(locked_out_writer, language):
    administrator = signed_in(StaffFactory(role="Site administrators", language=language), language)

    listing = administrator.get(LOCKOUTS)
    assert listing.status_code == 200
    row = next(row for row in rows(listing) if ADDRESS in row)
    assert "wang.writer" in row and ">6<" in row  # five wrong passwords, then the right one refused
    assert {"en": "Locked out", "zh-hans": "已锁定"}[language] in row

    confirmation = administrator.get(f"{LOCKOUTS}{ADDRESS}/unlock/")
    assert confirmation.status_code == 200
    assert AccessAttempt.objects.filter(ip_address=ADDRESS).exists()  # asking changes nothing

    unlocked = administrator.post(f"{LOCKOUTS}{ADDRESS}/unlock/", follow=True)
    assert unlocked.redirect_chain == [(LOCKOUTS, 302)]
    assert not any(ADDRESS in row for row in rows(unlocked))
    assert sign_in_from(ADDRESS, "wang.writer", "pw").status_code == 302  # into the admin


@pytest.mark.django_db
def test_the_listing_is_under_settings_for_administrators_only(locked_out_writer):
    administrator = signed_in(StaffFactory(role="Site administrators"))
    writer = signed_in(locked_out_writer)
    superuser = signed_in(StaffFactory(is_superuser=True))

    assert LOCKOUTS in administrator.get("/admin/").content.decode()
    assert superuser.get(LOCKOUTS).status_code == 200
    assert LOCKOUTS not in writer.get("/admin/").content.decode()
    for response in (writer.get(LOCKOUTS), writer.post(f"{LOCKOUTS}{ADDRESS}/unlock/")):
        assert response.status_code == 302 and response.url == "/admin/"
    assert AccessAttempt.objects.filter(ip_address=ADDRESS).exists()


@pytest.mark.django_db
def test_a_wrong_password_or_two_show_but_do_not_lock_out(db, home, axes_backend):
    StaffFactory(username="li.editor", role="Editors")
    sign_in_from("198.51.100.4", "li.editor", "wrong")
    administrator = signed_in(StaffFactory(role="Site administrators", language="en"))
    [row] = [row for row in rows(administrator.get(LOCKOUTS)) if "198.51.100.4" in row]
    assert "Not locked out" in row and ">1<" in row


def rows(response):
    """The listing's table rows, as HTML text."""
    return response.content.decode().split("<tr>")[2:]
