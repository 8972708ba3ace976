"""The only writes the review queue makes to a case. Each one, in one transaction: the change,
a CaseEvent for the timeline, an audit log entry, and the case's last activity time.

Views and bulk actions check permissions; these functions check the workflow.
"""

import re

from django.db import transaction

from ..cases import evidence_store, tasks
from ..cases.erasure import LegalHoldActive
from ..cases.models import Case, CaseAssessment, CaseEvent, CaseEventKind, CaseTag
from . import audit
from .workflow import TransitionRefused, is_allowed

MAX_TAG_LENGTH = 64


def _touch(case, when):
    Case.objects.filter(pk=case.pk).update(last_activity_at=when)
    case.last_activity_at = when


def _event(case, user, kind, text="", **fields):
    event = CaseEvent(case=case, actor=user if user and user.is_authenticated else None, kind=kind, **fields)
    event.seal_text(text.strip())
    event.save()
    _touch(case, event.created_at)
    return event


def change_status(case, to_status, user, reason="", expected_from=None):
    """Move ``case`` to ``to_status``; TransitionRefused if the workflow does not allow it, or if
    the case is no longer in ``expected_from`` (someone else changed it meanwhile)."""
    with transaction.atomic():
        current = Case.objects.select_for_update().values_list("status", flat=True).get(pk=case.pk)
        if expected_from is not None and current != expected_from:
            raise TransitionRefused(current)
        if not is_allowed(current, to_status):
            raise TransitionRefused(current)
        Case.objects.filter(pk=case.pk).update(status=to_status)
        case.status = to_status
        event = _event(case, user, CaseEventKind.STATUS, reason, from_status=current, to_status=to_status)
        audit.log_case_action(case, audit.STATUS, user, {"from": current, "to": to_status, "event": str(event.uuid)})
        tasks.status_changed(case, to_status)
    return event


def assign(case, assignee, user):
    """Give the case to ``assignee`` (None: unassign). Returns the event, or None if unchanged."""
    with transaction.atomic():
        previous = Case.objects.select_for_update().values_list("assigned_to", flat=True).get(pk=case.pk)
        new = assignee.pk if assignee else None
        if previous == new:
            return None
        Case.objects.filter(pk=case.pk).update(assigned_to=assignee)
        case.assigned_to = assignee
        event = _event(case, user, CaseEventKind.ASSIGN, assignee=assignee, data={"from": previous, "to": new})
        audit.log_case_action(case, audit.ASSIGN, user, {"from": previous, "to": new})
    return event


def add_note(case, text, user):
    """An internal note, sealed with the case key; the audit log records only that it was added."""
    text = text.strip()
    if not text:
        raise ValueError("A note needs text.")
    with transaction.atomic():
        event = _event(case, user, CaseEventKind.NOTE, text)
        audit.log_case_action(case, audit.NOTE, user, {"event": str(event.uuid)})
    return event


def clean_tag_names(text_or_names):
    """Tags from "strong, needs translator" or a list: trimmed, single-spaced, lower case, unique."""
    if isinstance(text_or_names, str):
        text_or_names = re.split(r"[,，、\n]", text_or_names)
    names = []
    for name in text_or_names:
        name = " ".join(str(name).split()).casefold()[:MAX_TAG_LENGTH]
        if name and name not in names:
            names.append(name)
    return names


def set_tags(case, names, user, add_only=False):
    """Make the case's tags exactly ``names`` (or add them, with ``add_only``). Event or None."""
    names = clean_tag_names(names)
    with transaction.atomic():
        current = set(case.tags.values_list("name", flat=True))
        wanted = current | set(names) if add_only else set(names)
        added, removed = sorted(wanted - current), sorted(current - wanted)
        if not added and not removed:
            return None
        for name in added:
            tag, _created = CaseTag.objects.get_or_create(name=name)
            tag.cases.add(case)
        if removed:
            case.tags.remove(*CaseTag.objects.filter(name__in=removed))
        data = {"added": added, "removed": removed}
        event = _event(case, user, CaseEventKind.TAGS, data=data)
        audit.log_case_action(case, audit.TAG, user, data)
    return event


def set_score(case, score, user):
    """Merit score 1-5, or None to clear it. Event or None if unchanged."""
    if score is not None and not 1 <= int(score) <= 5:
        raise ValueError("A merit score is from 1 to 5.")
    with transaction.atomic():
        assessment, _created = CaseAssessment.objects.select_for_update().get_or_create(case=case)
        previous = assessment.merit_score
        if previous == score:
            return None
        assessment.merit_score = score
        assessment.save(update_fields=["merit_score"])
        data = {"from": previous, "to": score}
        event = _event(case, user, CaseEventKind.SCORE, data=data)
        audit.log_case_action(case, audit.SCORE, user, data)
    return event


def record_evidence_download(case, evidence, number, copy, user):
    """A download is chain-of-custody information: on the timeline and in the audit log."""
    data = {"evidence": evidence.pk, "number": number, "copy": copy}
    with transaction.atomic():
        _event(case, user, CaseEventKind.EVIDENCE_DOWNLOAD, data=data)
        audit.log_case_action(case, audit.EVIDENCE_DOWNLOAD, user, data)


def delete_case(case, user):
    """Delete the case, its wrapped key (so anything sealed with it is gone) and its files.
    Raises LegalHoldActive, deleting nothing, while the case is under legal hold."""
    files = []
    for evidence in case.evidence.all():
        files.append(evidence.working_file)
        if evidence.original_file:
            files.append(evidence.original_file)
    with transaction.atomic():
        if Case.objects.select_for_update().filter(pk=case.pk, legal_hold=True).exists():
            raise LegalHoldActive(case.reference)
        audit.log_case_action(
            case,
            audit.DELETE,
            user,
            {"case_type": case.case_type, "status": case.status, "evidence_files": len(files)},
        )
        case.delete()
        transaction.on_commit(lambda: evidence_store.delete_files(files))


def delete_evidence(case, evidence, number, user):
    """Delete one evidence file: its working copy and original (files after commit) and its row;
    the case's other files, answers and key stay. Raises LegalHoldActive while the case is held."""
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if current.legal_hold:
            raise LegalHoldActive(case.reference)
        files = [name for name in (evidence.working_file, evidence.original_file) if name]
        deleted, _rows = type(evidence).objects.filter(pk=evidence.pk, case=case).delete()
        if not deleted:
            return None
        Case.objects.filter(pk=case.pk).update(evidence_count=max(current.evidence_count - 1, 0))
        case.evidence_count = max(current.evidence_count - 1, 0)
        data = {"evidence": evidence.pk, "number": number, "files": len(files)}
        event = _event(case, user, CaseEventKind.EVIDENCE_DELETED, data=data)
        audit.log_case_action(case, audit.EVIDENCE_DELETE, user, data)
        transaction.on_commit(lambda: evidence_store.delete_files(files))
    return event
