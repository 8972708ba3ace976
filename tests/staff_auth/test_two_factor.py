"""Staff need a second factor (TOTP) before any admin page, on top of Wagtail's password login."""

import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers import PRODUCTION_ENV, ROOT, settings_env


@pytest.fixture
def staff(db, settings):
    settings.STAFF_2FA_REQUIRED = True
    return get_user_model().objects.create_superuser("staffer", "", "a-long-password-123")


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


@pytest.mark.django_db
def test_a_signed_in_user_without_a_second_factor_is_sent_to_set_one_up(client, staff):
    """Password alone opens no admin page: the first stop is setting up an authenticator."""
    client.force_login(staff)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/set-up/")


@pytest.mark.django_db
def test_setting_up_an_authenticator_shows_a_local_qr_code_and_then_opens_the_admin(client, staff):
    """Enrolment draws its QR code inline (no outside service) and a valid code turns 2FA on."""
    client.force_login(staff)
    page = client.get("/admin/two-factor/set-up/?next=/admin/pages/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html
    assert "chart.googleapis" not in html and "api.qrserver" not in html
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    response = client.post("/admin/two-factor/set-up/", {"token": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused_and_a_right_one_lets_the_user_in(client, staff):
    """With an authenticator set up, each new session must pass its current code."""
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    client.force_login(staff)
    assert client.get("/admin/").headers["Location"].startswith("/admin/two-factor/verify/")
    wrong = client.post(
        "/admin/two-factor/verify/", {"token": "000000" if current_code(device) != "000000" else "111111"}
    )
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302
    throttled = client.post("/admin/two-factor/verify/", {"token": current_code(device)})
    assert "Too many wrong codes" in throttled.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # as if the waiting time had passed
    right = client.post("/admin/two-factor/verify/", {"token": current_code(device), "next": "/admin/"})
    assert right.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_next_parameter_cannot_send_staff_to_another_site(client, staff):
    """After verification the user only ever lands on this site."""
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
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
