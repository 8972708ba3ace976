"""New staff, and staff who lost their authenticator, enrol only through a one-time, expiring
invitation link created by an administrator."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from staff_auth.models import RecoveryCodeDevice, StaffInvitation

from .helpers import current_code

NEW_PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture(autouse=True)
def two_factor(settings):
    settings.STAFF_2FA_REQUIRED = True


def invite(username, *args):
    out = StringIO()
    call_command("invite_staff", username, *args, stdout=out)
    link = next(word for word in out.getvalue().split() if "/admin/invitation/" in word)
    return link.split("://", 1)[-1].split("/", 1)[-1].join(["/", ""])


def accept(client, path):
    assert client.get(path).status_code == 302
    page = client.get("/admin/invitation/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(confirmed=False)
    return client.post(
        "/admin/invitation/",
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD, "token": current_code(device)},
    )


@pytest.mark.django_db
def test_an_invitation_sets_the_password_pairs_the_app_and_shows_recovery_codes_once(client):
    """The link lets the new user choose a password and pair TOTP; they are then signed in,
    verified, and see ten recovery codes on that page only."""
    path = invite("newcomer", "--email", "n@example.org", "--superuser")
    user = get_user_model().objects.get(username="newcomer")
    assert not user.has_usable_password()
    done = accept(client, path)
    assert done.status_code == 200
    html = done.content.decode()
    assert html.count("<code>") == 10
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert TOTPDevice.objects.get(user=user).confirmed
    assert RecoveryCodeDevice.objects.get(user=user).remaining() == 10
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_an_invitation_works_only_once(client):
    """After use, the same link is refused."""
    path = invite("newcomer")
    accept(client, path)
    client.logout()
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_an_expired_invitation_is_refused(client, settings):
    """Past STAFF_INVITATION_HOURS the link opens nothing."""
    path = invite("newcomer")
    StaffInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(path).status_code == 404
    assert client.get("/admin/invitation/").status_code == 404


@pytest.mark.django_db
def test_a_new_invitation_replaces_the_previous_one(client):
    """Only the latest link for a user works."""
    first = invite("newcomer")
    second = invite("newcomer")
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 302


@pytest.mark.django_db
def test_the_token_is_stored_only_as_a_hash_and_the_use_is_audited(client):
    """The database holds a digest of the token, and Wagtail's log records the invitation and its use."""
    path = invite("newcomer")
    token = path.rstrip("/").rsplit("/", 1)[-1]
    invitation = StaffInvitation.objects.get()
    assert token not in invitation.token_digest
    accept(client, path)
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"staff_auth.invite", "staff_auth.invitation_used"} <= actions


@pytest.mark.django_db
def test_a_wrong_code_on_the_invitation_page_changes_nothing(client):
    """The password is set and the invitation used only when the app's code is right."""
    path = invite("newcomer")
    client.get(path)
    client.get("/admin/invitation/")
    response = client.post(
        "/admin/invitation/", {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD, "token": "000000"}
    )
    assert response.status_code == 200
    assert not get_user_model().objects.get(username="newcomer").has_usable_password()
    assert StaffInvitation.objects.get().used_at is None


@pytest.mark.django_db
def test_resetting_a_lost_phone_issues_an_invitation_and_ends_sessions(client):
    """reset_staff_2fa removes the devices and recovery codes, signs the user out everywhere and
    prints a new invitation instead of opening password-only enrolment."""
    user = get_user_model().objects.create_user("staffer", password=NEW_PASSWORD, is_superuser=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    RecoveryCodeDevice.replace_for(user)
    client.force_login(user)
    client.post("/admin/two-factor/verify/", {"token": current_code(device)})
    assert client.get("/admin/").status_code == 200

    out = StringIO()
    call_command("reset_staff_2fa", "staffer", stdout=out)
    assert "/admin/invitation/" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not RecoveryCodeDevice.objects.filter(user=user).exists()
    assert client.get("/admin/").status_code == 302
    refused = client.post("/admin/login/", {"username": "staffer", "password": NEW_PASSWORD})
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    assert ModelLogEntry.objects.filter(action="staff_auth.reset_2fa").exists()
