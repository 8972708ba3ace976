"""IDOR and CSRF: guessed ids reach nothing a user may not see; every state-changing view needs CSRF.

Role-by-role access to every case URL is the matrix in tests/review/test_permissions.py; login and
second-factor brute force are throttled by tests/staff_auth/test_login_lockout.py and
test_two_factor.py. (Receipt codes open nothing yet: "My case" is not built on this branch.)"""

import pytest
from django.test import Client
from django.urls import reverse

from forms_app.models import IntakeFormPage
from tests.builders import make_case_with_evidence
from tests.intake.builders import complete_answers
from tests.review.test_permissions import case_urls


@pytest.mark.django_db
def test_evidence_of_another_case_is_not_reached_through_a_case_one_may_see(client_for, case_manager):
    """Case A's URL with case B's evidence id is a 404, for preview and download alike."""
    first, second = make_case_with_evidence(), make_case_with_evidence()
    other = second.evidence.first()
    client = client_for(case_manager)
    for name, extra in (("evidence_preview", []), ("evidence_download", ["working"])):
        url = reverse(f"forms_app_review:{name}", args=[first.pk, other.pk, *extra])
        assert client.get(url).status_code == 404
        good = reverse(f"forms_app_review:{name}", args=[second.pk, other.pk, *extra])
        assert client.get(good).status_code == 200


@pytest.mark.django_db
def test_guessed_ids_of_cases_that_do_not_exist_are_404(client_for, case_manager):
    """Counting up ids past the last case finds nothing (and no 500)."""
    case = make_case_with_evidence()
    client = client_for(case_manager)
    for pk in (case.pk + 1, case.pk + 1000, 0):
        assert client.get(reverse("forms_app_review:detail", args=[pk])).status_code == 404


@pytest.mark.django_db
def test_communications_and_anonymous_users_reach_no_case_data(client_for, communications):
    """Every case URL (case, evidence, exports, statistics) refuses Communications staff with 403 and
    sends anonymous visitors to the login page, and no response carries the case's reference."""
    case = make_case_with_evidence()
    staff = client_for(communications)
    anonymous = Client()
    for view, (method, url, data) in case_urls(case).items():
        answer = getattr(staff, method)(url, data)
        assert answer.status_code == 403, view
        assert case.reference.encode() not in answer.content
        refused = getattr(anonymous, method)(url, data)
        assert refused.status_code == 302 and "/admin/login/" in refused["Location"], view


@pytest.mark.django_db
def test_every_state_changing_case_view_requires_the_csrf_token(client_for, superuser):
    """Each POST view under /admin/cases/ refuses a post without the CSRF token (403)."""
    case = make_case_with_evidence()
    client = client_for(superuser, enforce_csrf_checks=True)
    posts = {view: (url, data) for view, (method, url, data) in case_urls(case).items() if method == "post"}
    assert {"status", "note", "tags", "score", "assign", "delete", "export_csv", "export_xlsx"} <= set(posts)
    for view, (url, data) in posts.items():
        assert client.post(url, data).status_code == 403, view
    case.refresh_from_db()
    assert case.status == "new"


@pytest.mark.django_db
def test_the_intake_form_and_the_staff_login_require_the_csrf_token():
    """A cross-site post to the intake form or the admin login is refused before anything happens."""
    client = Client(enforce_csrf_checks=True)
    page = IntakeFormPage.objects.live().get(case_type="investor", locale__language_code="en")
    assert client.post(page.url, complete_answers(page)).status_code == 403
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 403
