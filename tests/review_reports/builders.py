"""Builders for report tests: cases filed through the real intake form, and copies of them."""

from django.test import Client

from forms_app.models import Case, IntakeFormPage, ReportedLoss
from tests.forms_app.builders import complete_answers


def form_page(case_type, language="en"):
    return IntakeFormPage.objects.live().get(case_type=case_type, locale__language_code=language)


def file_case(case_type="account_closure", language="en", **answers):
    """File one case by a real multipart POST (no evidence files, to stay fast); `answers` are
    extra POST fields, e.g. wallet_balance_frozen_0="99.90"."""
    page = form_page(case_type, language)
    data = complete_answers(page, files=[])
    data.update(answers)
    before = set(Case.objects.values_list("pk", flat=True))
    response = Client().post(page.url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Case.objects.exclude(pk__in=before).get()


def copy_case(case, count):
    """`count` more cases with the same answers and losses, each with its own reference and key."""
    copies = []
    for _index in range(count):
        copy = Case(
            case_type=case.case_type,
            language=case.language,
            form_page_id=case.form_page_id,
            form_translation_key=case.form_translation_key,
            evidence_count=case.evidence_count,
            receipt_code_hash=f"copy-{case.pk}-{len(copies)}-{Case.objects.count()}",
        )
        copy.create_data_key()
        copy.set_answers(case.answers, case.questions_as_seen)
        copy.save()
        ReportedLoss.objects.bulk_create(
            ReportedLoss(case=copy, question_key=loss.question_key, currency=loss.currency, amount=loss.amount)
            for loss in case.reported_losses.all()
        )
        copies.append(copy)
    return copies


def set_answer(case, key, value):
    """Store an answer as if the claimant had typed it (for values a form would normalise away)."""
    answers = dict(case.answers)
    answers[key] = value
    case.set_answers(answers, case.questions_as_seen)
    case.save(update_fields=["sealed_answers"])
