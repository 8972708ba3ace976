"""Intake performance targets (run with `make bench`; never part of `make test`)."""

import pytest
from django.test import Client

from benchmarks.timing import measure
from forms_app.models import IntakeFormPage
from tests.intake.builders import complete_answers

# Targets on this machine kind (2 cores): a claimant on a slow link should wait on the network,
# not on us.
FORM_PAGE_MEDIAN_MS = 120
SUBMISSION_MEDIAN_MS = 400


@pytest.mark.django_db
def test_bench_form_page_renders_quickly(settings):
    page = IntakeFormPage.objects.live().get(case_type="account_closure", locale__language_code="zh-hans")
    client = Client()
    median, _p95 = measure("GET intake form (zh-hans, 27 questions)", lambda: client.get(page.url))
    assert median < FORM_PAGE_MEDIAN_MS


@pytest.mark.django_db
def test_bench_submission_with_two_images(settings):
    settings.INTAKE_RATE_LIMIT = 10_000
    page = IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code="en")
    client = Client()

    def submit():
        assert client.post(page.url, complete_answers(page)).status_code == 302

    median, _p95 = measure("POST intake form with two images (encrypt + store)", submit, repeat=20)
    assert median < SUBMISSION_MEDIAN_MS
