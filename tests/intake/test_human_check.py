"""Anti-automation on the intake form: proof-of-work, or a server-measured wait without JavaScript;
single-use form tokens; a rate limit that counts accepted submissions per client (IPv6 per /64)."""

import time

import pytest

from cms.clients import client_group
from forms_app.intake.human_check import issue_token
from forms_app.intake.stepping import ACTION_FIELD, STEP_FIELD
from forms_app.models import Case, IntakeFormPage
from tests.helpers import soup, visible_text
from tests.intake.builders import complete_answers, human_check, proof_of_work
from tests.intake.stepper import progress, walk_to_review

# These tests post to the demo's forms.
pytestmark = pytest.mark.usefixtures("demo_site")


def form_page(language="en"):
    return IntakeFormPage.objects.live().get(case_type="investor", locale__language_code=language)


def errors(response):
    return visible_text(soup(response).select_one(".form-error-summary"))


@pytest.mark.django_db
def test_the_form_carries_a_token_the_widget_and_a_no_script_note(client):
    """The page that sends the case (the review page of the stepped form) has a signed token, the
    ALTCHA element fed by our own endpoint, and a note for no-JS."""
    page = form_page()
    document = soup(walk_to_review(client, page))
    assert document.select_one("input[type=hidden][name=form_token]")["value"]
    widget = document.select_one("altcha-widget")
    assert widget["challenge"] == "/altcha/challenge/"
    assert "automatic check" in document.select_one("noscript").get_text()
    scripts = [tag["src"] for tag in document.select("script[src]")]
    assert "/static/altcha_django/altcha.min.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)


@pytest.mark.django_db
def test_every_visitor_gets_a_token_of_their_own(settings):
    """The sending page is never served from a cache: each visitor, each time, gets their own token."""
    from django.test import Client

    settings.PUBLIC_PAGE_CACHE = True
    page = form_page()
    tokens = set()
    for _visitor in range(3):
        review = walk_to_review(Client(), page)
        assert "no-store" in review["Cache-Control"]
        tokens.add(soup(review).select_one("input[name=form_token]")["value"])
    assert len(tokens) == 3


@pytest.mark.django_db
def test_the_challenge_endpoint_is_our_own_and_not_cached(client):
    """The widget's challenge comes from this site, fresh each time."""
    response = client.get("/altcha/challenge/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response.json()["parameters"]["algorithm"].startswith("PBKDF2")


@pytest.mark.django_db
def test_with_proof_of_work_a_fresh_form_is_accepted_at_once(client):
    """A browser that solved the challenge files at once, even with a token issued a second ago."""
    page = form_page()
    data = complete_answers(page) | {"form_token": issue_token()}
    assert client.post(page.url, data).status_code == 302
    assert Case.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_without_javascript_a_fast_post_is_asked_to_wait_and_keeps_the_answers(client, language):
    """No proof-of-work and a token younger than the wait: refused with how long to wait, nothing stored."""
    page = form_page(language)
    data = complete_answers(page, javascript=False) | {"form_token": issue_token()}
    response = client.post(page.url, data)
    assert response.status_code == 429
    assert Case.objects.count() == 0
    text = errors(response)
    assert ("wait" in text) if language == "en" else ("秒" in text)
    # The same token is kept in the form, so the wait counts from when the form was first opened.
    assert soup(response).select_one("input[name=form_token]")["value"] == data["form_token"]


@pytest.mark.django_db
def test_without_javascript_the_form_is_accepted_after_the_wait(client, settings):
    """A no-JS claimant who took longer than INTAKE_NOJS_WAIT_SECONDS files normally."""
    page = form_page()
    issued = time.time() - settings.INTAKE_NOJS_WAIT_SECONDS - 1
    data = complete_answers(page, javascript=False) | {"form_token": issue_token(issued)}
    assert client.post(page.url, data).status_code == 302
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_a_post_without_a_genuine_token_is_refused(client):
    """A script posting without the form (no token, a forged or an expired one) stores nothing."""
    page = form_page()
    for token in ("", "forged", issue_token(time.time() - 2 * 24 * 3600)):
        response = client.post(page.url, complete_answers(page) | {"form_token": token})
        assert response.status_code == 400
        assert "send it again" in errors(response)
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_a_token_and_a_proof_of_work_file_one_case_only(client):
    """Posting the same form twice files one case; the replay is told the form was already sent."""
    page = form_page()
    data = complete_answers(page)
    assert client.post(page.url, data).status_code == 302
    again = client.post(page.url, data | {"altcha": proof_of_work()})
    assert again.status_code == 409
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_an_invalid_post_frees_its_token(client):
    """A form refused for a missing answer can be corrected and sent with the same token."""
    page = form_page()
    required = next(field.clean_name for field in page.get_form_fields() if field.required)
    data = complete_answers(page)
    incomplete = {key: value for key, value in data.items() if not key.startswith(required)}
    assert client.post(page.url, incomplete).status_code == 200
    # New file objects (the first post read them to the end), the same token.
    corrected = complete_answers(page) | {"form_token": data["form_token"]}
    assert client.post(page.url, corrected).status_code == 302


@pytest.mark.django_db
def test_a_forged_proof_of_work_counts_as_none(client):
    """A made-up ALTCHA payload is no proof: the no-JS wait applies."""
    page = form_page()
    data = complete_answers(page) | {"form_token": issue_token(), "altcha": "eyJmYWtlIjogdHJ1ZX0="}
    assert client.post(page.url, data).status_code == 429
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_refused_posts_do_not_use_up_the_limit_of_people_sharing_an_address(client, settings):
    """Ten invalid posts from a shared address (a Tor exit) do not stop the next, valid, case."""
    settings.INTAKE_RATE_LIMIT = 2
    page = form_page()
    for _ in range(10):
        client.post(page.url, {"form_token": "x"})
        client.post(page.url, complete_answers(page) | {"form_token": issue_token()} | {"altcha": ""})
    assert client.post(page.url, complete_answers(page)).status_code == 302


@pytest.mark.django_db
def test_the_limit_counts_accepted_submissions(client, settings):
    """After INTAKE_RATE_LIMIT cases from one client, the next is refused for the window; nothing stored."""
    settings.INTAKE_RATE_LIMIT = 2
    page = form_page()
    statuses = [client.post(page.url, complete_answers(page)).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert Case.objects.count() == 2


@pytest.mark.django_db
def test_without_javascript_a_tighter_limit_applies(client, settings):
    """No-JS submissions have their own, smaller limit per client; with proof-of-work one can go on."""
    settings.INTAKE_NOJS_RATE_LIMIT = 1
    page = form_page()
    first = client.post(page.url, complete_answers(page, javascript=False))
    second = client.post(page.url, complete_answers(page, javascript=False))
    assert [first.status_code, second.status_code] == [302, 429]
    assert "JavaScript" in errors(second)
    assert client.post(page.url, complete_answers(page)).status_code == 302


@pytest.mark.django_db
def test_ipv6_clients_are_counted_per_64_block(client, settings):
    """Rotating addresses inside one /64 shares a bucket; another /64 has its own."""
    settings.INTAKE_RATE_LIMIT = 1
    page = form_page()

    def post(address):
        return client.post(page.url, complete_answers(page), REMOTE_ADDR=address).status_code

    assert post("2001:db8:1:2::1") == 302
    assert post("2001:db8:1:2:ffff::9") == 429
    assert post("2001:db8:1:3::1") == 302


def test_address_groups():
    """IPv4 stays as it is, IPv6 becomes its /64, IPv4-mapped IPv6 is the IPv4 address."""
    assert client_group("198.51.100.7") == "198.51.100.7"
    assert client_group("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"
    assert client_group("::ffff:198.51.100.7") == "198.51.100.7"
    assert client_group("not an address") == "not an address"


@pytest.mark.django_db
def test_a_script_sending_many_posts_without_the_check_stores_nothing(client):
    """A script that replays one filled-in form 200 times, without new tokens or proofs, files one case."""
    page = form_page()
    data = complete_answers(page)
    statuses = {client.post(page.url, data).status_code for _ in range(200)}
    assert Case.objects.count() == 1
    assert statuses == {302, 409}


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "word"), [("en", "wait"), ("zh-hans", "稍等"), ("zh-hant", "稍等")])
def test_the_stepped_form_without_javascript_asks_for_the_wait_and_keeps_its_token(client, language, word):
    """No-JS "Send my case" on the review page right after it was shown: refused (429) with the
    wait in the claimant's language, nothing filed, the answers listed again and the same token kept
    (the wait is not restarted); sent again once the wait has passed, the case is filed."""
    page = form_page(language)
    review = walk_to_review(client, page)
    token = soup(review).select_one("input[name=form_token]")["value"]
    step = str(progress(review)[0])
    response = client.post(page.url, {STEP_FIELD: step, ACTION_FIELD: "submit", "form_token": token})
    assert response.status_code == 429
    assert word in errors(response)
    assert Case.objects.count() == 0
    document = soup(response)
    assert document.select_one(".review-answers")
    assert document.select_one("input[name=form_token]")["value"] == token
    waited = human_check(javascript=False)
    assert client.post(page.url, {STEP_FIELD: step, ACTION_FIELD: "submit", **waited}).status_code == 302
    assert Case.objects.count() == 1
