"""The writes of "My case" at the case level, shared by the claimant's pages (forms_app.intake) and
the reviewers' (forms_app.review). Each one, in one transaction: the change, a CaseEvent for the
timeline, an audit log entry (claimant actions carry no user and say "claimant"), the case's last
activity time and, for what the claimant sent, the "unread claimant activity" marker.

Audit data never holds a text, a contact detail or a code: only choice keys, numbers and ids.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log as wagtail_log

from . import tasks
from .models import (
    Case,
    CaseConsent,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
    ClaimantContact,
    ClaimantReply,
    ConsentUse,
    ReviewerQuestion,
    StaffEvent,
)

# Audit log action names (their wording is registered by forms_app.review.audit).
QUESTION = "forms_app.case.question"
REPLY = "forms_app.case.reply"
EVIDENCE_ADDED = "forms_app.case.evidence_added"
CONSENT = "forms_app.case.consent"
CONTACT = "forms_app.case.contact"
WITHDRAWAL_REQUESTED = "forms_app.case.withdrawal_requested"
WITHDRAWN = "forms_app.case.withdrawn"
HOLD_PLACED = "forms_app.case.hold_placed"
HOLD_LIFTED = "forms_app.case.hold_lifted"
RECEIPT_VERIFIED = "forms_app.case.receipt_verified"
# Written by the retention job (forms_app.cases.retention): no user, data {"by": "retention", ...}.
RETENTION_ERASED = "forms_app.case.retention_erased"
CLAIMANT_ACTIONS = (REPLY, EVIDENCE_ADDED, CONSENT, CONTACT, WITHDRAWAL_REQUESTED, WITHDRAWN)


class CaseWithdrawn(Exception):
    """The case has been erased: nothing more can be added to it."""


def log_action(case, action, user=None, data=None):
    """One audit log entry; ``user`` None means the claimant did it."""
    data = dict(data or {})
    if user is None:
        data["by"] = "claimant"
    return wagtail_log(instance=case, action=action, user=user, data=data)


def record(case, kind, *, user=None, text="", unread=False, **fields):
    """A timeline event; touches the case (and marks it unread for reviewers if ``unread``)."""
    event = CaseEvent(case=case, actor=user, by_claimant=user is None, kind=kind, **fields)
    event.seal_text(text.strip())
    event.save()
    changes = {"last_activity_at": event.created_at}
    if unread:
        changes["claimant_activity_unread"] = True
    Case.objects.filter(pk=case.pk).update(**changes)
    for name, value in changes.items():
        setattr(case, name, value)
    return event


def _locked(case):
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.is_erased:
        raise CaseWithdrawn(case.reference)
    return current


# --- Filing --------------------------------------------------------------------------------------
def consent_rows(case, granted_by_use, when):
    """The consents as answered in the intake form ({ConsentUse: bool}; missing uses are refused),
    unsaved: filing writes them with the case's other rows (inserts.insert_new_rows)."""
    return [
        CaseConsent(case=case, use=use, granted=bool(granted_by_use.get(use)), changed_at=when)
        for use in ConsentUse.values
    ]


def contact_row(case, values):
    """A new case's contact details, unsaved (filing writes them with the case's other rows)."""
    contact = ClaimantContact(case=case)
    contact.set(values)
    return contact


# --- Questions and replies -----------------------------------------------------------------------
def ask(case, texts, user):
    """A reviewer's question ({language: text}); the case moves to Needs information."""
    with transaction.atomic():
        current = _locked(case)
        question = ReviewerQuestion(case=case, asked_by=user)
        question.set_texts(texts)
        question.save()
        fields = {"data": {"question": str(question.uuid), "languages": question.languages}}
        if current.status != CaseStatus.NEEDS_INFORMATION:
            fields.update(from_status=current.status, to_status=CaseStatus.NEEDS_INFORMATION)
            Case.objects.filter(pk=case.pk).update(status=CaseStatus.NEEDS_INFORMATION)
            case.status = CaseStatus.NEEDS_INFORMATION
        record(case, CaseEventKind.QUESTION, user=user, **fields)
        log_action(case, QUESTION, user, {"question": str(question.uuid), "languages": question.languages})
        tasks.claimant_news(case)
    return question


def claimant_sent(case, *, question=None, text="", evidence=()):
    """A reply (to ``question``) or evidence with a note, from the claimant. ``evidence`` are the
    Evidence rows already written in this transaction. Needs information -> Information received."""
    current = _locked(case)
    reply = ClaimantReply(case=case, question=question)
    reply.seal_text(text)
    reply.evidence_count = len(evidence)
    reply.evidence_bytes = sum(item.size for item in evidence)
    reply.save()
    for item in evidence:
        item.reply = reply
        item.save(update_fields=["reply"])
    if evidence:
        Case.objects.filter(pk=case.pk).update(evidence_count=current.evidence_count + len(evidence))
        case.evidence_count = current.evidence_count + len(evidence)
    kind = CaseEventKind.REPLY if question else CaseEventKind.EVIDENCE_ADDED
    data = {"reply": str(reply.uuid), "files": len(evidence)}
    if question:
        data["question"] = str(question.uuid)
    fields = {}
    if current.status == CaseStatus.NEEDS_INFORMATION:
        fields = {"from_status": current.status, "to_status": CaseStatus.INFORMATION_RECEIVED}
        Case.objects.filter(pk=case.pk).update(status=CaseStatus.INFORMATION_RECEIVED)
        case.status = CaseStatus.INFORMATION_RECEIVED
    record(case, kind, unread=True, data=data, **fields)
    log_action(case, REPLY if question else EVIDENCE_ADDED, None, data)
    tasks.staff_event(case, StaffEvent.REPLY if question else StaffEvent.EVIDENCE)
    return reply


def mark_read(case):
    """A reviewer opened the case: its claimant activity is no longer news."""
    if case.claimant_activity_unread:
        Case.objects.filter(pk=case.pk).update(claimant_activity_unread=False)
        case.claimant_activity_unread = False


# --- Consents and contact ------------------------------------------------------------------------
def consents_of(case):
    """{ConsentUse value: CaseConsent}; a use never recorded reads as refused."""
    found = {consent.use: consent for consent in case.consents.all()}
    for use in ConsentUse.values:
        found.setdefault(use, CaseConsent(case=case, use=use, granted=False, changed_at=case.submitted_at))
    return found


def set_consent(case, use, granted, on_revoke=None):
    """The claimant grants or revokes one use. ``on_revoke(case)`` runs in the transaction when a
    consent is revoked (e.g. deleting originals). Returns True if it changed."""
    with transaction.atomic():
        _locked(case)
        consent, _created = CaseConsent.objects.select_for_update().get_or_create(
            case=case, use=use, defaults={"granted": not granted, "changed_at": case.submitted_at}
        )
        if consent.granted == granted:
            return False
        consent.granted, consent.changed_at, consent.changed_by_claimant = granted, timezone.now(), True
        consent.save()
        if not granted and on_revoke is not None:
            on_revoke(case)
        data = {"use": use, "granted": granted}
        record(case, CaseEventKind.CONSENT, unread=True, data=data)
        log_action(case, CONSENT, None, data)
    return True


def contact_of(case):
    """The ClaimantContact of the case, or None (cases filed before "My case" existed)."""
    contact = ClaimantContact.objects.filter(case=case).first()
    if contact is not None:
        contact.case = case
    return contact


def set_contact(case, values):
    """The claimant's new contact preferences and details. The audit log records which parts
    changed, never the details themselves."""
    with transaction.atomic():
        _locked(case)
        contact = ClaimantContact.objects.select_for_update().filter(case=case).first()
        if contact is None:
            contact, before = ClaimantContact(case=case), dict(ClaimantContact.EMPTY)
        else:
            contact.case = case  # the case key is already unwrapped
            before = dict(contact.values)
        contact.set(values)
        changed = sorted(key for key in ClaimantContact.EMPTY if before.get(key) != contact.values.get(key))
        if not changed:
            return False
        contact.changed_at = timezone.now()
        contact.save()
        data = {"changed": changed}
        record(case, CaseEventKind.CONTACT, unread=True, data=data)
        log_action(case, CONTACT, None, data)
    return True


# --- Legal hold ----------------------------------------------------------------------------------
def place_hold(case, reason, user):
    with transaction.atomic():
        current = _locked(case)
        if current.legal_hold:
            return False
        now = timezone.now()
        sealed = case.seal("legal-hold", reason.strip().encode()) if reason.strip() else b""
        Case.objects.filter(pk=case.pk).update(
            legal_hold=True, legal_hold_reason=sealed, legal_hold_by=user, legal_hold_at=now
        )
        case.legal_hold, case.legal_hold_reason, case.legal_hold_by, case.legal_hold_at = True, sealed, user, now
        record(case, CaseEventKind.HOLD_PLACED, user=user, text=reason)
        log_action(case, HOLD_PLACED, user)
    return True


def lift_hold(case, reason, user):
    with transaction.atomic():
        current = _locked(case)
        if not current.legal_hold:
            return False
        Case.objects.filter(pk=case.pk).update(
            legal_hold=False, legal_hold_reason=b"", legal_hold_by=None, legal_hold_at=None
        )
        case.legal_hold, case.legal_hold_reason, case.legal_hold_by, case.legal_hold_at = False, b"", None, None
        record(case, CaseEventKind.HOLD_LIFTED, user=user, text=reason)
        log_action(case, HOLD_LIFTED, user)
    return True


def hold_reason(case):
    if not case.legal_hold_reason:
        return ""
    return case.open("legal-hold", bytes(case.legal_hold_reason)).decode()


def record_receipt_check(case, user, matched):
    """A staff member checked a code quoted by the claimant (the code itself is not kept)."""
    with transaction.atomic():
        data = {"matched": bool(matched)}
        record(case, CaseEventKind.RECEIPT_VERIFIED, user=user, data=data)
        log_action(case, RECEIPT_VERIFIED, user, data)
