"""Audit log actions of the review queue, written to Wagtail's log (Reports > Site history), and
the one wording of each action, which the case page's timeline uses too.

Log data never holds answers, claimant names or note text: only statuses, ids, tag names and
numbers. Free text lives sealed in CaseEvent.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log

from ..cases import activity
from ..cases.models import CaseEventKind, CaseStatus, ConsentUse
from .permissions import display_name

VIEW = "forms_app.case.view"
STATUS = "forms_app.case.status"
ASSIGN = "forms_app.case.assign"
NOTE = "forms_app.case.note"
TAG = "forms_app.case.tag"
SCORE = "forms_app.case.score"
DELETE = "forms_app.case.delete"
EVIDENCE_PREVIEW = "forms_app.case.evidence_preview"
EVIDENCE_DOWNLOAD = "forms_app.case.evidence_download"
EVIDENCE_DELETE = "forms_app.case.evidence_delete"
EXPORT = "forms_app.case.export"


def log_case_action(instance, action, user, data=None):
    """Write one audit log entry about a case (``action`` is one of the names above)."""
    return wagtail_log(instance=instance, action=action, user=user, data=data or {})


def _status_label(value):
    try:
        return str(CaseStatus(value).label)
    except ValueError:
        return value or "-"


def _names(names):
    return ", ".join(names) or "-"


# --- One wording per case event ------------------------------------------------------------------
# Each message is what Reports > Site history says about the action AND what the case page's
# timeline says about the matching CaseEvent. Plain text: no markup in a message (translators
# see words only); ``data`` is the audit log entry's data, never answers, names typed by the
# claimant, or note text. ``assignee``: the user ``data["to"]`` names, when already loaded.


def _status_message(data, assignee=None):
    return gettext("Status changed from %(old)s to %(new)s") % {
        "old": _status_label(data.get("from")),
        "new": _status_label(data.get("to")),
    }


def _assign_message(data, assignee=None):
    pk = data.get("to")
    if not pk:
        return gettext("Unassigned")
    if assignee is None:
        assignee = get_user_model().objects.filter(pk=pk).first()
    name = display_name(assignee) if assignee else gettext("a deleted user")
    return gettext("Assigned to %(name)s") % {"name": name}


def _tags_message(data, assignee=None):
    return gettext("Tags added: %(added)s; removed: %(removed)s") % {
        "added": _names(data.get("added", [])),
        "removed": _names(data.get("removed", [])),
    }


def _score_message(data, assignee=None):
    def score(value):
        return str(value) if value else gettext("not scored")

    return gettext("Merit score changed from %(old)s to %(new)s") % {
        "old": score(data.get("from")),
        "new": score(data.get("to")),
    }


def _evidence_download_message(data, assignee=None):
    number = data.get("number", "?")
    if data.get("copy") == "original":
        return gettext("Evidence file %(number)s downloaded (original)") % {"number": number}
    return gettext("Evidence file %(number)s downloaded (working copy)") % {"number": number}


def _evidence_preview_message(data, assignee=None):
    return gettext("Evidence file %(number)s previewed") % {"number": data.get("number", "?")}


def _evidence_delete_message(data, assignee=None):
    return gettext("Evidence file %(number)s deleted (working copy and original)") % {
        "number": data.get("number", "?")
    }


def _retention_message(data, assignee=None):
    if data.get("rule") == "withdrawn":
        return gettext(
            "Erased by the retention job: the claimant had asked to withdraw it and the legal hold was lifted"
        )
    return gettext("Erased by the retention job: %(status)s for more than %(days)s days") % {
        "status": _status_label(data.get("status") or data.get("rule")),
        "days": data.get("days", "?"),
    }


def _export_message(data, assignee=None):
    """One entry per export: how many cases the file holds, and whether it is complete."""
    values = {"sent": data.get("sent", 0), "count": data.get("count", 0), "format": data.get("format", "")}
    if "sent" not in data:  # entries written per case before exports were logged once
        return gettext("Exported")
    if data.get("complete"):
        return gettext("Exported %(sent)s cases (%(format)s), complete") % values
    return gettext("Export of %(count)s cases (%(format)s) ended after %(sent)s: the file is incomplete") % values


def _fixed(text):
    return lambda data, assignee=None: str(text)


def _consent_message(data, assignee=None):
    try:
        use = str(ConsentUse(data.get("use")).label)
    except ValueError:
        use = data.get("use") or "-"
    if data.get("granted"):
        return gettext("The claimant agreed to: %(use)s") % {"use": use}
    return gettext("The claimant revoked: %(use)s") % {"use": use}


def _receipt_check_message(data, assignee=None):
    if data.get("matched"):
        return gettext("A receipt code was checked: it belongs to this case")
    return gettext("A receipt code was checked: it does not belong to this case")


# action: (its name in the Site history's action filter, its message)
ACTIONS = {
    VIEW: (_("View case"), _fixed(_("Case viewed"))),
    STATUS: (_("Change case status"), _status_message),
    ASSIGN: (_("Assign case"), _assign_message),
    NOTE: (_("Add case note"), _fixed(_("Internal note added"))),
    TAG: (_("Tag case"), _tags_message),
    SCORE: (_("Score case"), _score_message),
    DELETE: (_("Delete case"), _fixed(_("Case deleted"))),
    EVIDENCE_PREVIEW: (_("Preview evidence"), _evidence_preview_message),
    EVIDENCE_DOWNLOAD: (_("Download evidence"), _evidence_download_message),
    EVIDENCE_DELETE: (_("Delete evidence file"), _evidence_delete_message),
    EXPORT: (_("Export cases"), _export_message),
    # "My case": claimant actions carry no user, so each message says who acted.
    activity.QUESTION: (_("Ask the claimant"), _fixed(_("Question sent to the claimant"))),
    activity.REPLY: (_("Claimant reply"), _fixed(_("The claimant replied to a question"))),
    activity.EVIDENCE_ADDED: (_("Claimant added evidence"), _fixed(_("The claimant added evidence"))),
    activity.CONSENT: (_("Change consent"), _consent_message),
    activity.CONTACT: (
        _("Claimant changed contact preferences"),
        _fixed(_("The claimant changed their contact preferences")),
    ),
    activity.WITHDRAWAL_REQUESTED: (
        _("Withdrawal requested"),
        _fixed(_("The claimant asked to withdraw (case under legal hold)")),
    ),
    activity.WITHDRAWN: (
        _("Withdrawn by the claimant"),
        _fixed(_("The claimant withdrew the case: it was erased")),
    ),
    activity.HOLD_PLACED: (_("Place legal hold"), _fixed(_("Legal hold placed"))),
    activity.HOLD_LIFTED: (_("Lift legal hold"), _fixed(_("Legal hold lifted"))),
    activity.RECEIPT_VERIFIED: (_("Check receipt code"), _receipt_check_message),
    activity.RETENTION_ERASED: (_("Erased by retention"), _retention_message),
}
# The timeline's event kinds are audit actions too.
EVENT_ACTIONS = {
    CaseEventKind.STATUS: STATUS,
    CaseEventKind.ASSIGN: ASSIGN,
    CaseEventKind.NOTE: NOTE,
    CaseEventKind.TAGS: TAG,
    CaseEventKind.SCORE: SCORE,
    CaseEventKind.EVIDENCE_DOWNLOAD: EVIDENCE_DOWNLOAD,
    CaseEventKind.QUESTION: activity.QUESTION,
    CaseEventKind.REPLY: activity.REPLY,
    CaseEventKind.EVIDENCE_ADDED: activity.EVIDENCE_ADDED,
    CaseEventKind.CONSENT: activity.CONSENT,
    CaseEventKind.CONTACT: activity.CONTACT,
    CaseEventKind.WITHDRAWAL_REQUESTED: activity.WITHDRAWAL_REQUESTED,
    CaseEventKind.WITHDRAWN: activity.WITHDRAWN,
    CaseEventKind.HOLD_PLACED: activity.HOLD_PLACED,
    CaseEventKind.HOLD_LIFTED: activity.HOLD_LIFTED,
    CaseEventKind.RECEIPT_VERIFIED: activity.RECEIPT_VERIFIED,
    CaseEventKind.RETENTION_ERASED: activity.RETENTION_ERASED,
    CaseEventKind.EVIDENCE_DELETED: EVIDENCE_DELETE,
}


def message(action, data, assignee=None):
    """The one wording of a case action, in the active language (see above)."""
    _label, describe = ACTIONS[action]
    return describe(data or {}, assignee)


def event_message(event):
    """The timeline's line for a CaseEvent: the Site history's wording of the same action."""
    data = event.data or {}
    if event.kind == CaseEventKind.STATUS:
        data = {"from": event.from_status, "to": event.to_status}
    return message(EVENT_ACTIONS[event.kind], data, assignee=event.assignee)


class CaseLogFormatter(LogFormatter):
    """A case action in Reports > Site history, worded by ``message``."""

    action = ""

    def format_message(self, log_entry):
        return message(self.action, log_entry.data)


def _consent_label(value):
    try:
        return ConsentUse(value).label
    except ValueError:
        return value or "-"


class ConsentFormatter(LogFormatter):
    label = _("Change consent")

    def format_message(self, log_entry):
        if log_entry.data.get("granted"):
            return _("The claimant agreed to: %(use)s") % {"use": _consent_label(log_entry.data.get("use"))}
        return _("The claimant revoked: %(use)s") % {"use": _consent_label(log_entry.data.get("use"))}


class ReceiptCheckFormatter(LogFormatter):
    label = _("Check receipt code")

    def format_message(self, log_entry):
        if log_entry.data.get("matched"):
            return _("A receipt code was checked: it belongs to this case")
        return _("A receipt code was checked: it does not belong to this case")


# Claimant actions carry no user: Site history shows them as the system's, so each message says who.
SIMPLE_ACTIONS = [
    (activity.QUESTION, _("Ask the claimant"), _("Question sent to the claimant")),
    (activity.REPLY, _("Claimant reply"), _("The claimant replied to a question")),
    (activity.EVIDENCE_ADDED, _("Claimant added evidence"), _("The claimant added evidence")),
    (activity.CONTACT, _("Claimant changed contact preferences"), _("The claimant changed their contact preferences")),
    (
        activity.WITHDRAWAL_REQUESTED,
        _("Withdrawal requested"),
        _("The claimant asked to withdraw (case under legal hold)"),
    ),
    (activity.WITHDRAWN, _("Withdrawn by the claimant"), _("The claimant withdrew the case: it was erased")),
    (activity.HOLD_PLACED, _("Place legal hold"), _("Legal hold placed")),
    (activity.HOLD_LIFTED, _("Lift legal hold"), _("Legal hold lifted")),
]


def register_log_actions(actions):
    """Called by the ``register_log_actions`` hook in wagtail_hooks.py."""
    for action, (label, _describe) in ACTIONS.items():
        formatter = type("CaseLogFormatter", (CaseLogFormatter,), {"action": action, "label": label})
        actions.register_action(action)(formatter)
