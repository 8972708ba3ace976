from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffAuthConfig(AppConfig):
    """Two-factor authentication (TOTP) for everyone who signs in to the Wagtail admin."""

    name = "staff_auth"
    verbose_name = _("Staff sign-in")
