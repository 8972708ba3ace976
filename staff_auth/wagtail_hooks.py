from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import audit, views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/verify/", views.verify, name="staff_auth_verify"),
        path("two-factor/recovery-codes/", views.recovery_codes, name="staff_auth_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    return {
        "url": reverse("staff_auth_recovery_codes"),
        "label": _("Recovery codes"),
        "help_text": _("One-time codes to sign in if you lose your authenticator."),
    }


@hooks.register("register_log_actions")
def register_log_actions(actions):
    audit.register_log_actions(actions)
