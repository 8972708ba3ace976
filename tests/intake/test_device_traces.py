"""Traces on the claimant's device: no cookie outlives the browser, no form is cached, no autofill."""

import pytest

from forms_app.models import IntakeFormPage
from tests.helpers import soup
from tests.intake.builders import complete_answers
from tests.intake.stepper import post_step, progress

# These tests use the seeded demo site (its pages and forms in three languages).
pytestmark = pytest.mark.usefixtures("demo_site")

TEXT_INPUTS = "input[type=text], input[type=email], input[type=tel], input:not([type]), textarea"


def form_page(language="zh-hans"):
    return IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code=language)


def lasting_cookies(response):
    """Cookies the response sets with a lifetime (deletions, Max-Age=0, are not lasting)."""
    return [
        name
        for name, morsel in response.cookies.items()
        if (morsel["max-age"] and str(morsel["max-age"]) != "0")
        or (morsel["expires"] and "1970" not in morsel["expires"])
    ]


def journey(client):
    """A claimant's visit: home, the form, a refused submission, a filed one, the receipt."""
    page = form_page()
    incomplete = complete_answers(page, skip={"what_happened"})
    incomplete["contact_phone"] = "+86 138 0013 8000"
    responses = {
        "home": client.get("/zh-hans/"),
        "form": client.get(page.url),
        "re-rendered form": client.post(page.url, incomplete),
        "filed": client.post(page.url, complete_answers(page)),
    }
    first_step = client.get(page.url)
    post_step(client, page, first_step, {"what_happened": "+86 138 0013 8000"})  # an error: kept in a draft
    responses["step with a draft"] = client.get(page.url)
    responses["receipt"] = client.get(responses["filed"]["Location"])
    return responses


@pytest.mark.django_db
def test_public_pages_set_no_cookie_that_outlives_the_browser(client):
    """No Set-Cookie on the public journey has Expires or Max-Age: CSRF and session cookies end with the browser."""
    responses = journey(client)

    assert responses["filed"].status_code == 302 and responses["receipt"].status_code == 200
    assert any(response.cookies for response in responses.values())  # cookies are set, only short-lived
    assert {name: lasting_cookies(response) for name, response in responses.items()} == dict.fromkeys(responses, [])


@pytest.mark.django_db
def test_form_responses_are_never_stored(client):
    """The form, its re-rendering with the claimant's answers and the receipt are all Cache-Control: no-store."""
    responses = journey(client)

    assert "+86 138 0013 8000" in responses["re-rendered form"].content.decode()
    assert "+86 138 0013 8000" in responses["step with a draft"].content.decode()
    for name in ("form", "re-rendered form", "receipt", "step with a draft"):
        assert "no-store" in responses[name]["Cache-Control"], name
        assert "private" in responses[name]["Cache-Control"], name


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_identifying_inputs_do_not_autofill(client, language):
    """Names, e-mail, phone, Signal, WeChat ID and the attestation name all carry autocomplete="off",
    on every step of the form."""
    page = form_page(language)
    answers = complete_answers(page)
    inputs, response = [], client.get(page.url)
    while True:
        inputs += soup(response).select(f"form {TEXT_INPUTS}")
        number, total = progress(response)
        if number == total:
            break
        assert post_step(client, page, response, answers).status_code == 302
        response = client.get(page.url)
    names = {element["name"] for element in inputs}

    assert {"contact_name", "contact_email", "contact_phone", "contact_signal", "wechat_id", "attestation_1"} <= names
    assert {element["name"]: element.get("autocomplete") for element in inputs} == dict.fromkeys(names, "off")
