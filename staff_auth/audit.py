"""Staff sign-in events in Wagtail's audit log (Reports › Site history), logged on the user."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

INVITE = "staff_auth.invite"
INVITATION_USED = "staff_auth.invitation_used"
RESET = "staff_auth.reset_2fa"
RECOVERY_CODES = "staff_auth.recovery_codes"
RECOVERY_CODE_USED = "staff_auth.recovery_code_used"


def record(action, user, by=None, **data):
    log(instance=user, action=action, user=by, data=data)


def register_log_actions(actions):
    actions.register_action(INVITE, _("Invite staff member"), _("Invitation link created"))
    actions.register_action(INVITATION_USED, _("Accept invitation"), _("Invitation accepted, authenticator paired"))
    actions.register_action(RESET, _("Reset second factor"), _("Second factor removed, new invitation created"))
    actions.register_action(RECOVERY_CODES, _("New recovery codes"), _("New recovery codes generated"))
    actions.register_action(RECOVERY_CODE_USED, _("Use recovery code"), _("Signed in with a recovery code"))
