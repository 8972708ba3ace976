"""Which e-mail goes to whom on which event, in which language, and what it never contains."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from forms_app.cases import activity, erasure
from forms_app.cases.models import DigestEntry, StaffMailPreference
from forms_app.review import operations

from .helpers import file_distinct_case, notify_rule, secrets_of, staff_member, text_of

pytestmark = pytest.mark.django_db


def by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def assert_content_free(messages, new_case):
    for message in messages:
        text = text_of(message)
        for secret in secrets_of(new_case):
            assert secret not in text, (message.to, secret)


def test_a_new_case_tells_the_chosen_staff_in_their_language_and_acknowledges_the_claimant(
    monkeypatch, django_capture_on_commit_callbacks
):
    """Filing a Simplified Chinese case mails each staff member of the rule in their own admin
    language (reference, type, language, link to the case) and the claimant, who chose e-mail, an
    acknowledgement in Simplified Chinese; nobody else; no answer, name, contact or receipt code."""
    english = staff_member("ada", "Reviewers", "en")
    traditional = staff_member("bo", "Case managers", "zh-hant")
    staff_member("outsider", "Reviewers", "en")  # not chosen for this case type
    notify_rule("persecution", users=[english], groups=[Group.objects.get(name="Case managers")])
    with django_capture_on_commit_callbacks(execute=True):
        new_case = file_distinct_case(monkeypatch, "persecution", "zh-hans")
    case = new_case.case
    sent = by_recipient()
    assert set(sent) == {"ada@staff.example", "bo@staff.example", "zebracorn.claimant@example.net"}
    assert sent["ada@staff.example"].subject == f"New case {case.reference}"
    assert "Persecution caused by WeChat censorship" in sent["ada@staff.example"].body
    assert "Simplified Chinese" in sent["ada@staff.example"].body
    assert f"/admin/cases/{case.pk}/" in sent["ada@staff.example"].body
    assert sent["bo@staff.example"].subject == f"新案件 {case.reference}"
    claimant = sent["zebracorn.claimant@example.net"]
    assert case.reference in claimant.subject and "我们已收到" in claimant.subject
    assert "/zh-hans/cases/my-case/" in claimant.body
    html = claimant.alternatives[0][0]
    assert '<html lang="zh-hans">' in html and "<img" not in html
    assert_content_free(mail.outbox, new_case)
    assert traditional.email not in claimant.body


def test_a_claimant_who_did_not_choose_email_gets_nothing(monkeypatch, django_capture_on_commit_callbacks):
    """An address given without ticking e-mail as a safe channel is never written to."""
    with django_capture_on_commit_callbacks(execute=True):
        file_distinct_case(monkeypatch, contact_preference_0=["signal"])
    assert "zebracorn.claimant@example.net" not in by_recipient()


def test_without_any_rule_the_fallback_address_hears_of_new_cases(
    monkeypatch, settings, django_capture_on_commit_callbacks
):
    """With no rule in Settings › Case notifications, CASE_NOTIFICATION_EMAIL is told (in English)."""
    settings.CASE_NOTIFICATION_EMAIL = "intake-team@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        new_case = file_distinct_case(monkeypatch)
    assert by_recipient()["intake-team@example.org"].subject == f"New case {new_case.case.reference}"


def test_claimant_activity_goes_to_the_assigned_reviewer_in_their_language(
    monkeypatch, django_capture_on_commit_callbacks
):
    """A reply, evidence and a withdrawal request reach the assigned reviewer only, in their language."""
    reviewer = staff_member("chen", "Reviewers", "zh-hans")
    other = staff_member("dora", "Reviewers", "en")
    notify_rule(users=[other])
    new_case = file_distinct_case(monkeypatch, "persecution", "en")
    case = new_case.case
    case.assigned_to = reviewer
    case.save(update_fields=["assigned_to"])
    mail.outbox.clear()
    question = activity.ask(case, {"en": "When?"}, other)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        activity.claimant_sent(case, question=question, text="Zebracorn reply text")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        activity.claimant_sent(case, text="Zebracorn note")
    case.legal_hold = True
    case.save(update_fields=["legal_hold"])
    with django_capture_on_commit_callbacks(execute=True):
        erasure.withdraw(case)
    assert [message.to for message in mail.outbox] == [[reviewer.email]] * 3
    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        f"案件 {case.reference} 的申请人回答了问题",
        f"案件 {case.reference} 的申请人补充了证据",
        f"案件 {case.reference} 的申请人要求撤回（案件处于法律保全中）",
    ]
    assert_content_free(mail.outbox, new_case)
    assert not any("Zebracorn" in text_of(message) for message in mail.outbox)


def test_a_question_and_a_decision_tell_the_claimant_there_is_news_in_the_case_language(
    monkeypatch, django_capture_on_commit_callbacks, case_manager
):
    """A reviewer's question and a move to Merit mail "there is news" in Traditional Chinese; a
    routine move (In review) does not."""
    new_case = file_distinct_case(monkeypatch, "persecution", "zh-hant")
    case = new_case.case
    with django_capture_on_commit_callbacks(execute=True):
        operations.change_status(case, "in_review", case_manager)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        activity.ask(case, {"zh-hant": "Zebracorn question?"}, case_manager)
    with django_capture_on_commit_callbacks(execute=True):
        operations.change_status(case, "in_review", case_manager)
        operations.change_status(case, "merit", case_manager)
    assert [message.to for message in mail.outbox] == [["zebracorn.claimant@example.net"]] * 2
    for message in mail.outbox:
        assert message.subject == f"您的案件 {case.reference} 有新進展"
        assert "/zh-hant/cases/my-case/" in message.body
    assert_content_free(mail.outbox, new_case)


def test_a_daily_digest_replaces_the_single_mails(monkeypatch, django_capture_on_commit_callbacks):
    """A staff member who chose the digest gets no mail per case; send_digests sends one listing
    them (in their language) and empties the list."""
    user = staff_member("erin", "Reviewers", "zh-hans")
    StaffMailPreference.objects.create(user=user, daily_digest=True)
    notify_rule(users=[user])
    with django_capture_on_commit_callbacks(execute=True):
        first = file_distinct_case(monkeypatch, contact_preference_0=["signal"])
    with django_capture_on_commit_callbacks(execute=True):
        second = file_distinct_case(monkeypatch, contact_preference_0=["signal"])
    assert mail.outbox == []
    assert DigestEntry.objects.filter(user=user).count() == 2
    call_command("send_digests", stdout=None)
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == [user.email]
    assert first.case.reference in digest.body and second.case.reference in digest.body
    assert "新案件" in digest.body
    assert_content_free(mail.outbox, first)
    assert not DigestEntry.objects.exists()
