"""My case's receipt-code form and the claimant's reply and evidence forms carry the same human
check as the intake form: a single-use form token with proof-of-work, or, without JavaScript, a
short server-measured wait. A post without it is refused in the claimant's language."""

import time

import pytest

from forms_app.cases import activity
from forms_app.cases.models import ClaimantReply
from forms_app.cases.receipts import format_receipt_code
from forms_app.intake.human_check import issue_token
from tests.builders import staff
from tests.helpers import soup, visible_text
from tests.intake.builders import human_check, proof_of_work

from .builders import enter

pytestmark = pytest.mark.django_db

# A word of the refusal in each language (forms_app.intake.human_check.MY_CASE).
UNCHECKED = {"en": "could not be checked", "zh-hans": "无法核验", "zh-hant": "無法核驗"}
WAIT = {"en": "wait", "zh-hans": "稍等", "zh-hant": "稍等"}


def errors(response):
    return visible_text(soup(response).select_one(".form-error-summary"))


def code_form(language="en"):
    return f"/{language}/cases/my-case/"


def reply_url(language, question):
    return f"/{language}/cases/my-case/case/questions/{question.uuid}/reply/"


def test_the_code_form_carries_the_token_the_widget_and_the_no_script_note(client):
    """The code form has a signed token, the ALTCHA element fed by our own endpoint, the note for
    people without scripts, the honeypot hidden from people, and only scripts of our own."""
    document = soup(client.get(code_form("zh-hant")))
    form = document.select_one("form.intake-form")
    assert form.select_one("input[type=hidden][name=form_token]")["value"]
    assert form.select_one("altcha-widget")["challenge"] == "/altcha/challenge/"
    assert "秒" in form.select_one("noscript").get_text()
    assert form.select_one(".hp[aria-hidden=true] input[name=website]")
    assert document.select_one("meta[name=csp-nonce]")["content"]
    scripts = [tag["src"] for tag in document.select("script[src]")]
    assert "/static/altcha_django/altcha.min.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_a_code_posted_without_the_check_is_refused_in_the_claimants_language(client, filed, language):
    """The right code without a form token (a script) opens nothing: 400, the reason in the
    claimant's language, the code not shown back, no session."""
    _case, code = filed
    response = client.post(code_form(language), {"code": format_receipt_code(code)})
    assert response.status_code == 400
    assert UNCHECKED[language] in errors(response)
    assert code not in response.content.decode()
    assert client.get(f"/{language}/cases/my-case/case/").status_code == 302


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_without_javascript_the_code_form_asks_for_the_wait_then_opens(client, filed, settings, language):
    """No proof-of-work and a token younger than the wait: 429 with the seconds to wait, in the
    claimant's language, and the same token kept; once the wait has passed, the code opens the case."""
    _case, code = filed
    token = issue_token()
    response = client.post(code_form(language), {"code": code, "form_token": token})
    assert response.status_code == 429
    assert WAIT[language] in errors(response)
    assert soup(response).select_one("input[name=form_token]")["value"] == token
    waited = issue_token(time.time() - settings.INTAKE_NOJS_WAIT_SECONDS - 1)
    assert client.post(code_form(language), {"code": code, "form_token": waited}).status_code == 302


def test_with_proof_of_work_a_fresh_code_form_opens_at_once(client, filed):
    """A browser that solved the challenge enters at once, with a token issued a moment ago."""
    _case, code = filed
    data = {"code": code, "form_token": issue_token(), "altcha": proof_of_work()}
    response = client.post(code_form(), data)
    assert response.status_code == 302
    assert response["Location"] == "/en/cases/my-case/case/"


def test_each_code_tried_uses_up_its_token(client, filed):
    """A wrong code uses the form's token: the page sent back has a new one, and a script cannot
    reuse one token (and one proof or one wait) for many guesses."""
    _case, code = filed
    data = {"code": "1" * 20, **human_check(javascript=False)}
    wrong = client.post(code_form(), data)
    assert wrong.status_code == 200
    assert soup(wrong).select_one("input[name=form_token]")["value"] != data["form_token"]
    replayed = client.post(code_form(), {**data, "code": code})
    assert replayed.status_code == 409
    assert client.get("/en/cases/my-case/case/").status_code == 302


def test_wrong_codes_from_one_ipv6_64_are_counted_together(client, filed, settings):
    """Rotating addresses inside one IPv6 /64 does not reset the wrong-code count; another /64 is
    another client."""
    settings.MYCASE_CLIENT_ATTEMPTS = 2
    _case, code = filed
    for address in ("2001:db8:5:6::1", "2001:db8:5:6::2"):
        client.post(code_form(), {"code": "1" * 20, **human_check()}, REMOTE_ADDR=address)
    same_block = client.post(code_form(), {"code": code, **human_check()}, REMOTE_ADDR="2001:db8:5:6:ffff::3")
    assert same_block.status_code == 429
    other_block = client.post(code_form(), {"code": code, **human_check()}, REMOTE_ADDR="2001:db8:5:7::1")
    assert other_block.status_code == 302


def test_entering_my_case_does_not_use_up_the_filing_limit(client, filed, settings):
    """Opening My case is not filing: a claimant who enters it often can still be let in (and file)."""
    settings.INTAKE_RATE_LIMIT = 1
    _case, code = filed
    for _visit in range(3):
        assert enter(client, code, "en").status_code == 302


def open_with_question(client, filed, language):
    case, code = filed
    assert enter(client, code, language).status_code == 302
    question = activity.ask(case, {language: "请说明日期。"}, staff("r1", "Reviewers"))
    return case, question


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant", "en"])
def test_a_reply_without_the_check_is_refused_and_keeps_the_text(client, filed, language):
    """A reply posted without the form token: 400 with the reason in the claimant's language, under
    its question, the text still in the box, nothing stored."""
    case, question = open_with_question(client, filed, language)
    prefix = f"q{question.pk}"
    response = client.post(reply_url(language, question), {f"{prefix}-text": "五月三日。"})
    assert response.status_code == 400
    assert UNCHECKED[language] in errors(response)
    box = soup(response).select_one(f"#question-{question.pk} textarea[name={prefix}-text]")
    assert box.get_text().strip() == "五月三日。"
    assert not ClaimantReply.objects.filter(case=case).exists()


def test_a_reply_with_the_check_is_sent(client, filed):
    """With the token and a proof-of-work the reply reaches the case."""
    case, question = open_with_question(client, filed, "zh-hans")
    prefix = f"q{question.pk}"
    response = client.post(reply_url("zh-hans", question), {f"{prefix}-text": "五月三日。", **human_check()})
    assert response.status_code == 302
    assert ClaimantReply.objects.get(case=case).text == "五月三日。"


def test_without_javascript_a_reply_waits_then_is_sent(client, filed, settings):
    """A reply sent without scripts right after the page was shown is asked to wait, in the
    claimant's language, the token kept; after the wait it is sent, and the token is then used up."""
    case, question = open_with_question(client, filed, "zh-hant")
    prefix = f"q{question.pk}"
    token = issue_token()
    early = client.post(reply_url("zh-hant", question), {f"{prefix}-text": "五月。", "form_token": token})
    assert early.status_code == 429
    assert WAIT["zh-hant"] in errors(early)
    assert token in [tag["value"] for tag in soup(early).select(f"#question-{question.pk} input[name=form_token]")]
    data = {f"{prefix}-text": "五月。", **human_check(javascript=False)}
    assert client.post(reply_url("zh-hant", question), data).status_code == 302
    assert client.post(reply_url("zh-hant", question), data).status_code == 409
    assert ClaimantReply.objects.filter(case=case).count() == 1


def test_evidence_without_the_check_is_refused(client, filed):
    """The "send more evidence" form needs the check too; refused, it stores nothing."""
    case, code = filed
    enter(client, code, "zh-hans")
    response = client.post("/zh-hans/cases/my-case/case/evidence/", {"evidence-note": "照片"})
    assert response.status_code == 400
    assert UNCHECKED["zh-hans"] in errors(response)
    assert not ClaimantReply.objects.filter(case=case).exists()


def test_the_honeypot_of_a_reply_form_is_checked_under_its_prefix(client, filed):
    """A reply form's honeypot is posted as q<id>-website: filled in, the reply is refused."""
    case, question = open_with_question(client, filed, "en")
    prefix = f"q{question.pk}"
    data = {f"{prefix}-text": "May.", f"{prefix}-website": "http://spam.example", **human_check()}
    assert client.post(reply_url("en", question), data).status_code == 400
    assert not ClaimantReply.objects.filter(case=case).exists()
