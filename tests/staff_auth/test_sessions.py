"""Staff sessions rotate at sign-in, end after idle and absolute limits, and end when the user
is deactivated."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_auth import sessions

from .helpers import PASSWORD


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("staffer", "", PASSWORD)


def age_session(client, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[getattr(sessions, key)] = time.time() - ago
    session.save()


@pytest.mark.django_db
def test_signing_in_gives_a_new_session_key(client, staff):
    """A session key known before sign-in (fixation) is not the one that is signed in."""
    client.get("/admin/login/")
    session = client.session
    session["x"] = 1
    session.save()
    before = session.session_key
    assert client.post("/admin/login/", {"username": "staffer", "password": PASSWORD}).status_code == 302
    assert client.session.session_key != before


@pytest.mark.django_db
def test_an_idle_session_ends(client, staff, settings):
    """After STAFF_SESSION_IDLE_MINUTES without a request, the admin asks to sign in again."""
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200
    age_session(client, SEEN=settings.STAFF_SESSION_IDLE_MINUTES * 60 + 5)
    assert client.get("/admin/").status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_busy_session_still_ends_at_the_absolute_limit(client, staff, settings):
    """Even a session in constant use ends STAFF_SESSION_MAX_HOURS after sign-in."""
    client.force_login(staff)
    age_session(client, STARTED=settings.STAFF_SESSION_MAX_HOURS * 3600 + 5, SEEN=10)
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_recent_session_continues(client, staff):
    """Within both limits the session carries on."""
    client.force_login(staff)
    age_session(client, STARTED=3600, SEEN=60)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_deactivating_a_user_deletes_their_sessions_everywhere(staff):
    """Deactivation ends every session of that user at once (reactivating does not revive them)."""
    laptop, phone = Client(), Client()
    laptop.force_login(staff)
    phone.force_login(staff)
    other = get_user_model().objects.create_superuser("colleague", "", PASSWORD)
    colleague = Client()
    colleague.force_login(other)
    assert Session.objects.count() == 3

    staff.is_active = False
    staff.save()
    assert Session.objects.count() == 1
    staff.is_active = True
    staff.save()
    assert laptop.get("/admin/").status_code == 302
    assert phone.get("/admin/").status_code == 302
    assert colleague.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_verified_session_keeps_its_second_factor_until_it_ends(client, staff, settings):
    """With two-factor required, the idle limit also ends the verified state: a new sign-in and code follow."""
    settings.STAFF_2FA_REQUIRED = True
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    client.force_login(staff)
    age_session(client, SEEN=settings.STAFF_SESSION_IDLE_MINUTES * 60 + 5)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
