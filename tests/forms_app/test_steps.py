"""A claimant fills an intake form one step at a time (no JavaScript needed): real database, real
templates, real multipart POSTs, real evidence processing."""

import pytest

from forms_app.cases.models import Draft
from forms_app.models import Case, IntakeFormPage
from tests.forms_app.stepper import progress, send, walk_to_review
from tests.helpers import soup


def form_page(case_type, language):
    return IntakeFormPage.objects.live().get(case_type=case_type, locale__language_code=language)


@pytest.mark.django_db
def test_a_claimant_files_a_case_step_by_step(client):
    """Step 1 of N, Next through every step, a review page, then exactly one case; the draft is erased."""
    page = form_page("persecution", "zh-hant")
    first = client.get(page.url)
    assert progress(first) == (1, 6)
    review = walk_to_review(client, page)
    assert Case.objects.count() == 0
    response = send(client, page, review)
    assert response.status_code == 302, soup(response).select(".form-error-summary")
    assert Case.objects.count() == 1
    assert Draft.objects.count() == 0
