"""Retention: cases in a final status are erased down to their tombstone when their period ends.

The periods come from ``settings.RETENTION_DAYS`` ({rule: days}, from the environment), not from a
model that staff edit: they are a legal decision that the privacy notice states, and a setting
changed with a deployment cannot be shortened by a stolen staff account to wipe cases at once.

Rules:
- a status (``no_merit``, ``closed``): the case has been in it for at least that many days,
  counted from its **last status change** (the submission if it never changed). Not from its last
  activity: every view, download or note touches that, so staff reading a case would keep
  postponing its erasure, and the privacy notice speaks of decisions, not of clicks.
- ``withdrawn``: the claimant asked to withdraw while the case was under legal hold; once the hold
  is lifted, the case is erased that many days after the request, as a withdrawal.

Only RETAINABLE statuses may be configured (forms_app.cases.checks refuses others): New and every
active status are never erased. A case under legal hold is never erased; it is reported as skipped.
Each erasure is audited (activity.RETENTION_ERASED, no user, the rule and its days).
"""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import DateTimeField, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.log_actions import log as wagtail_log

from . import activity
from .erasure import RETENTION_ENDED, WITHDRAWN_BY_CLAIMANT, LegalHoldActive, erase_case, evidence_files
from .models import Case, CaseEvent, CaseStatus

WITHDRAWAL_RULE = "withdrawn"
# The statuses a retention period may be set for, and the pending withdrawal.
RETAINABLE = (CaseStatus.NO_MERIT.value, CaseStatus.CLOSED.value, WITHDRAWAL_RULE)


def configured_days():
    """{rule: days} from the setting, in RETAINABLE order (unknown rules are left to the check)."""
    days = getattr(settings, "RETENTION_DAYS", {}) or {}
    return {rule: int(days[rule]) for rule in RETAINABLE if rule in days}


def with_status_since(queryset):
    """Annotate ``status_since``: when the case entered its current status."""
    last_change = (
        CaseEvent.objects.filter(case=OuterRef("pk"))
        .exclude(to_status="")
        .order_by("-created_at", "-pk")
        .values("created_at")[:1]
    )
    return queryset.annotate(
        status_since=Coalesce(Subquery(last_change, output_field=DateTimeField()), F("submitted_at"))
    )


@dataclass
class Due:
    case: Case
    rule: str
    days: int
    since: object  # datetime the period is counted from

    def __post_init__(self):
        self.status = self.case.status  # as found (the erasure changes the case's)

    @property
    def held(self):
        return self.case.legal_hold


def due_cases(now=None):
    """Every case whose period has ended, held ones included (they are skipped, not erased)."""
    now = now or timezone.now()
    rules = configured_days()
    found = {}
    live = with_status_since(Case.objects.filter(withdrawn_at__isnull=True))
    if WITHDRAWAL_RULE in rules:
        cutoff = now - timedelta(days=rules[WITHDRAWAL_RULE])
        for case in live.filter(withdrawal_requested_at__isnull=False, withdrawal_requested_at__lte=cutoff):
            found[case.pk] = Due(case, WITHDRAWAL_RULE, rules[WITHDRAWAL_RULE], case.withdrawal_requested_at)
    statuses = Q()
    for rule, days in rules.items():
        if rule != WITHDRAWAL_RULE:
            statuses |= Q(status=rule, status_since__lte=now - timedelta(days=days))
    if statuses:
        for case in live.filter(statuses):
            found.setdefault(case.pk, Due(case, case.status, rules[case.status], case.status_since))
    return sorted(found.values(), key=lambda item: (item.since, item.case.pk))


def _still_due(item, now):
    """Re-read under lock: the status, hold or request may have changed since the listing."""
    current = with_status_since(Case.objects.filter(pk=item.case.pk)).first()
    if current is None or current.is_erased or current.legal_hold:
        return False
    cutoff = now - timedelta(days=item.days)
    if item.rule == WITHDRAWAL_RULE:
        return current.withdrawal_requested_at is not None and current.withdrawal_requested_at <= cutoff
    return current.status == item.rule and current.status_since <= cutoff


@dataclass
class Outcome:
    erased: list
    skipped: list  # under legal hold
    changed: list  # no longer due when locked (status changed, hold placed meanwhile)


def apply_retention(now=None, dry_run=False):
    """Erase every due case that is not held. ``dry_run`` changes nothing and reports the same."""
    now = now or timezone.now()
    due = due_cases(now)
    outcome = Outcome(erased=[], skipped=[item for item in due if item.held], changed=[])
    for item in due:
        if item.held:
            continue
        if dry_run:
            outcome.erased.append(item)
            continue
        try:
            with transaction.atomic():
                Case.objects.select_for_update().filter(pk=item.case.pk).first()
                if not _still_due(item, now):
                    outcome.changed.append(item)
                    continue
                erase(item)
        except LegalHoldActive:
            outcome.skipped.append(item)
            continue
        outcome.erased.append(item)
    return outcome


def erase(item):
    """One case: the audit entry (it has no content to lose), then the erasure."""
    case = item.case
    data = {"rule": item.rule, "days": item.days, "status": item.status}
    wagtail_log(
        instance=case,
        action=activity.RETENTION_ERASED,
        user=None,
        data={"by": "retention", **data, "evidence_files": len(evidence_files(case.pk))},
    )
    reason = WITHDRAWN_BY_CLAIMANT if item.rule == WITHDRAWAL_RULE else RETENTION_ENDED
    erase_case(case, reason=reason, data=data)


# --- The privacy notice states the periods -------------------------------------------------------
PRIVACY_NOTICE_SLUG = "privacy"


def _page_text(page):
    """The searchable text of every StreamField and text field of a page."""
    specific = page.specific
    parts = [specific.title]
    for field in specific._meta.get_fields():
        if getattr(field, "concrete", False) and hasattr(field, "get_searchable_content"):
            value = getattr(specific, field.attname, None)
            if value:
                parts.extend(str(part) for part in field.get_searchable_content(value))
    return " ".join(parts)


def privacy_notice_gaps():
    """[(language code, [missing day counts])] for each live privacy notice (the page with the slug
    ``privacy`` and its translations) that does not state, in digits, every configured period
    longer than zero days. Editors own the wording; only the numbers are checked."""
    from wagtail.models import Page

    wanted = sorted({days for days in configured_days().values() if days > 0})
    if not wanted:
        return []
    keys = Page.objects.filter(slug=PRIVACY_NOTICE_SLUG).values("translation_key")
    gaps = []
    for page in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
        numbers = {int(found) for found in re.findall(r"(?<![\d.,])\d+(?![\d.,]\d)", _page_text(page))}
        missing = [days for days in wanted if days not in numbers]
        if missing:
            gaps.append((page.locale.language_code, missing))
    return gaps
