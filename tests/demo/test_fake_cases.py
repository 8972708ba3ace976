"""make_fake_cases fills the queue with realistic, searchable cases of every kind."""

import pytest
from django.core.management import call_command

from forms_app.models import Case, CaseIdentifier, FormWording, IntakeFormPage
from tests.builders import all_intake_forms


@pytest.mark.django_db
def test_make_fake_cases_covers_languages_types_and_statuses():
    """300 fake cases span the three languages, four types and most statuses, with indexes."""
    all_intake_forms()
    call_command("make_fake_cases", 300, "--seed", "7", "--force", verbosity=0)
    assert Case.objects.count() == 300
    assert set(Case.objects.values_list("language", flat=True)) == {"en", "zh-hans", "zh-hant"}
    assert len(set(Case.objects.values_list("case_type", flat=True))) == 4
    assert len(set(Case.objects.values_list("status", flat=True))) >= 6
    assert not Case.objects.filter(search_buckets=[]).exists()
    # Wording stored once per form and language (the demo's forms may be in the database too).
    assert FormWording.objects.count() <= IntakeFormPage.objects.live().count() < 300
    assert CaseIdentifier.objects.exists()
    case = Case.objects.filter(language="zh-hans").first()
    assert isinstance(case.answers, dict) and case.questions_as_seen
