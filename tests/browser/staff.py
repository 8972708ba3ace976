"""Staff accounts of the test server, and signing in as a person would: password, then the code
from the authenticator app (computed here from the device's secret, as the app would)."""

import time
from dataclasses import dataclass

from django_otp.oath import totp


@dataclass(frozen=True)
class Staff:
    username: str
    password: str
    totp_key: str  # hex, as stored on django-otp's TOTPDevice
    group: str = ""  # "" for a superuser
    admin_language: str = "en"


EDITOR = Staff("editor", "editor-password-for-tests-only", "3132333435363738393031323334353637383930")
REVIEWER = Staff(
    "reviewer",
    "reviewer-password-for-tests-only",
    "6162636465666768696a6b6c6d6e6f7071727374",
    group="Reviewers",
    admin_language="zh-hans",
)

CREATE_STAFF = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

User = get_user_model()
for username, password, key, group, language in {
    [(s.username, s.password, s.totp_key, s.group, s.admin_language) for s in (EDITOR, REVIEWER)]!r
}:
    if group:
        group = Group.objects.filter(name=group).first()
        if group is None:
            continue  # the review queue's groups are not there yet
        user = User.objects.create_user(username, username + "@example.org", password)
        user.groups.add(group)
    else:
        user = User.objects.create_superuser(username, username + "@example.org", password)
    TOTPDevice.objects.create(user=user, name="Phone", key=key, confirmed=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
"""


_last_step = {}


def next_code(staff):
    """The authenticator's code. django-otp accepts each time step's code once (and the next
    step's, for clock drift), so a second sign-in within 30 seconds uses the next step's code."""
    now = int(time.time() // 30)
    step = max(now, _last_step.get(staff.username, now - 1) + 1)
    assert step <= now + 1, "signed in too often to get a fresh code"
    _last_step[staff.username] = step
    return f"{totp(bytes.fromhex(staff.totp_key), drift=step - now):06d}"


def sign_in(journey, page, staff):
    """Sign in to the admin with password and authenticator code; ends on the admin dashboard."""
    page.goto(journey.url("/admin/login/"))
    page.locator("#id_username").fill(staff.username)
    page.locator("#id_password").fill(staff.password)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    assert "/admin/two-factor/" in page.url, f"no second factor was asked for ({page.url})"
    journey.shot(page, f"{staff.username}-two-factor")
    # Once: the page's icon sprite, if redirected here too, used to paste a second copy into it.
    assert page.locator("input[name=token]").count() == 1
    page.locator("[name=token]").fill(next_code(staff))
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    assert page.url == journey.url("/admin/"), page.url
