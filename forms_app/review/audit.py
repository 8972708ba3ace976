"""Audit log actions of the review queue, written to Wagtail's log (Reports > Site history).

Log data never holds answers, claimant names or note text: only statuses, ids, tag names and
numbers. Free text lives sealed in CaseEvent.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log

from ..cases import activity
from ..cases.models import CaseStatus, ConsentUse
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
EXPORT = "forms_app.case.export"


def log_case_action(instance, action, user, data=None):
    """Write one audit log entry about a case (``action`` is one of the names above)."""
    return wagtail_log(instance=instance, action=action, user=user, data=data or {})


def _status_label(value):
    try:
        return CaseStatus(value).label
    except ValueError:
        return value or "-"


def _user_label(pk):
    if not pk:
        return _("nobody")
    user = get_user_model().objects.filter(pk=pk).first()
    return display_name(user) if user else _("a deleted user")


class StatusFormatter(LogFormatter):
    label = _("Change case status")

    def format_message(self, log_entry):
        return _("Status changed from %(old)s to %(new)s") % {
            "old": _status_label(log_entry.data.get("from")),
            "new": _status_label(log_entry.data.get("to")),
        }


class AssignFormatter(LogFormatter):
    label = _("Assign case")

    def format_message(self, log_entry):
        return _("Assigned to %(reviewer)s") % {"reviewer": _user_label(log_entry.data.get("to"))}


class TagFormatter(LogFormatter):
    label = _("Tag case")

    def format_message(self, log_entry):
        added = ", ".join(log_entry.data.get("added", [])) or "-"
        removed = ", ".join(log_entry.data.get("removed", [])) or "-"
        return _("Tags added: %(added)s; removed: %(removed)s") % {"added": added, "removed": removed}


class ScoreFormatter(LogFormatter):
    label = _("Score case")

    def format_message(self, log_entry):
        return _("Merit score set to %(score)s") % {"score": log_entry.data.get("to") or "-"}


class EvidenceDownloadFormatter(LogFormatter):
    label = _("Download evidence")

    def format_message(self, log_entry):
        return _("Evidence file %(number)s downloaded (%(copy)s)") % {
            "number": log_entry.data.get("number", "?"),
            "copy": _("original") if log_entry.data.get("copy") == "original" else _("working copy"),
        }


class EvidencePreviewFormatter(LogFormatter):
    label = _("Preview evidence")

    def format_message(self, log_entry):
        return _("Evidence file %(number)s previewed") % {"number": log_entry.data.get("number", "?")}


class ExportFormatter(LogFormatter):
    label = _("Export case")
    message = _("Exported")


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
    actions.register_action(VIEW, _("View case"), _("Case viewed"))
    actions.register_action(NOTE, _("Add case note"), _("Internal note added"))
    actions.register_action(DELETE, _("Delete case"), _("Case deleted"))
    for action, label, message in SIMPLE_ACTIONS:
        actions.register_action(action, label, message)
    for action, formatter in [
        (STATUS, StatusFormatter),
        (ASSIGN, AssignFormatter),
        (TAG, TagFormatter),
        (SCORE, ScoreFormatter),
        (EVIDENCE_DOWNLOAD, EvidenceDownloadFormatter),
        (EVIDENCE_PREVIEW, EvidencePreviewFormatter),
        (EXPORT, ExportFormatter),
        (activity.CONSENT, ConsentFormatter),
        (activity.RECEIPT_VERIFIED, ReceiptCheckFormatter),
    ]:
        actions.register_action(action)(formatter)
