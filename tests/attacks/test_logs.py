"""Logs written while filing (successfully or not) hold no answer, name, contact, code or address."""

import logging

import pytest

from forms_app.cases import evidence_store
from forms_app.models import Case, IntakeFormPage
from tests.intake.builders import complete_answers

ADDRESS = "203.0.113.77"
NAME = "王小明"
STORY = "They-took-my-account-7731"
EMAIL = "xiaoming@example.org"


def hostile_answers(page):
    data = complete_answers(page)
    for field in page.get_form_fields():
        if field.field_type in ("singleline", "multiline"):
            data[field.clean_name] = f"{NAME} {STORY}"
        elif field.field_type == "email":
            data[field.clean_name] = EMAIL
    return data


def assert_clean(records, code=None):
    text = "\n".join(f"{record.getMessage()} {record.__dict__}" for record in records)
    for secret in (ADDRESS, NAME, STORY, EMAIL, *([code] if code else [])):
        assert secret not in text


@pytest.mark.django_db
def test_a_full_submission_logs_nothing_personal(client, caplog):
    """Filing a case and showing its receipt logs no answer, name, contact, receipt code or address."""
    page = IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code="en")
    with caplog.at_level(logging.DEBUG):
        response = client.post(page.url, hostile_answers(page), REMOTE_ADDR=ADDRESS)
        receipt = client.get(response["Location"], REMOTE_ADDR=ADDRESS)
    code = receipt.content.decode().split('class="receipt__code"')[1].split(">")[1].split("<")[0].strip()
    assert Case.objects.count() == 1
    assert_clean(caplog.records, code)


@pytest.mark.django_db
def test_a_failing_submission_logs_nothing_personal(client, caplog, monkeypatch):
    """A storage failure is logged (its type), without any answer, contact or address."""
    page = IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code="en")

    def broken(*args, **kwargs):
        raise OSError(f"disk full while writing for {ADDRESS}")

    monkeypatch.setattr(evidence_store, "save_sealed", broken, raising=False)
    monkeypatch.setattr("forms_app.intake.submission.evidence_row", broken)
    with caplog.at_level(logging.DEBUG):
        response = client.post(page.url, hostile_answers(page), REMOTE_ADDR=ADDRESS)
    assert response.status_code == 422
    assert Case.objects.count() == 0
    assert caplog.records
    assert_clean(caplog.records)
