"""Staff need a second factor (TOTP or a recovery code) before any admin page; the password alone
neither opens the admin nor enrols a device."""

import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_auth.models import RecoveryCodeDevice
from tests.helpers import PRODUCTION_ENV, ROOT, settings_env

from .helpers import PASSWORD, current_code, wrong_code


@pytest.fixture
def staff(db, settings):
    settings.STAFF_2FA_REQUIRED = True
    return get_user_model().objects.create_superuser("staffer", "", PASSWORD)


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)


@pytest.mark.django_db
def test_a_password_alone_never_shows_an_enrolment_secret(client, staff):
    """A user without an authenticator is refused at the login form like a wrong password, and
    no TOTP device or secret is created for them."""
    response = client.post("/admin/login/", {"username": "staffer", "password": PASSWORD})
    assert response.status_code == 200
    assert "invitation link from an administrator" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert client.get("/admin/two-factor/set-up/").status_code in (302, 404)


@pytest.mark.django_db
def test_a_session_without_an_authenticator_is_signed_out(client, staff):
    """If a signed-in user has no authenticator (e.g. it was just removed), the next admin
    request signs them out and sends them to the login page with the neutral message."""
    client.force_login(staff)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_right_password_leads_to_the_code_step_and_a_code_opens_the_admin(client, staff, device):
    """Password, then today's code: only then does an admin page open."""
    response = client.post("/admin/login/", {"username": "staffer", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").headers["Location"].startswith("/admin/two-factor/verify/")
    right = client.post("/admin/two-factor/verify/", {"token": current_code(device), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_an_unverified_session_does_not_reach_public_pages_either(client, staff, device):
    """Between password and code, public pages (including private ones) also ask for the code."""
    client.force_login(staff)
    response = client.get("/en/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/verify/")


@pytest.mark.django_db
def test_a_stranger_with_the_password_cannot_lock_the_owner_out_with_wrong_codes(client, staff, device, settings):
    """Wrong codes pause the client that typed them, not the device: the owner, on another
    connection, still signs in with the right code."""
    settings.STAFF_OTP_CLIENT_FAILURES = 3
    client.force_login(staff)
    for _attempt in range(3):
        client.post("/admin/two-factor/verify/", {"token": wrong_code(device)}, REMOTE_ADDR="198.51.100.7")
    paused = client.post("/admin/two-factor/verify/", {"token": current_code(device)}, REMOTE_ADDR="198.51.100.7")
    assert "Too many wrong codes from this connection" in paused.content.decode()
    assert client.get("/admin/", REMOTE_ADDR="198.51.100.7").status_code == 302

    from django.test import Client

    owner = Client()
    owner.force_login(staff)
    right = owner.post("/admin/two-factor/verify/", {"token": current_code(device), "next": "/admin/"})
    assert right.status_code == 302 and right["Location"] == "/admin/"
    assert owner.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_distributed_guess_stops_at_the_daily_ceiling(client, staff, device, settings):
    """Wrong codes from many clients together stop at the daily ceiling for the device."""
    settings.STAFF_OTP_DEVICE_DAILY_FAILURES = 4
    client.force_login(staff)
    for number in range(4):
        client.post("/admin/two-factor/verify/", {"token": wrong_code(device)}, REMOTE_ADDR=f"203.0.113.{number}")
    refused = client.post("/admin/two-factor/verify/", {"token": current_code(device)}, REMOTE_ADDR="203.0.113.99")
    assert "Too many wrong codes have been entered for this account today" in refused.content.decode()


@pytest.mark.django_db
def test_a_recovery_code_works_once_instead_of_the_authenticator(client, staff, device):
    """Each recovery code signs in once; the second use of the same code is refused."""
    codes = RecoveryCodeDevice.replace_for(staff)
    client.force_login(staff)
    used = client.post("/admin/two-factor/verify/", {"token": codes[0].lower()})
    assert used.status_code == 302 and used["Location"] == "/admin/two-factor/recovery-codes/"
    assert client.get("/admin/").status_code == 200
    assert RecoveryCodeDevice.objects.get(user=staff).remaining() == len(codes) - 1

    again = type(client)()
    again.force_login(staff)
    refused = again.post("/admin/two-factor/verify/", {"token": codes[0]})
    assert refused.status_code == 200
    assert again.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_recovery_codes_are_stored_only_as_hashes(staff):
    """No recovery code is in the database in the clear."""
    codes = RecoveryCodeDevice.replace_for(staff)
    stored = list(RecoveryCodeDevice.objects.get(user=staff).codes.values_list("digest", flat=True))
    assert len(stored) == len(codes)
    for code in codes:
        assert code not in stored and code.replace("-", "") not in stored


@pytest.mark.django_db
def test_a_verified_user_can_replace_their_recovery_codes(client, staff, device):
    """Making new codes shows them once and stops every earlier code from working."""
    old = RecoveryCodeDevice.replace_for(staff)
    client.force_login(staff)
    client.post("/admin/two-factor/verify/", {"token": current_code(device)})
    assert "10 unused recovery codes" in client.get("/admin/two-factor/recovery-codes/").content.decode()
    page = client.post("/admin/two-factor/recovery-codes/").content.decode()
    device_codes = RecoveryCodeDevice.objects.get(user=staff)
    assert old[0] not in page
    assert not device_codes.verify_token(old[0])
    assert device_codes.remaining() == 10


@pytest.mark.django_db
def test_the_next_parameter_cannot_send_staff_to_another_site(client, staff, device):
    """After verification the user only ever lands on this site."""
    client.force_login(staff)
    response = client.post(
        "/admin/two-factor/verify/", {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_signing_in_and_out_is_not_behind_the_second_factor(client, staff):
    """The login page opens, and a signed-in user who has not passed a second factor can still
    sign out (a POST, as Django's logout requires), landing on the login page, not on 2FA set-up."""
    assert client.get("/admin/login/").status_code == 200
    client.force_login(staff)
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/"
    assert "_auth_user_id" not in client.session


# Prints, for each settings module, its STAFF_2FA_REQUIRED and whether the enforcing middleware is on.
TWO_FACTOR_IN_FORCE = """
import runpy
for name in ("cms.settings.dev", "cms.settings.production"):
    values = runpy.run_module(name)
    print(name, values["STAFF_2FA_REQUIRED"], MIDDLEWARE in values["MIDDLEWARE"])
"""
MIDDLEWARE = "staff_auth.middleware.RequireTwoFactorMiddleware"


def test_production_requires_two_factor_whatever_the_environment_says(tmp_path):
    """STAFF_2FA_REQUIRED=false turns the second factor off in development, but production settings
    keep it on, with its middleware installed, in the same environment."""
    env = settings_env(PRODUCTION_ENV | {"STAFF_2FA_REQUIRED": "false", "VAR_DIR": str(tmp_path)})
    code = f"MIDDLEWARE = {MIDDLEWARE!r}" + TWO_FACTOR_IN_FORCE
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["cms.settings.dev False True", "cms.settings.production True True"]
