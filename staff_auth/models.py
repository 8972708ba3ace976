"""Invitations, recovery codes and the record of staff sessions.

Secrets are stored only as SHA-256 digests: the invitation token (in the link an administrator
sends out of band) and each recovery code. They are random and long enough (256 and 80 bits) that
the digest cannot be reversed, so a database dump opens no account.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device

from .client import token_digest

INVITATION_PURPOSE = "staff-invitation"
RECOVERY_PURPOSE = "staff-recovery-code"
RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


class StaffInvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class StaffInvitation(models.Model):
    """A one-time, expiring link that lets one user set a password and pair an authenticator."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_invitations")
    token_digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    objects = StaffInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff invitation")
        verbose_name_plural = _("staff invitations")

    def __str__(self):
        return str(_("Invitation for %(user)s") % {"user": self.user})

    @classmethod
    def issue(cls, user, created_by=None):
        """A new invitation for `user` and its secret token (returned once, stored only hashed).
        Earlier unused invitations of the same user stop working."""
        token = secrets.token_urlsafe(32)
        with transaction.atomic():
            cls.objects.filter(user=user, used_at__isnull=True).update(expires_at=timezone.now())
            invitation = cls.objects.create(
                user=user,
                token_digest=token_digest(INVITATION_PURPOSE, token),
                created_by=created_by,
                expires_at=timezone.now() + timedelta(hours=settings.STAFF_INVITATION_HOURS),
            )
        return invitation, token

    @classmethod
    def find(cls, token):
        """The usable invitation with this token, or None (unknown, used or expired alike)."""
        if not token or len(token) > 100:
            return None
        return cls.objects.usable().filter(token_digest=token_digest(INVITATION_PURPOSE, token)).first()

    @property
    def usable(self):
        return self.used_at is None and self.expires_at > timezone.now()


def normalise_recovery_code(text):
    return "".join(ch for ch in text.upper() if ch.isalnum())


class RecoveryCodeDevice(Device):
    """A sheet of one-time recovery codes, usable instead of the authenticator's code."""

    class Meta:
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")

    @classmethod
    def replace_for(cls, user):
        """New codes for `user` (the old ones stop working); the plain codes are returned once."""
        codes = [
            "-".join("".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(4)) for _ in range(4))
            for _ in range(RECOVERY_CODE_COUNT)
        ]
        with transaction.atomic():
            cls.objects.filter(user=user).delete()
            device = cls.objects.create(user=user, name=str(_("Recovery codes")), confirmed=True)
            RecoveryCode.objects.bulk_create(
                RecoveryCode(device=device, digest=token_digest(RECOVERY_PURPOSE, normalise_recovery_code(code)))
                for code in codes
            )
        return codes

    def remaining(self):
        return self.codes.count()

    def verify_token(self, token):
        digest = token_digest(RECOVERY_PURPOSE, normalise_recovery_code(str(token)))
        deleted, _ignored = self.codes.filter(digest=digest).delete()
        return deleted > 0


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64)

    def __str__(self):
        return f"recovery code {self.pk}"


class StaffSession(models.Model):
    """Which session keys a user signed in with, so deactivating the user (or resetting their
    second factor) can end those sessions at once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    session_key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"session of user {self.user_id}"
