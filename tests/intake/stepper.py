"""Walking a stepped intake form with Django's test client, as a browser without JavaScript does:
each step's questions answered from the builders' complete answers, Next, and so on to the review."""

import re

from forms_app.intake.stepping import ACTION_FIELD, STEP_FIELD
from tests.helpers import soup
from tests.intake.builders import complete_answers, human_check

PROGRESS = re.compile(r"(\d+)\D+(\d+)")


def progress(response):
    """(step number, steps in all) from the page's "Step 2 of 5"."""
    text = soup(response).select_one(".step-progress").get_text()
    number, total = PROGRESS.search(text).groups()
    return int(number), int(total)


def answers_for(response, answers):
    """The part of ``answers`` (POST data of the whole form) belonging to the questions on this step."""
    shown = {control["name"] for control in soup(response).select("form.intake-form [name]")}
    shown |= {re.sub(r"_\d+$", "", name) for name in shown}
    return {key: value for key, value in answers.items() if key in shown or re.sub(r"_\d+$", "", key) in shown}


def post_step(client, page, response, answers, action="next", **extra):
    number, _total = progress(response)
    data = {STEP_FIELD: str(number), ACTION_FIELD: action, **answers_for(response, answers), **extra}
    return client.post(page.url, data)


def walk_to_review(client, page, answers=None, files=None, skip=()):
    """Answer every step; returns the review page's response."""
    answers = answers if answers is not None else complete_answers(page, files=files, skip=skip)
    response = client.get(page.url)
    for _guard in range(20):
        number, total = progress(response)
        if number == total:
            return response
        posted = post_step(client, page, response, answers)
        assert posted.status_code == 302, (number, posted.status_code, soup(posted).select(".field-errors"))
        response = client.get(page.url)
    raise AssertionError("the form never reached its review page")


def send(client, page, review):
    number, _total = progress(review)
    return client.post(page.url, {STEP_FIELD: str(number), ACTION_FIELD: "submit", **human_check()})
