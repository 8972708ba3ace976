"""Issuing invitations and resetting a second factor (used by the management commands)."""

from django.conf import settings
from django.urls import reverse

from . import audit
from .devices import remove_all_devices
from .models import StaffInvitation
from .sessions import end_sessions


def invitation_url(token):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("staff_auth_invitation_start", args=[token])


def invite(user, by=None):
    """A new one-time link for `user` (earlier ones stop working), audited; returns (invitation, url)."""
    invitation, token = StaffInvitation.issue(user, created_by=by)
    audit.record(audit.INVITE, user, by=by, expires=invitation.expires_at.isoformat())
    return invitation, invitation_url(token)


def reset_second_factor(user, by=None):
    """Remove every device, end every session, and issue an invitation to pair a new one."""
    removed = remove_all_devices(user)
    end_sessions(user)
    invitation, token = StaffInvitation.issue(user, created_by=by)
    audit.record(audit.RESET, user, by=by, devices=removed, expires=invitation.expires_at.isoformat())
    return removed, invitation, invitation_url(token)
