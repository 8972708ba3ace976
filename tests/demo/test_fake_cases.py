"""make_fake_cases fills the queue with realistic, searchable cases of every kind."""

import pytest
from django.core.management import call_command

from forms_app.models import Case, CaseIdentifier, FormWording, IntakeFormPage, LimitationRule, TradePosition
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


@pytest.mark.django_db
def test_fake_cases_get_limitation_dates_and_trade_positions():
    """Fake cases are dated by the limitation rules, and investors' schedules leave FIFO positions."""
    all_intake_forms()
    LimitationRule.objects.create(case_type="persecution", years=3, counted_from="start")
    call_command("make_fake_cases", 80, "--seed", "3", "--force", verbosity=0)
    assert Case.objects.filter(case_type="persecution", limitation_date__isnull=False).exists()
    assert not Case.objects.filter(case_type="investor", limitation_date__isnull=False).exists()
    assert TradePosition.objects.filter(case__case_type="investor").exists()


@pytest.mark.django_db
def test_make_fake_cases_with_processes_makes_every_case_once():
    """--processes splits the count between forked makers on PostgreSQL only; here (the test's own
    transaction, which forked makers could not see) it must make every case in this process. The
    forked path runs in every `make bench` (which fails if a maker fails): a test of it would need
    a committed database, and flushing that would empty the demo site for later runs."""
    from django.db import connection

    all_intake_forms()
    if connection.vendor == "postgresql":
        pytest.skip("forked makers need committed data; `make bench` runs them")
    call_command("make_fake_cases", 301, "--batch-size", "50", "--processes", "2", "--force", verbosity=0)
    assert Case.objects.count() == 301
    assert Case.objects.values("reference").distinct().count() == 301
