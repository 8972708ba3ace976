"""The review workflow: which status may follow which.

New -> In review -> Needs information -> Merit | No merit -> Contacted -> Plaintiff | Closed.
A case can be closed from anywhere (spam, a duplicate, a withdrawn claim) and reopened into review;
decisions can be reconsidered by sending the case back to review.

Two statuses are set by what happens, not chosen here: asking the claimant a question moves a case
to Needs information, and their reply on "My case" to Information received. Withdrawn (the
claimant erased the case) and Erased (its retention period ended, forms_app.cases.retention) are
final.
"""

from ..cases.models import CaseStatus

S = CaseStatus

TRANSITIONS = {
    S.NEW: [S.IN_REVIEW, S.CLOSED],
    S.IN_REVIEW: [S.NEEDS_INFORMATION, S.MERIT, S.NO_MERIT, S.CLOSED],
    S.NEEDS_INFORMATION: [S.IN_REVIEW, S.MERIT, S.NO_MERIT, S.CLOSED],
    S.INFORMATION_RECEIVED: [S.IN_REVIEW, S.MERIT, S.NO_MERIT, S.CLOSED],
    S.MERIT: [S.CONTACTED, S.IN_REVIEW, S.CLOSED],
    S.NO_MERIT: [S.CLOSED, S.IN_REVIEW],
    S.CONTACTED: [S.PLAINTIFF, S.CLOSED],
    S.PLAINTIFF: [S.CLOSED],
    S.CLOSED: [S.IN_REVIEW],
    S.WITHDRAWN: [],
    S.ERASED: [],
}


class TransitionRefused(Exception):
    """The requested status cannot follow the case's current one."""


def allowed_next(status):
    """The statuses a case in ``status`` may move to, in workflow order."""
    return list(TRANSITIONS.get(status, []))


def is_allowed(from_status, to_status):
    return to_status in TRANSITIONS.get(from_status, [])


def status_choices(status):
    return [(value, CaseStatus(value).label) for value in allowed_next(status)]
