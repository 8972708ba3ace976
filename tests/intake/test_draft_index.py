"""A draft is never searchable: it has no blind index of its own, and the words typed into it reach
the search index only when the case is filed (then in either script)."""

import pytest
from django.test import Client
from django.urls import reverse

from forms_app.cases.models import Draft
from forms_app.models import Case, CaseIdentifier, IntakeFormPage
from tests.helpers import soup
from tests.intake.builders import complete_answers
from tests.intake.stepper import send, walk_to_review

pytestmark = pytest.mark.usefixtures("demo_site")

MARKER = "Draftmarker 被約談到派出所"


def found(staff, query):
    response = staff.get(reverse("forms_app_review:index"), {"q": query})
    assert response.status_code == 200
    return [cell.get_text(strip=True) for cell in soup(response).select("table.listing td.title")]


def test_a_draft_gets_no_search_index_until_it_is_filed(login, case_manager):
    index_columns = {"search_buckets", "sealed_index"}
    assert not index_columns & {field.name for field in Draft._meta.get_fields()}
    page = IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code="zh-hant")
    answers = complete_answers(page)
    answers["what_happened"] = MARKER
    claimant = Client()
    review = walk_to_review(claimant, page, answers)
    assert Draft.objects.count() == 1
    # Nothing of the draft is in any index: no case row (the only table with buckets), no identifier hash.
    assert not Case.objects.exists() and not CaseIdentifier.objects.exists()
    staff = login(case_manager)
    assert found(staff, "Draftmarker") == []

    assert send(claimant, page, review).status_code == 302
    case = Case.objects.get()
    assert Draft.objects.count() == 0 and case.search_buckets
    assert len(found(staff, "Draftmarker")) == 1
    assert len(found(staff, "被约谈")) == 1  # Simplified finds the Traditional text
