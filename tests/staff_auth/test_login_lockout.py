"""Wagtail's login locks an account and a client after repeated failures, without saying so and
without storing any address."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from .helpers import PASSWORD, without_csrf_token


@pytest.fixture
def staff(db, settings):
    settings.STAFF_2FA_REQUIRED = True
    settings.AXES_FAILURE_LIMIT = 5
    user = get_user_model().objects.create_superuser("staffer", "", PASSWORD)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


def sign_in(client, password, username="staffer", address="192.0.2.10"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_a_locked_account_answers_exactly_like_a_wrong_password(client, staff):
    """After 5 failures the right password gets the same page as a wrong one: no redirect to the
    code step, no 429, no different wording."""
    wrong = sign_in(client, "not-the-password")
    for _attempt in range(4):
        sign_in(client, "not-the-password")
    locked = sign_in(client, PASSWORD)
    assert locked.status_code == wrong.status_code == 200
    assert without_csrf_token(locked.content.decode()) == without_csrf_token(wrong.content.decode())
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_account_is_locked_from_every_client(client, staff):
    """Failures from one address lock the account for a sign-in from another address too."""
    for _attempt in range(5):
        sign_in(client, "not-the-password", address="192.0.2.10")
    assert sign_in(client, PASSWORD, address="198.51.100.20").status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_client_guessing_many_accounts_is_locked(client, staff):
    """Five failures on different usernames from one client lock that client, even for a real account."""
    for number in range(5):
        sign_in(client, "not-the-password", username=f"nobody{number}")
    assert sign_in(client, PASSWORD).status_code == 200
    assert "_auth_user_id" not in client.session
    assert sign_in(client, PASSWORD, address="198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_a_client_rotating_ipv6_addresses_inside_its_64_is_still_one_client(client, staff):
    """Guesses on made-up usernames from five addresses of one IPv6 /64 (what one subscriber holds)
    lock that client; a neighbouring /64 is another client."""
    for number in range(5):
        sign_in(client, "not-the-password", username=f"nobody{number}", address=f"2001:db8:1:2::{number + 1}")
    assert sign_in(client, PASSWORD, address="2001:db8:1:2:ffff::9").status_code == 200
    assert "_auth_user_id" not in client.session
    assert sign_in(client, PASSWORD, address="2001:db8:1:3::1").status_code == 302


@pytest.mark.django_db
def test_before_the_limit_the_right_password_still_works(client, staff):
    """A few typos do not lock the owner out."""
    for _attempt in range(4):
        sign_in(client, "not-the-password")
    assert sign_in(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_lockout_counters_hold_no_address_and_nothing_is_written_to_the_database(client, staff, rf):
    """Axes sees only a keyed hash of the client address and keeps counters only in the cache;
    its tables (attempts, access and failure logs) stay empty."""
    from axes.helpers import get_client_ip_address
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    seen_by_axes = get_client_ip_address(rf.get("/admin/login/", REMOTE_ADDR="192.0.2.10"))
    assert "192.0.2" not in seen_by_axes and len(seen_by_axes) > 30
    assert seen_by_axes != get_client_ip_address(rf.get("/admin/login/", REMOTE_ADDR="192.0.2.11"))

    for _attempt in range(5):
        sign_in(client, "not-the-password", address="192.0.2.10")
    sign_in(client, PASSWORD, address="192.0.2.10")
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_wagtails_front_end_login_is_closed_in_every_language(client, staff, language):
    """/<lang>/_util/login/ is not a second password-only door."""
    assert client.get(f"/{language}/_util/login/").status_code == 404
    response = client.post(f"/{language}/_util/login/", {"username": "staffer", "password": PASSWORD})
    assert response.status_code == 404
    assert "_auth_user_id" not in client.session


def test_private_pages_send_visitors_to_the_admin_login(settings):
    """Wagtail's private pages redirect to the login that has lockout and two-factor."""
    assert settings.WAGTAIL_FRONTEND_LOGIN_URL == "/admin/login/"


def test_passwords_are_hashed_with_argon2_outside_tests():
    """Argon2 is first in the project's password hashers (tests use a fast one)."""
    from cms.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    from django.contrib.auth.hashers import Argon2PasswordHasher

    assert Argon2PasswordHasher().encode("a-long-password-123", "somesaltvalue1").startswith("argon2$")


@pytest.mark.django_db
def test_an_administrator_can_lift_an_account_lockout(client, staff):
    """`manage.py axes_reset_username USERNAME` (as the README says) unlocks the account."""
    from django.core.management import call_command

    for _attempt in range(5):
        sign_in(client, "not-the-password", address="192.0.2.10")
    call_command("axes_reset_username", "staffer", verbosity=0)
    assert sign_in(client, PASSWORD, address="198.51.100.20").status_code == 302
