"""XSS payloads in every field type are inert on the form, the receipt, the admin case page, the
staff e-mail and the exports."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from forms_app.intake.field_types import FIELD_TYPES, field_type
from forms_app.models import Case, IntakeFormPage
from tests.intake.builders import complete_answers, value_for

PAYLOADS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">点我</a>',
    "張三\u202egnp.exe<svg onload=alert(1)>",  # RTL override and CJK around markup
    '=HYPERLINK("http://evil.example","x")',
    "<iframe srcdoc='<script>alert(1)</script>'>",
]


def assert_inert(html):
    """No script but our own static files, no event handler attribute, no javascript: link."""
    document = BeautifulSoup(html, "html.parser")
    for script in document.select("script"):
        assert (
            script.get("src", "").startswith("/static/")
            or script.get("type") == "application/json"
            or ("alert" not in script.get_text())
        ), script
    for tag in document.find_all(True):
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on"), tag
            if attribute in ("href", "src", "action"):
                assert not str(value).strip().lower().startswith("javascript:"), tag
    assert document.select("iframe, svg[onload], img[onerror]") == []


def hostile(page, payload):
    """Every question's every posted value replaced by the payload (files left alone)."""
    data = complete_answers(page)
    for field in page.get_form_fields():
        if field.field_type == "evidence":
            continue
        for key, value in value_for(field).items():
            data[key] = [payload] * len(value) if isinstance(value, list) else payload
    return data


@pytest.mark.django_db
def test_every_field_type_is_covered():
    """The seeded forms the suite attacks hold a question of every registered field type."""
    from forms_app.models import IntakeFormField

    # A plain checkbox is only seeded as its subclass, the consent question (same form field).
    assert set(FIELD_TYPES) - {"checkbox"} <= set(IntakeFormField.objects.values_list("field_type", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_inert_on_the_form_the_receipt_and_the_case_page(client, client_for, case_manager, payload):
    """Refused or filed, a payload in every field comes back escaped; filed cases show it as text."""
    page = IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code="en")
    response = client.post(page.url, hostile(page, payload))
    assert response.status_code in (200, 302, 422)
    if response.status_code != 302:
        assert_inert(response.content.decode())
        # Refused answers are not stored; text questions alone make a valid case.
        data = complete_answers(page)
        for field in page.get_form_fields():
            if field_type(field.field_type).key in ("singleline", "multiline"):
                data[field.clean_name] = payload
        response = client.post(page.url, data)
    assert response.status_code == 302
    assert_inert(client.get(response["Location"]).content.decode())
    case = Case.objects.get()
    staff = client_for(case_manager)
    detail = staff.get(reverse("forms_app_review:detail", args=[case.pk]))
    assert detail.status_code == 200
    assert_inert(detail.content.decode())
    export = staff.post(reverse("forms_app_review:export_csv"))
    cells = [cell for row in csv.reader(io.StringIO(b"".join(export.streaming_content).decode())) for cell in row]
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in cells if payload[:1] in "=+-@")


@pytest.mark.django_db
def test_the_staff_email_never_carries_an_answer(client, settings, django_capture_on_commit_callbacks):
    """The new-case e-mail names the reference and type only: no payload, no answer."""
    settings.CASE_NOTIFICATION_EMAIL = "staff@example.org"
    page = IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code="en")
    data = complete_answers(page) | {"what_happened": PAYLOADS[0]}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page.url, data).status_code == 302
    staff_mail = [message for message in mail.outbox if "staff@example.org" in message.to]
    assert len(staff_mail) == 1
    message = staff_mail[0]
    assert "<script" not in message.subject + message.body
    assert "alert" not in message.body
