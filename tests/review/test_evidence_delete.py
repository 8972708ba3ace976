"""A case manager deletes a single evidence file: working copy, original and row, audited."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from forms_app.cases import activity
from forms_app.models import Case, CaseEvent, Evidence
from tests.builders import make_case_with_evidence
from tests.helpers import soup, visible_text

pytestmark = pytest.mark.django_db


def stored_files(folder):
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def delete_url(case, evidence):
    return reverse("forms_app_review:evidence_delete", args=[case.pk, evidence.pk])


def with_original(case):
    return next(item for item in case.evidence.order_by("pk") if item.original_file)


def test_a_case_manager_deletes_one_file_and_its_original(
    client, case_manager, evidence_dir, django_capture_on_commit_callbacks
):
    """The working copy and original leave storage, the row goes, the other files stay; the count
    drops; the timeline and Site history record it by number, without the file's name."""
    case = make_case_with_evidence("account_closure", "zh-hans")
    target = with_original(case)
    number = list(case.evidence.order_by("pk")).index(target) + 1
    others = {
        name
        for item in case.evidence.exclude(pk=target.pk)
        for name in (item.working_file, item.original_file)
        if name
    }
    client.force_login(case_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url(case, target))
    assert response.status_code == 302
    assert response["Location"] == reverse("forms_app_review:detail", args=[case.pk]) + "#evidence"
    assert not Evidence.objects.filter(pk=target.pk).exists()
    assert stored_files(evidence_dir) == others
    assert Case.objects.get(pk=case.pk).evidence_count == case.evidence_count - 1
    event = CaseEvent.objects.get(case=case, kind="evidence_deleted")
    assert event.actor == case_manager and event.data["number"] == number
    entry = ModelLogEntry.objects.get(object_id=str(case.pk), action="forms_app.case.evidence_delete")
    assert entry.user == case_manager and entry.data == {"evidence": target.pk, "number": number, "files": 2}
    page = visible_text(soup(client.get(reverse("forms_app_review:detail", args=[case.pk]))))
    assert f"Evidence file {number} deleted (working copy and original)" in page


def test_a_reviewer_gets_403_and_nothing_is_deleted(client, reviewer, evidence_dir):
    """Reviewers may download evidence but not delete it: 403, files and row untouched, no delete form."""
    case = make_case_with_evidence()
    target = case.evidence.first()
    before = stored_files(evidence_dir)
    client.force_login(reviewer)
    assert client.post(delete_url(case, target)).status_code == 403
    assert Evidence.objects.filter(pk=target.pk).exists() and stored_files(evidence_dir) == before
    page = soup(client.get(reverse("forms_app_review:detail", args=[case.pk])))
    assert not page.select(f'form[action="{delete_url(case, target)}"]')


def test_legal_hold_blocks_the_deletion(client, case_manager, evidence_dir):
    """Under legal hold the file stays, the manager is told why, and no delete form is offered."""
    case = make_case_with_evidence()
    target = case.evidence.first()
    activity.place_hold(case, "Court order", case_manager)
    before = stored_files(evidence_dir)
    client.force_login(case_manager)
    response = client.post(delete_url(case, target), follow=True)
    assert "under legal hold" in visible_text(soup(response))
    assert Evidence.objects.filter(pk=target.pk).exists() and stored_files(evidence_dir) == before
    assert not CaseEvent.objects.filter(case=case, kind="evidence_deleted").exists()
    assert not soup(response).select(f'form[action="{delete_url(case, target)}"]')


def test_the_case_page_offers_the_deletion_to_case_managers(client, case_manager):
    """Each evidence row has a POST form (with CSRF) that deletes that file."""
    case = make_case_with_evidence()
    client.force_login(case_manager)
    page = soup(client.get(reverse("forms_app_review:detail", args=[case.pk])))
    for evidence in case.evidence.all():
        form = page.select_one(f'form[action="{delete_url(case, evidence)}"]')
        assert form is not None and form["method"] == "post"
        assert form.select_one("input[name=csrfmiddlewaretoken]") is not None


def test_another_cases_file_or_a_get_is_refused(client, case_manager):
    """A file of another case is 404 under this case's URL; the action takes POST only."""
    case, other = make_case_with_evidence(), make_case_with_evidence()
    client.force_login(case_manager)
    assert client.post(delete_url(case, other.evidence.first())).status_code == 404
    assert client.get(delete_url(case, case.evidence.first())).status_code == 405
    assert Evidence.objects.filter(case=other).count() == other.evidence_count
