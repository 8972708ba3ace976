"""The reviewers' side of My case: asking, the reply reaching the queue, consents and statistics,
receipt-code checks, legal hold."""

import logging

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from forms_app.cases import activity
from forms_app.models import Case, CaseStatus, ReviewerQuestion
from forms_app.reports.statistics import counted_cases
from tests.builders import staff
from tests.helpers import soup, visible_text
from tests.intake.builders import human_check

from .builders import enter, filed_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(db):
    return staff("rita", "Reviewers", first_name="Rita")


@pytest.fixture
def manager(db):
    return staff("mo", "Case managers", first_name="Mo")


def admin_client(client_class, user):
    client = client_class()
    client.force_login(user)
    return client


def test_a_question_reaches_the_claimant_and_the_reply_reaches_the_queue(client, reviewer):
    """The reviewer asks (one text per language); the case is Needs information; the claimant reads
    the Traditional text; their reply makes it Information received, marked and filterable in the
    queue, until a reviewer opens the case; the timeline shows both, the reply as the claimant's."""
    case, code = filed_case(language="zh-hant")
    staff_client = admin_client(client.__class__, reviewer)
    page = visible_text(soup(staff_client.get(reverse("forms_app_review:detail", args=[case.pk]))))
    assert "Traditional Chinese" in page or "繁體中文" in page
    response = staff_client.post(
        reverse("forms_app_review:ask", args=[case.pk]),
        {"ask-text_en": "When were you summoned?", "ask-text_zh-hant": "您是何時被約談的？"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.NEEDS_INFORMATION
    question = ReviewerQuestion.objects.get(case=case)
    assert "約談".encode() not in bytes(question.sealed_texts)

    enter(client, code, "zh-hant")
    page = visible_text(soup(client.get("/zh-hant/cases/my-case/case/")))
    assert "您是何時被約談的？" in page and "When were you summoned?" not in page
    prefix = f"q{question.pk}"
    client.post(
        f"/zh-hant/cases/my-case/case/questions/{question.uuid}/reply/",
        {f"{prefix}-text": "二〇二四年五月。", **human_check()},
    )

    queue = staff_client.get(reverse("forms_app_review:index"), {"claimant_news": "true"})
    assert case.reference in visible_text(soup(queue))
    assert "New reply" in visible_text(soup(queue))
    other, _code = filed_case()
    assert other.reference not in visible_text(soup(queue))

    detail = staff_client.get(reverse("forms_app_review:detail", args=[case.pk]))
    text = visible_text(soup(detail))
    assert "二〇二四年五月。" in text and "claimant" in text
    assert "Information received" in text
    assert not Case.objects.get(pk=case.pk).claimant_activity_unread
    queue = staff_client.get(reverse("forms_app_review:index"), {"claimant_news": "true"})
    assert case.reference not in visible_text(soup(queue))
    reply_log = ModelLogEntry.objects.get(object_id=str(case.pk), action=activity.REPLY)
    assert reply_log.user is None and reply_log.data["by"] == "claimant"
    assert "二〇二四" not in str(reply_log.data)


def test_revoking_statistics_is_seen_by_reviewers_and_leaves_every_figure(client, reviewer):
    """The claimant unticks statistics: the case page shows it refused with the date, and the case
    leaves the figures (the statistics page counts one case fewer and says why)."""
    case, code = filed_case(language="zh-hans")
    assert counted_cases(reviewer).filter(pk=case.pk).exists()
    staff_client = admin_client(client.__class__, reviewer)
    before = staff_client.get(reverse("forms_app_review:statistics")).context["total_count"]

    enter(client, code, "zh-hans")
    client.post(
        "/zh-hans/cases/my-case/case/consents/",
        {"share_counsel": "on", "named_plaintiff": "on", "keep_originals": "on"},
    )
    assert not counted_cases(reviewer).filter(pk=case.pk).exists()
    statistics = staff_client.get(reverse("forms_app_review:statistics"))
    assert statistics.context["total_count"] == before - 1
    assert "agree to be counted" in visible_text(soup(statistics))
    detail = soup(staff_client.get(reverse("forms_app_review:detail", args=[case.pk])))
    row = next(tr for tr in detail.select("#claimant tr") if "statistics" in tr.get_text())
    assert "No" in row.get_text() and "changed on My case" in row.get_text()


def test_a_case_manager_can_check_a_quoted_receipt_code(client, manager, caplog):
    """Right code: "belongs"; wrong code: "does NOT"; both audited without the code; throttled."""
    case, code = filed_case()
    caplog.set_level(logging.DEBUG)
    staff_client = admin_client(client.__class__, manager)
    url = reverse("forms_app_review:verify_receipt", args=[case.pk])
    right = staff_client.post(url, {"verify-code": "-".join([code[:10], code[10:]])}, follow=True)
    assert "belongs to this case" in visible_text(soup(right))
    wrong = staff_client.post(url, {"verify-code": "0" * 20}, follow=True)
    assert "does NOT belong" in visible_text(soup(wrong))
    entries = ModelLogEntry.objects.filter(object_id=str(case.pk), action=activity.RECEIPT_VERIFIED)
    assert sorted(entry.data["matched"] for entry in entries) == [False, True]
    assert all(code not in str(entry.data) for entry in entries)
    assert all(code not in record.getMessage() for record in caplog.records)
    for _attempt in range(10):
        last = staff_client.post(url, {"verify-code": code}, follow=True)
    assert "too many codes" in visible_text(soup(last))


def test_reviewers_cannot_check_codes_or_place_holds(client, reviewer):
    """Both are case managers' actions: reviewers get 403 and the page offers neither form."""
    case, _code = filed_case()
    staff_client = admin_client(client.__class__, reviewer)
    assert staff_client.post(reverse("forms_app_review:hold", args=[case.pk]), {"hold-reason": "x"}).status_code == 403
    page = soup(staff_client.get(reverse("forms_app_review:detail", args=[case.pk])))
    assert page.select_one("form[action$='/hold/']") is None
    assert page.select_one("form[action$='/verify-receipt/']") is None


def test_legal_hold_blocks_deletion_by_staff_until_lifted(client, manager):
    """A held case cannot be deleted (the delete page sends back, the operation refuses); lifting
    the hold, with a reason, makes deletion possible again. Both are audited."""
    case, _code = filed_case()
    staff_client = admin_client(client.__class__, manager)
    hold = reverse("forms_app_review:hold", args=[case.pk])
    staff_client.post(hold, {"hold-reason": "Preservation letter"})
    case.refresh_from_db()
    assert case.legal_hold and activity.hold_reason(case) == "Preservation letter"
    delete = reverse("forms_app_review:delete", args=[case.pk])
    assert staff_client.get(delete).status_code == 302
    staff_client.post(delete)
    assert Case.objects.filter(pk=case.pk).exists()
    staff_client.post(hold, {"hold-reason": "Case settled"})
    assert not Case.objects.get(pk=case.pk).legal_hold
    actions = set(ModelLogEntry.objects.filter(object_id=str(case.pk)).values_list("action", flat=True))
    assert {activity.HOLD_PLACED, activity.HOLD_LIFTED} <= actions
    staff_client.post(delete)
    assert not Case.objects.filter(pk=case.pk).exists()


def test_a_withdrawn_case_shows_its_tombstone_to_reviewers(client, reviewer):
    """After withdrawal the case page opens (200) on the tombstone, with no answers to decrypt."""
    from forms_app.cases.erasure import withdraw

    case, _code = filed_case(language="zh-hans")
    withdraw(case)
    staff_client = admin_client(client.__class__, reviewer)
    response = staff_client.get(reverse("forms_app_review:detail", args=[case.pk]))
    assert response.status_code == 200
    assert "Withdrawn by the claimant" in visible_text(soup(response))
    assert ModelLogEntry.objects.filter(object_id=str(case.pk), action=activity.WITHDRAWN).exists()
