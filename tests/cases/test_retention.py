"""Retention: cases in a final status are erased down to their tombstone when their period ends."""

import io
from datetime import timedelta

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from forms_app.cases import activity, erasure, retention
from forms_app.models import (
    Case,
    CaseConsent,
    CaseEvent,
    CaseIdentifier,
    CaseStatus,
    ClaimantContact,
    Evidence,
    ReportedLoss,
)
from forms_app.review import audit, operations
from tests.builders import make_case, make_case_with_evidence
from tests.helpers import soup, visible_text

pytestmark = pytest.mark.django_db

RULES = {"no_merit": 365, "closed": 180, "withdrawn": 0}


@pytest.fixture(autouse=True)
def rules(settings):
    settings.RETENTION_DAYS = dict(RULES)


def stored_files(folder):
    return sorted(path for path in folder.rglob("*") if path.is_file())


def decided(case, user, *statuses, days_ago):
    """Walk ``case`` through ``statuses`` and date every status change ``days_ago`` days back."""
    for status in statuses:
        operations.change_status(case, status, user)
    when = timezone.now() - timedelta(days=days_ago)
    Case.objects.filter(pk=case.pk).update(submitted_at=when - timedelta(days=1))
    CaseEvent.objects.filter(case=case).update(created_at=when)
    case.refresh_from_db()
    return case


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("apply_retention", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def cases_of_every_kind(manager):
    """Expired and recent cases in final and active statuses, one held."""
    return {
        "no_merit_expired": decided(make_case_with_evidence(), manager, "in_review", "no_merit", days_ago=366),
        "no_merit_recent": decided(make_case(), manager, "in_review", "no_merit", days_ago=300),
        "closed_expired": decided(make_case("account_closure", "zh-hans"), manager, "closed", days_ago=181),
        "closed_held": decided(make_case_with_evidence(), manager, "closed", days_ago=900),
        "in_review_old": decided(make_case(), manager, "in_review", days_ago=2000),
        "merit_old": decided(make_case(), manager, "in_review", "merit", days_ago=2000),
        "new_old": decided(make_case(), manager, days_ago=2000),
    }


def test_only_expired_cases_of_the_configured_statuses_are_erased(case_manager, django_capture_on_commit_callbacks):
    """No merit after 365 days and Closed after 180 go; recent ones, New and active statuses stay."""
    cases = cases_of_every_kind(case_manager)
    activity.place_hold(cases["closed_held"], "Court order", case_manager)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = retention.apply_retention()
    assert sorted(item.case.reference for item in outcome.erased) == sorted(
        [cases["no_merit_expired"].reference, cases["closed_expired"].reference]
    )
    statuses = {name: Case.objects.get(pk=case.pk).status for name, case in cases.items()}
    assert statuses == {
        "no_merit_expired": CaseStatus.ERASED,
        "no_merit_recent": CaseStatus.NO_MERIT,
        "closed_expired": CaseStatus.ERASED,
        "closed_held": CaseStatus.CLOSED,
        "in_review_old": CaseStatus.IN_REVIEW,
        "merit_old": CaseStatus.MERIT,
        "new_old": CaseStatus.NEW,
    }


def test_an_erased_case_leaves_a_tombstone_and_no_files(
    case_manager, evidence_dir, django_capture_on_commit_callbacks
):
    """Answers, evidence rows and files, contact, consents, identifiers, search tokens, losses and the
    key go; reference, type, language and dates stay, with status Erased and its timeline entry."""
    case = decided(
        make_case_with_evidence("account_closure", "zh-hant"), case_manager, "in_review", "no_merit", days_ago=400
    )
    kept = make_case_with_evidence()
    assert Evidence.objects.filter(case=case).exists() and ReportedLoss.objects.filter(case=case).exists()
    own_files = {case.evidence.first().working_file}
    with django_capture_on_commit_callbacks(execute=True):
        retention.apply_retention()
    tomb = Case.objects.get(pk=case.pk)
    assert tomb.status == CaseStatus.ERASED and tomb.is_erased
    assert (tomb.reference, tomb.case_type, tomb.language, tomb.submitted_at) == (
        case.reference,
        "account_closure",
        "zh-hant",
        case.submitted_at,
    )
    assert bytes(tomb.wrapped_key) == b"" and bytes(tomb.sealed_answers) == b"" and tomb.key_id == ""
    for model in (Evidence, ClaimantContact, CaseConsent, CaseIdentifier, ReportedLoss):
        assert not model.objects.filter(case=case).exists(), model.__name__
    # The blind index goes too: no buckets, no sealed confirmation index, no link to the wording.
    assert tomb.search_buckets == [] and bytes(tomb.sealed_index) == b"" and tomb.wording_id is None
    names = {path.relative_to(evidence_dir).as_posix() for path in stored_files(evidence_dir)}
    assert not names & own_files
    assert names == {
        name for pair in kept.evidence.values_list("working_file", "original_file") for name in pair if name
    }
    event = CaseEvent.objects.get(case=case)
    assert (event.kind, event.from_status, event.to_status, event.by_claimant) == (
        "retention_erased",
        "no_merit",
        "erased",
        False,
    )


def test_a_case_under_legal_hold_is_skipped_and_listed(case_manager, evidence_dir):
    """A held case past its period keeps everything; the job names it as skipped."""
    case = decided(make_case_with_evidence(), case_manager, "closed", days_ago=1000)
    activity.place_hold(case, "Litigation hold", case_manager)
    before = stored_files(evidence_dir)
    out, _err = run()
    assert f"Skipped {case.reference} (closed): under legal hold" in out
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and not case.is_erased
    assert Evidence.objects.filter(case=case).exists() and stored_files(evidence_dir) == before
    assert not ModelLogEntry.objects.filter(object_id=str(case.pk), action=activity.RETENTION_ERASED).exists()


def test_each_erasure_is_audited_without_a_user(case_manager):
    """Site history records the erasure, its rule and days, as the retention job's (no user)."""
    case = decided(make_case_with_evidence(), case_manager, "closed", days_ago=200)
    files = len(erasure.evidence_files(case.pk))
    run()
    entry = ModelLogEntry.objects.get(object_id=str(case.pk), action=activity.RETENTION_ERASED)
    assert entry.user is None
    assert entry.data == {
        "by": "retention",
        "rule": "closed",
        "days": 180,
        "status": "closed",
        "evidence_files": files,
    }
    with translation.override("en"):
        assert log_registry.get_formatter(entry).format_message(entry) == (
            "Erased by the retention job: Closed for more than 180 days"
        )
    event = CaseEvent.objects.get(case=case)
    for language in ("en", "zh-hans", "zh-hant"):
        with translation.override(language):
            assert audit.event_message(event) == log_registry.get_formatter(entry).format_message(entry)
    with translation.override("zh-hans"):
        assert "180" in audit.event_message(event) and "Erased" not in audit.event_message(event)


def test_dry_run_lists_references_and_statuses_and_changes_nothing(case_manager, evidence_dir):
    """--dry-run names what would go (reference and status only) and what is held; nothing changes."""
    due = decided(
        make_case_with_evidence(what_happened="They took my passport."), case_manager, "closed", days_ago=200
    )
    held = decided(make_case(), case_manager, "in_review", "no_merit", days_ago=500)
    activity.place_hold(held, "Court order", case_manager)
    files, logs, rows = stored_files(evidence_dir), ModelLogEntry.objects.count(), Evidence.objects.count()
    out, _err = run("--dry-run")
    assert f"Would erase {due.reference} (closed, rule closed: 180 days)" in out
    assert f"Skipped {held.reference} (no_merit): under legal hold" in out
    assert "passport" not in out
    assert Case.objects.get(pk=due.pk).status == CaseStatus.CLOSED
    assert Evidence.objects.count() == rows and stored_files(evidence_dir) == files
    assert ModelLogEntry.objects.count() == logs


def test_the_age_counts_from_the_last_status_change_not_the_last_activity(case_manager):
    """A note or a view today does not postpone an expired case; reopening it stops the clock."""
    noted = decided(make_case(), case_manager, "closed", days_ago=200)
    operations.add_note(noted, "Looked at it again.", case_manager)
    reopened = decided(make_case(), case_manager, "closed", days_ago=200)
    operations.change_status(reopened, "in_review", case_manager)
    operations.change_status(reopened, "closed", case_manager)
    erased = {item.case.pk for item in retention.apply_retention().erased}
    assert erased == {noted.pk}


def test_a_withdrawal_asked_for_under_hold_is_carried_out_once_the_hold_is_lifted(case_manager):
    """The claimant withdrew while the case was held: after the hold is lifted, the job erases it as
    a withdrawal (status Withdrawn), not before."""
    case = decided(make_case(), case_manager, "in_review", days_ago=10)
    activity.place_hold(case, "Court order", case_manager)
    assert erasure.withdraw(case) == erasure.WITHDRAWAL_RECORDED
    assert retention.apply_retention().erased == []
    activity.lift_hold(case, "Lifted", case_manager)
    assert [item.case.pk for item in retention.apply_retention().erased] == [case.pk]
    case.refresh_from_db()
    assert case.status == CaseStatus.WITHDRAWN and case.is_erased
    entry = ModelLogEntry.objects.get(object_id=str(case.pk), action=activity.RETENTION_ERASED)
    assert entry.data["rule"] == "withdrawn"


def test_an_empty_setting_erases_nothing(case_manager, settings):
    """RETENTION_DAYS empty: no rule, the job says so and erases nothing."""
    settings.RETENTION_DAYS = {}
    case = decided(make_case(), case_manager, "closed", days_ago=5000)
    out, _err = run()
    assert "no case is ever erased" in out
    assert Case.objects.get(pk=case.pk).status == CaseStatus.CLOSED


def test_the_case_page_of_an_erased_case_says_why(client, case_manager):
    """The tombstone's page says the retention period ended, not that the claimant withdrew."""
    case = decided(make_case(), case_manager, "closed", days_ago=200)
    retention.apply_retention()
    client.force_login(case_manager)
    text = visible_text(soup(client.get(reverse("forms_app_review:detail", args=[case.pk]))))
    assert "Erased by the retention job on" in text
    assert "Withdrawn by the claimant" not in text


@pytest.mark.parametrize("rule", ["new", "in_review", "merit", "plaintiff", "erased"])
def test_active_statuses_cannot_be_given_a_retention_period(settings, rule):
    """RETENTION_DAYS naming New or an active status stops the site (forms_app.E004)."""
    settings.RETENTION_DAYS = {rule: 30}
    assert "forms_app.E004" in {message.id for message in run_checks()}
    assert retention.configured_days() == {}


@pytest.mark.usefixtures("demo_site")
def test_the_demo_privacy_notice_states_the_default_periods(settings):
    """The seeded notice, in all three languages, states the default periods; a different setting
    makes the check warn for each language (forms_app.W001)."""
    from cms.settings import base

    settings.RETENTION_DAYS = base.RETENTION_DAYS  # the default: the variable is not set in tests
    assert retention.privacy_notice_gaps() == []
    settings.RETENTION_DAYS = {"no_merit": 90, "closed": 180}
    assert sorted(retention.privacy_notice_gaps()) == [("en", [90]), ("zh-hans", [90]), ("zh-hant", [90])]
    warnings = run_checks(databases=["default"])
    assert [message.id for message in warnings if message.id == "forms_app.W001"] == ["forms_app.W001"] * 3
