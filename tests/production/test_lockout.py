"""The admin login locks an address out after repeated failures, a forged X-Forwarded-For
does not dodge it, and administrators see the lockout in the admin."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", password="right-password-123", is_staff=True)


def sign_in(client, password, **headers):
    return client.post(LOGIN, {"username": "editor", "password": password}, headers=headers)


@pytest.mark.django_db
def test_five_failures_lock_the_address_out_even_with_the_right_password(client, home, editor, axes_backend):
    for attempt in range(4):
        assert sign_in(client, f"wrong-{attempt}").status_code == 200  # the form again, with its error
    locked = sign_in(client, "wrong-5")
    assert locked.status_code == 429
    assert sign_in(client, "right-password-123").status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_does_not_dodge_the_lockout(client, home, editor, axes_backend):
    for attempt in range(5):
        sign_in(client, f"wrong-{attempt}", x_forwarded_for=f"203.0.113.{attempt}")
    response = sign_in(client, "right-password-123", x_forwarded_for="198.51.100.7")
    assert response.status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["127.0.0.1"]


@pytest.mark.django_db
def test_a_success_before_the_limit_starts_the_count_again(client, home, editor, axes_backend):
    for attempt in range(4):
        sign_in(client, f"wrong-{attempt}")
    assert sign_in(client, "right-password-123").status_code == 302
    client.logout()
    for attempt in range(4):
        assert sign_in(client, f"wrong-again-{attempt}").status_code == 200


@pytest.mark.django_db
def test_administrators_see_the_lockout_in_the_admin(client, admin_client, home, editor, axes_backend):
    for attempt in range(5):
        sign_in(client, f"wrong-{attempt}")
    listing = admin_client.get("/django-admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "127.0.0.1" in listing.content.decode()
    assert "editor" in listing.content.decode()


@pytest.mark.django_db
def test_sessions_live_in_the_database(admin_client, settings):
    from django.contrib.sessions.models import Session

    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert admin_client.get("/admin/").status_code == 200
    assert Session.objects.filter(session_key=admin_client.session.session_key).exists()
