"""Erasing a case, leaving a tombstone: because the claimant withdrew it, or because its retention
period ended (forms_app.cases.retention). The tombstone's status and timeline entry say which.

Deleted: the answers, evidence (working copies and originals, rows and files), contact details,
consents, questions and replies, timeline texts, identifier hashes, the blind search index (its
buckets and sealed confirmation index), the reference to the form's wording, reported losses,
trade-schedule positions, the limitation date (it follows from the incident's dates), tags, merit
score, the receipt code's hash and the case's wrapped data key, so anything sealed with it (a
backup included) can no longer be opened. Kept: reference, case type, language, the
submission and erasure dates, status "withdrawn" or "erased" (retention), and the audit log (which holds no content).

A case under legal hold is never erased: LegalHoldActive is raised and nothing changes.
"""

import secrets

from django.db import transaction
from django.utils import timezone

from . import activity, evidence_store, tasks
from .models import (
    Case,
    CaseAssessment,
    CaseConsent,
    CaseEvent,
    CaseEventKind,
    CaseIdentifier,
    CaseStatus,
    CaseTag,
    ClaimantContact,
    ClaimantReply,
    Evidence,
    ReportedLoss,
    ReviewerQuestion,
    StaffEvent,
    TradePosition,
)

ERASED_WITH_CASE = (
    ClaimantReply,
    ReviewerQuestion,
    ClaimantContact,
    CaseConsent,
    ReportedLoss,
    TradePosition,
    CaseIdentifier,
    CaseAssessment,
    CaseEvent,
)


class LegalHoldActive(Exception):
    """The case is under legal hold: it may not be erased or deleted."""


def evidence_files(case_id):
    """Every stored file of a case: working copies and kept originals."""
    names = []
    for working, original in Evidence.objects.filter(case_id=case_id).values_list("working_file", "original_file"):
        names.append(working)
        if original:
            names.append(original)
    return names


WITHDRAWN_BY_CLAIMANT = "withdrawn"
RETENTION_ENDED = "retention"


def erase_case(case, reason=WITHDRAWN_BY_CLAIMANT, data=None):
    """Erase ``case`` down to its tombstone (see the module docstring); files go after commit.
    ``reason``: WITHDRAWN_BY_CLAIMANT (status Withdrawn, the claimant's event) or RETENTION_ENDED
    (status Erased, a system event holding ``data``: the rule and its days). Raises
    LegalHoldActive, and changes nothing, when the case is held."""
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if current.legal_hold:
            raise LegalHoldActive(case.reference)
        if current.is_erased:
            return current
        files = evidence_files(case.pk)
        Evidence.objects.filter(case_id=case.pk).delete()
        for model in ERASED_WITH_CASE:
            model.objects.filter(case_id=case.pk).delete()
        CaseTag.cases.through.objects.filter(case_id=case.pk).delete()
        now = timezone.now()
        tombstone = {
            "status": CaseStatus.ERASED if reason == RETENTION_ENDED else CaseStatus.WITHDRAWN,
            "withdrawn_at": now,
            "last_activity_at": now,
            "sealed_answers": b"",
            "wording": None,
            "search_buckets": [],
            "sealed_index": b"",
            "wrapped_key": b"",
            "key_id": "",
            # Unique and unusable: the code no longer opens anything.
            "receipt_code_hash": "erased:" + secrets.token_hex(24),
            "evidence_count": 0,
            "limitation_date": None,
            "claimant_activity_unread": reason != RETENTION_ENDED,
            "withdrawal_requested_at": None,
            "assigned_to": current.assigned_to,
        }
        Case.objects.filter(pk=case.pk).update(**tombstone)
        for name, value in tombstone.items():
            setattr(case, name, value)
        for cached in ("data_key", "answer_payload"):
            case.__dict__.pop(cached, None)
        if reason == RETENTION_ENDED:
            CaseEvent.objects.create(
                case=case,
                kind=CaseEventKind.RETENTION_ERASED,
                from_status=current.status,
                to_status=CaseStatus.ERASED,
                data=dict(data or {}),
            )
        else:
            CaseEvent.objects.create(case=case, by_claimant=True, kind=CaseEventKind.WITHDRAWN)
        transaction.on_commit(lambda: evidence_store.delete_files(files))
    return case


def delete_originals(case):
    """The claimant revoked "keep originals": the untouched originals go, the working copies stay
    (their SHA-256 and the original's are still recorded). Call inside a transaction."""
    names = [name for name in Evidence.objects.filter(case=case).values_list("original_file", flat=True) if name]
    Evidence.objects.filter(case=case).update(original_file="")
    transaction.on_commit(lambda: evidence_store.delete_files(names))
    return len(names)


WITHDRAWAL_ERASED = "erased"
WITHDRAWAL_RECORDED = "recorded"


def withdraw(case):
    """The claimant withdraws: erased at once, or, under legal hold, the request is recorded for
    counsel to contact them. Returns WITHDRAWAL_ERASED or WITHDRAWAL_RECORDED."""
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if current.is_erased:
            return WITHDRAWAL_ERASED
        if current.legal_hold:
            if current.withdrawal_requested_at is None:
                now = timezone.now()
                Case.objects.filter(pk=case.pk).update(withdrawal_requested_at=now)
                case.withdrawal_requested_at = now
                activity.record(case, CaseEventKind.WITHDRAWAL_REQUESTED, unread=True)
                activity.log_action(case, activity.WITHDRAWAL_REQUESTED, None)
                tasks.staff_event(case, StaffEvent.WITHDRAWAL_REQUESTED)
            return WITHDRAWAL_RECORDED
        activity.log_action(case, activity.WITHDRAWN, None, {"evidence_files": len(evidence_files(case.pk))})
        erase_case(case)
        tasks.staff_event(case, StaffEvent.WITHDRAWN)
    return WITHDRAWAL_ERASED
