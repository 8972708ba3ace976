"""Status changes, assignment, notes, tags and scores: the workflow, the timeline and the audit log."""

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.models import ModelLogEntry

from forms_app.models import Case, CaseEvent
from forms_app.review import operations
from forms_app.review.workflow import TRANSITIONS, TransitionRefused, is_allowed
from tests.builders import make_case, make_case_with_evidence
from tests.helpers import soup, visible_text


def log_actions(case):
    return list(ModelLogEntry.objects.filter(object_id=str(case.pk)).order_by("timestamp", "pk"))


def post_status(client, case, status, reason="", current=None):
    data = {"status-status": status, "status-reason": reason}
    if current:
        data["status-current"] = current
    return client.post(reverse("forms_app_review:status", args=[case.pk]), data, follow=True)


@pytest.mark.django_db
def test_the_documented_path_is_allowed_step_by_step():
    """New -> In review -> Needs information -> Merit -> Contacted -> Plaintiff -> Closed is allowed."""
    path = ["new", "in_review", "needs_information", "merit", "contacted", "plaintiff", "closed"]
    for old, new in zip(path, path[1:], strict=False):
        assert is_allowed(old, new), (old, new)
    assert is_allowed("needs_information", "no_merit") and is_allowed("no_merit", "closed")
    assert all(status in TRANSITIONS for status in path + ["no_merit"])


@pytest.mark.django_db
def test_an_allowed_change_is_recorded_with_who_when_and_reason(client, reviewer):
    """A status change updates the case, its last activity, the timeline (with the reason, sealed)
    and Wagtail's audit log (without the reason)."""
    case = make_case("persecution", "en")
    before = case.last_activity_at
    client.force_login(reviewer)
    response = post_status(client, case, "in_review", reason="Claimant 张三 seems credible", current="new")
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.status == "in_review"
    assert case.last_activity_at > before
    event = CaseEvent.objects.get(case=case, kind="status")
    assert (event.actor, event.from_status, event.to_status) == (reviewer, "new", "in_review")
    assert event.text == "Claimant 张三 seems credible"
    entry = ModelLogEntry.objects.get(object_id=str(case.pk), action="forms_app.case.status")
    assert entry.user == reviewer
    assert entry.data["from"] == "new" and entry.data["to"] == "in_review"
    assert "张三" not in repr(entry.data) and "credible" not in repr(entry.data)
    page = visible_text(soup(response))
    assert "Status changed to In review" in page
    assert "Claimant 张三 seems credible" in page  # the timeline shows the reason to case staff


@pytest.mark.django_db
def test_a_refused_change_changes_nothing_and_logs_nothing(client, reviewer):
    """New cannot jump to Plaintiff: the case stays New, no event and no log entry are written."""
    case = make_case("persecution", "en")
    client.force_login(reviewer)
    response = post_status(client, case, "plaintiff")
    case.refresh_from_db()
    assert case.status == "new"
    assert not CaseEvent.objects.filter(case=case).exists()
    assert not ModelLogEntry.objects.filter(object_id=str(case.pk), action="forms_app.case.status").exists()
    assert "not changed" in visible_text(soup(response))


@pytest.mark.django_db
def test_a_change_based_on_a_stale_page_is_refused(client, reviewer, case_manager):
    """Two reviewers on one case: the second change, made from an outdated page, is refused."""
    case = make_case("investor", "zh-hans")
    operations.change_status(case, "in_review", case_manager)
    client.force_login(reviewer)
    post_status(client, case, "in_review", current="new")  # the page still said New
    assert CaseEvent.objects.filter(case=case, kind="status").count() == 1
    with pytest.raises(TransitionRefused):
        operations.change_status(case, "merit", reviewer, expected_from="new")


@pytest.mark.django_db
def test_notes_are_sealed_and_shown_on_the_timeline(client, reviewer):
    """A note is stored encrypted with the case key, shown to case staff, and only its existence logged."""
    case = make_case("account_closure", "zh-hant")
    client.force_login(reviewer)
    response = client.post(
        reverse("forms_app_review:note", args=[case.pk]),
        {"note-text": "She fears for her brother in Urumqi"},
        follow=True,
    )
    assert "She fears for her brother in Urumqi" in visible_text(soup(response))
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM forms_app_caseevent")
        assert "Urumqi" not in repr(cursor.fetchall())
    entry = ModelLogEntry.objects.get(object_id=str(case.pk), action="forms_app.case.note")
    assert "Urumqi" not in repr(entry.data)


@pytest.mark.django_db
def test_assign_tag_and_score_each_leave_an_event_and_a_log_entry(client, case_manager, reviewer):
    """Assignment, tags and the merit score are recorded on the timeline and in the audit log."""
    case = make_case("privacy_censorship", "en")
    client.force_login(case_manager)
    client.post(reverse("forms_app_review:assign", args=[case.pk]), {"assign-assignee": reviewer.pk})
    client.post(reverse("forms_app_review:tags", args=[case.pk]), {"tags-tags": "Strong,  needs translator"})
    client.post(reverse("forms_app_review:score", args=[case.pk]), {"score-score": "5"})
    case.refresh_from_db()
    assert case.assigned_to == reviewer
    assert sorted(case.tags.values_list("name", flat=True)) == ["needs translator", "strong"]
    assert case.assessment.merit_score == 5
    assert [event.kind for event in CaseEvent.objects.filter(case=case).order_by("pk")] == ["assign", "tags", "score"]
    actions = [entry.action for entry in log_actions(case)]
    assert actions == ["forms_app.case.assign", "forms_app.case.tag", "forms_app.case.score"]
    client.post(reverse("forms_app_review:score", args=[case.pk]), {"score-score": "9"})
    case.assessment.refresh_from_db()
    assert case.assessment.merit_score == 5  # out of range: refused


@pytest.mark.django_db
def test_viewing_a_case_is_logged_and_appears_in_site_history(client, case_manager, superuser):
    """Each view of a case page is in the audit log, and case actions show in Reports > Site history."""
    case = make_case("persecution", "en")
    client.force_login(case_manager)
    client.get(reverse("forms_app_review:detail", args=[case.pk]))
    operations.change_status(case, "in_review", case_manager)
    assert [entry.action for entry in log_actions(case)] == ["forms_app.case.view", "forms_app.case.status"]
    for user in (case_manager, superuser):
        client.force_login(user)
        history = visible_text(soup(client.get(reverse("wagtailadmin_reports:site_history"))))
        assert case.reference in history
        assert "Status changed from New to In review" in history
        assert "Case viewed" in history


@pytest.mark.django_db
def test_deleting_a_case_removes_it_and_its_files_and_keeps_an_audit_entry(client, case_manager, evidence_dir):
    """Deletion removes the case, its evidence files and key; the log keeps only the reference."""
    case = make_case_with_evidence("persecution", "en")
    assert any(path.is_file() for path in evidence_dir.rglob("*"))
    client.force_login(case_manager)
    response = client.post(reverse("forms_app_review:delete", args=[case.pk]))
    assert response.status_code == 302
    assert not Case.objects.filter(pk=case.pk).exists()
    entry = ModelLogEntry.objects.get(object_id=str(case.pk), action="forms_app.case.delete")
    assert entry.label == case.reference and entry.user == case_manager


@pytest.mark.django_db
def test_evidence_files_are_deleted_after_the_case_is(
    client, case_manager, evidence_dir, django_capture_on_commit_callbacks
):
    """Once the deletion is committed, no sealed evidence file of the case is left in storage."""
    case = make_case_with_evidence("persecution", "en")
    client.force_login(case_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forms_app_review:delete", args=[case.pk]))
    assert not any(path.is_file() for path in evidence_dir.rglob("*"))


@pytest.mark.django_db
def test_a_status_post_without_the_status_it_was_made_from_is_refused(client, reviewer, case_manager):
    """A case-page status form always carries the status it was shown with: without it nothing changes,
    so an old page or a hand-made post cannot overwrite another reviewer's change."""
    case = make_case("investor", "en")
    operations.change_status(case, "in_review", case_manager)
    client.force_login(reviewer)
    response = post_status(client, case, "needs_information")  # no status-current
    case.refresh_from_db()
    assert case.status == "in_review"
    assert CaseEvent.objects.filter(case=case, kind="status").count() == 1
    assert "reload the case page" in visible_text(soup(response))


@pytest.mark.django_db
def test_two_reviewers_cannot_silently_overwrite_each_other(client, reviewer, case_manager):
    """Both open a New case; the first moves it to In review, the second (stale) to No merit: refused,
    and the second is told who won and what the status is now."""
    case = make_case("investor", "en")
    client.force_login(case_manager)
    post_status(client, case, "in_review", current="new")
    client.force_login(reviewer)
    response = post_status(client, case, "no_merit", current="new")
    case.refresh_from_db()
    assert case.status == "in_review"
    assert "someone else changed it to In review" in visible_text(soup(response))
