"""Which second factors a staff member has."""

from django_otp import devices_for_user

from .models import RecoveryCodeDevice


def authenticators(user):
    """Confirmed devices that prove possession (TOTP apps; passkeys later), not recovery codes."""
    return [device for device in devices_for_user(user, confirmed=True) if not isinstance(device, RecoveryCodeDevice)]


def has_authenticator(user):
    return bool(authenticators(user))


def remove_all_devices(user):
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    return removed
