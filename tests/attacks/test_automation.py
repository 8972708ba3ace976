"""Issue 12's "done when": over one shared address (a Tor exit, a NAT), a script sending 1,000 posts
cannot file 1,000 cases, and a claimant without JavaScript behind the same address can still file.

Everything is real: the demo form, the human check and the limits from settings (INTAKE_RATE_LIMIT,
INTAKE_NOJS_RATE_LIMIT, INTAKE_NOJS_WAIT_SECONDS), none of them changed here. Only the clock is
moved, where a person would take their time."""

import time
from collections import Counter

import pytest
from django.test import Client

from forms_app.intake import human_check as human_check_module
from forms_app.intake.human_check import issue_token
from forms_app.models import Case, IntakeFormPage
from tests.helpers import soup, visible_text
from tests.intake.builders import complete_answers, human_check, proof_of_work
from tests.intake.stepper import progress, send, walk_to_review

pytestmark = pytest.mark.django_db

SHARED = "203.0.113.50"  # the exit node everybody in these tests comes through
POSTS = 1000
SOME_POSTS = 100


def form_page():
    return IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code="zh-hans")


def answers_only(page):
    """The answers a script would have, without the human check's fields."""
    data = complete_answers(page, files=[])
    return {key: value for key, value in data.items() if key not in ("form_token", "altcha")}


class ReadingClock:
    """time.time() for the human check, ``ahead`` seconds later than now: the claimant took that long."""

    def __init__(self, ahead):
        self.ahead = ahead

    def time(self):
        return time.time() + self.ahead


def claimant_without_javascript_files(page, monkeypatch, settings):
    """A claimant with scripts off at the shared address walks the stepped form, reads the review
    page for longer than the wait, and sends with the token that page gave them: the response."""
    claimant = Client(REMOTE_ADDR=SHARED)
    review = walk_to_review(claimant, page, answers=complete_answers(page, files=[], javascript=False))
    token = soup(review).select_one("input[name=form_token]")["value"]
    number = progress(review)[0]
    with monkeypatch.context() as clock:
        clock.setattr(human_check_module, "time", ReadingClock(settings.INTAKE_NOJS_WAIT_SECONDS + 1))
        return claimant.post(page.url, {"intake_step": str(number), "intake_action": "submit", "form_token": token})


def test_a_script_that_skips_the_check_files_nothing_and_costs_the_claimant_nothing(monkeypatch, settings):
    """1,000 posts of a complete form from the shared address: without a token, with forged ones,
    with fresh tokens sent at once, with made-up proofs, or replaying one genuine token and proof.
    One case is filed (the genuine token's first use); every other post is refused and counted
    nowhere, so a claimant without JavaScript behind the same address files normally afterwards."""
    page = form_page()
    answers = answers_only(page)
    replayed = human_check()
    attempts = [
        lambda: {},
        lambda: {"form_token": "forged"},
        lambda: {"form_token": issue_token()},
        lambda: {"form_token": issue_token(), "altcha": "eyJmYWtlIjogdHJ1ZX0="},
        lambda: replayed,
    ]
    script = Client(REMOTE_ADDR=SHARED)
    statuses = Counter(
        script.post(page.url, answers | attempts[number % len(attempts)]()).status_code for number in range(POSTS)
    )
    assert Case.objects.count() == 1
    assert statuses[302] == 1 and sum(statuses.values()) == POSTS
    assert set(statuses) <= {302, 400, 409, 429}

    filed = claimant_without_javascript_files(page, monkeypatch, settings)
    assert filed.status_code == 302, visible_text(soup(filed))
    assert Case.objects.count() == 2


def test_a_script_that_does_the_work_files_only_a_few_cases(settings):
    """A script that takes a fresh token for every post and solves every proof-of-work files
    INTAKE_RATE_LIMIT cases from its address in the window; one that takes fresh tokens and waits
    instead of solving files INTAKE_NOJS_RATE_LIMIT. Their other posts (100 each here: the limits
    hold from the first refused post on) store nothing."""
    page = form_page()
    answers = answers_only(page)
    waiting = Client(REMOTE_ADDR="198.51.100.20")
    waited = [
        waiting.post(page.url, answers | {"form_token": issue_token(time.time() - 3600)}).status_code
        for _post in range(SOME_POSTS)
    ]
    assert waited.count(302) == settings.INTAKE_NOJS_RATE_LIMIT
    assert Case.objects.count() == settings.INTAKE_NOJS_RATE_LIMIT

    solving = Client(REMOTE_ADDR="198.51.100.21")
    solved = [
        solving.post(page.url, answers | {"form_token": issue_token(), "altcha": proof_of_work()}).status_code
        for _post in range(SOME_POSTS)
    ]
    assert solved.count(302) == settings.INTAKE_RATE_LIMIT
    assert Case.objects.count() == settings.INTAKE_NOJS_RATE_LIMIT + settings.INTAKE_RATE_LIMIT
    assert set(waited + solved) == {302, 429}


def test_after_a_waiting_script_has_used_the_no_script_allowance_a_claimant_is_told_what_to_do(
    client, monkeypatch, settings
):
    """The limit of this design, stated: once a script at the shared address has itself waited out
    INTAKE_NOJS_RATE_LIMIT accepted posts in the window, a claimant there without JavaScript is
    refused (429) and told, in their language, to turn JavaScript on or try again in an hour; with
    JavaScript (proof-of-work) they file at once."""
    page = form_page()
    answers = answers_only(page)
    script = Client(REMOTE_ADDR=SHARED)
    for _post in range(settings.INTAKE_NOJS_RATE_LIMIT):
        assert script.post(page.url, answers | {"form_token": issue_token(time.time() - 3600)}).status_code == 302

    refused = claimant_without_javascript_files(page, monkeypatch, settings)
    assert refused.status_code == 429
    assert "JavaScript" in visible_text(soup(refused)) and "一小时" in visible_text(soup(refused))

    with_scripts = Client(REMOTE_ADDR=SHARED)
    review = walk_to_review(with_scripts, page, answers=complete_answers(page, files=[]))
    assert send(with_scripts, page, review).status_code == 302
