"""An error report (ADMINS mail, a debug page) for a request carrying answers or notes holds none of them."""

import sys

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import reverse
from django.views.debug import ExceptionReporter

from forms_app.intake import models as intake_models
from forms_app.review import operations
from tests.builders import intake_form as form_page
from tests.builders import make_case
from tests.intake.builders import complete_answers

SECRET = "Secret-story-张三-8613800138000"


def report_of(call, request):
    """The text and HTML of Django's error report for the exception ``call`` raises."""
    try:
        call()
    except Exception:
        reporter = ExceptionReporter(request, *sys.exc_info())
        return reporter.get_traceback_text() + reporter.get_traceback_html()
    raise AssertionError("the view did not fail")


@pytest.mark.django_db
def test_a_failing_intake_submission_report_holds_no_answer(client, monkeypatch):
    """The intake page's POST, failing deep inside filing, gives a report without any answer."""
    page = form_page("persecution", "en")
    data = complete_answers(page, files=[]) | {"what_happened": SECRET}

    def broken(*args, **kwargs):
        raise RuntimeError("storage is down")

    # After the case is filed, before the receipt: the form, its answers and the case are all in frames.
    monkeypatch.setattr(intake_models, "receipt_redirect", broken)
    request = RequestFactory().post(page.url, data)
    request.user = AnonymousUser()
    request.session = SessionStore()
    report = report_of(lambda: page.serve(request), request)
    assert "storage is down" in report
    assert SECRET not in report
    assert "张三" not in report


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("view", "field", "operation"),
    [("note", "note-text", "add_note"), ("status", "status-reason", "change_status")],
)
def test_a_failing_review_action_report_holds_no_note_or_reason(reviewer, monkeypatch, view, field, operation):
    """A note or status reason posted to a failing action is not in the error report."""
    from forms_app.review import detail

    case = make_case("investor", "en")

    def broken(*args, **kwargs):
        raise RuntimeError("database is down")

    monkeypatch.setattr(operations, operation, broken)
    data = {field: SECRET, "status-status": "in_review", "status-current": "new"}
    request = RequestFactory().post(reverse(f"forms_app_review:{view}", args=[case.pk]), data)
    request.user = reviewer
    view_class = {"note": detail.NoteView, "status": detail.StatusView}[view]
    report = report_of(lambda: view_class.as_view()(request, pk=case.pk), request)
    assert "database is down" in report
    assert SECRET not in report


@pytest.mark.django_db
def test_failing_my_case_posts_give_reports_without_the_code_or_the_reply(monkeypatch):
    """A receipt code posted to My case, and a reply sent from it, failing after they were read: the
    error reports hold neither the code nor the reply."""
    from forms_app.cases import activity
    from forms_app.cases.receipts import format_receipt_code
    from forms_app.intake import mycase, mycase_access
    from tests.builders import staff
    from tests.intake.builders import human_check
    from tests.mycase.builders import filed_case

    case, code = filed_case()

    def broken(*args, **kwargs):
        raise RuntimeError("the session store is down")

    def posted(path, data):
        request = RequestFactory().post(path, data)
        request.user = AnonymousUser()
        request.session = SessionStore()
        request._dont_enforce_csrf_checks = True
        return request

    with monkeypatch.context() as patch:
        patch.setattr(mycase_access, "enter", broken)
        request = posted("/en/cases/my-case/", {"code": format_receipt_code(code), **human_check()})
        report = report_of(lambda: mycase.enter(request), request)
    assert "the session store is down" in report
    assert code not in report and format_receipt_code(code) not in report

    question = activity.ask(case, {"zh-hans": "请说明日期。"}, staff("r1", "Reviewers"))
    prefix = f"q{question.pk}"
    request = posted("/zh-hans/cases/my-case/reply/", {f"{prefix}-text": SECRET, **human_check()})
    mycase_access.enter(request, case)
    monkeypatch.setattr(mycase, "redirect", broken)  # after the reply is saved
    report = report_of(lambda: mycase.reply(request, question=question.uuid), request)
    assert "the session store is down" in report
    assert SECRET not in report
