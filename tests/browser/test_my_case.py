"""My case in the browser: the whole "needs information → answered" loop, the claimant on a 360 px
phone in Chinese without JavaScript and the reviewer in the admin; and axe on every My-case page in
the three languages."""

import re

import pytest

from .claimant import assert_page_in_language, read_before_sending
from .staff import REVIEWER, sign_in
from .test_claimant_journeys import BROWSER_LANGUAGE, PHONE, assert_fits_the_screen, file_a_case

pytestmark = pytest.mark.browser

QUESTION = "请问您是哪一天被约谈的？"
ANSWER = "二〇二四年五月三日，在派出所。"
QUESTION_HANT = "請問您是哪一天被約談的？"


def open_my_case(journey, page, language, code):
    """From the footer link to the case page, typing the code grouped with spaces."""
    page.goto(journey.url(f"/{language}/"))
    page.locator(f".site-footer a[href='/{language}/cases/my-case/']").click()
    page.wait_for_url(journey.url(f"/{language}/cases/my-case/"))
    page.locator("#id_code").fill(" ".join(code[i : i + 4] for i in range(0, 20, 4)))
    read_before_sending(page)
    with page.expect_navigation():
        page.locator("form.intake-form button[type=submit]").click()
    assert page.url == journey.url(f"/{language}/cases/my-case/case/"), page.url
    assert code not in page.url


def test_needs_information_then_answered(journey):
    """Claimant files in Simplified Chinese on a phone without scripts; the reviewer asks a question
    in the admin (case → Needs information); the claimant opens My case with the receipt code, reads
    the question and replies; the reviewer finds the reply marked in the queue and reads it."""
    claimant = journey.new_page(
        viewport=PHONE, locale=BROWSER_LANGUAGE["zh-hans"], java_script_enabled=False, is_mobile=True, has_touch=True
    )
    receipt, _case = file_a_case(journey, claimant, "zh-hans", "persecution")

    reviewer = journey.new_page(locale="zh-CN")
    sign_in(journey, reviewer, REVIEWER)
    reviewer.goto(journey.url("/admin/cases/"))
    reviewer.get_by_role("link", name=receipt.reference).click()
    reviewer.wait_for_url(re.compile(r".*/admin/cases/\d+/$"))
    case_url = reviewer.url
    reviewer.locator("#id_ask-text_zh-hans").fill(QUESTION)
    with reviewer.expect_navigation():
        reviewer.locator("form.case-ask button[type=submit]").click()
    journey.shot(reviewer, "question-asked")
    assert journey.server.case(receipt.reference)["status"] == "needs_information"

    open_my_case(journey, claimant, "zh-hans", receipt.code)
    assert_page_in_language(claimant, "zh-hans")
    assert_fits_the_screen(claimant)
    body = claimant.locator("main").inner_text()
    assert QUESTION in body and receipt.reference in body and "需补充信息" in body
    journey.shot(claimant, "my-case-question")  # axe: test_every_my_case_page_is_accessible
    question = claimant.locator(".mycase-question").first
    question.locator("textarea").fill(ANSWER)
    read_before_sending(claimant)
    with claimant.expect_navigation():
        question.locator("button[type=submit]").click()
    assert ANSWER in claimant.locator("main").inner_text()
    assert "已收到补充信息" in claimant.locator("main").inner_text()
    journey.shot(claimant, "my-case-answered")
    with claimant.expect_navigation():
        claimant.locator(".mycase-bar button[type=submit]").click()
    assert claimant.url == journey.url("/zh-hans/cases/my-case/")

    reviewer.goto(journey.url("/admin/cases/?claimant_news=true"))
    assert reviewer.get_by_role("link", name=receipt.reference).is_visible()
    assert "新回复" in reviewer.locator("main").inner_text()
    journey.shot(reviewer, "queue-unread")
    reviewer.goto(case_url)
    assert ANSWER in reviewer.locator("#claimant").inner_text()
    assert ANSWER in reviewer.locator("#timeline").inner_text()
    journey.shot(reviewer, "reply-read")
    assert journey.server.case(receipt.reference)["status"] == "information_received"
    journey.assert_no_problems()
    journey.assert_only_this_origin()


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_every_my_case_page_is_accessible(journey, language):
    """axe finds nothing serious on the code form (empty and with an error), the case page, contact
    preferences, consents, the withdrawal confirmation and the withdrawn page, at 360 px."""
    (reference,) = journey.server.file_cases(("privacy_censorship", language))
    code = journey.server.shell(
        "from forms_app.cases.receipts import new_receipt_code, receipt_code_hash\n"
        "from forms_app.models import Case\n"
        "code = new_receipt_code()\n"
        f"Case.objects.filter(reference={reference!r}).update(receipt_code_hash=receipt_code_hash(code))\n"
        "print(code)\n"
    ).strip()
    page = journey.new_page(viewport=PHONE, locale=BROWSER_LANGUAGE[language])
    page.goto(journey.url(f"/{language}/cases/my-case/"))
    check(journey, page, language, "enter")
    page.locator("#id_code").fill("1234")
    with page.expect_navigation():
        page.locator("form.intake-form button[type=submit]").click()
    assert page.locator(".form-error-summary").is_visible()
    check(journey, page, language, "enter-error")
    open_my_case(journey, page, language, code)
    check(journey, page, language, "case")
    for path in ("contact/", "consents/", "withdraw/"):
        page.goto(journey.url(f"/{language}/cases/my-case/case/{path}"))
        check(journey, page, language, path.strip("/"))
    page.locator("input[name=confirm]").check()
    with page.expect_navigation():
        page.locator("form.intake-form button[type=submit]").click()
    assert reference in page.locator("main").inner_text()
    check(journey, page, language, "withdrawn")
    assert journey.server.case(reference)["status"] == "withdrawn"
    journey.assert_no_problems()
    journey.assert_only_this_origin()


def check(journey, page, language, name):
    assert_page_in_language(page, language)
    assert_fits_the_screen(page)
    journey.shot(page, f"{language}-{name}")
    journey.assert_accessible(page)


def test_with_javascript_the_code_and_the_reply_pass_the_proof_of_work(journey):
    """Scripts on, Traditional Chinese, on a phone: the ALTCHA widget (our own copy, texts in
    Chinese) solves its proof-of-work when the code is sent and again when the reply is sent; both
    go through at once, with no CSP violation and nothing fetched from another origin."""
    (reference,) = journey.server.file_cases(("persecution", "zh-hant"))
    code = journey.server.shell(
        "from forms_app.cases import activity\n"
        "from forms_app.cases.receipts import new_receipt_code, receipt_code_hash\n"
        "from forms_app.models import Case\n"
        "from django.contrib.auth import get_user_model\n"
        "code = new_receipt_code()\n"
        f"case = Case.objects.get(reference={reference!r})\n"
        "case.receipt_code_hash = receipt_code_hash(code)\n"
        "case.save(update_fields=['receipt_code_hash'])\n"
        "reviewer = get_user_model().objects.filter(is_staff=True).first()\n"
        f"activity.ask(case, {{'zh-hant': {QUESTION_HANT!r}}}, reviewer)\n"
        "print(code)\n"
    ).strip()
    page = journey.new_page(viewport=PHONE, locale=BROWSER_LANGUAGE["zh-hant"], is_mobile=True, has_touch=True)
    open_my_case(journey, page, "zh-hant", code)
    assert QUESTION_HANT in page.locator("main").inner_text()
    question = page.locator(".mycase-question").first
    assert question.locator("altcha-widget").count() == 1
    question.locator("textarea").fill(ANSWER)
    with page.expect_navigation():
        question.locator("button[type=submit]").click()
    assert ANSWER in page.locator("main").inner_text()
    assert_page_in_language(page, "zh-hant")
    journey.shot(page, "zh-hant-replied-with-scripts")
    assert journey.server.case(reference)["status"] == "information_received"
    journey.assert_no_problems()
    journey.assert_only_this_origin()
