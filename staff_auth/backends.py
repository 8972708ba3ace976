from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from .devices import has_authenticator


class StaffBackend(ModelBackend):
    """Django's password check, refusing (like a wrong password) an account that has no
    authenticator while two-factor sign-in is required: such an account is enrolled only through
    an administrator's invitation link, never by its password alone."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and settings.STAFF_2FA_REQUIRED and not has_authenticator(user):
            return None
        return user
