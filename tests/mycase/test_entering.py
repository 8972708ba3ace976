"""Entering My case with the receipt code: right, wrong, typed loosely, throttled, never leaked."""

import logging

import pytest

from forms_app.intake import mycase_access
from tests.helpers import soup, visible_text
from tests.intake.builders import human_check

from .builders import enter, filed_case

pytestmark = pytest.mark.django_db

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def test_the_right_code_opens_the_case_page(client, filed):
    """The right code leads to the case page, which shows the reference and the status."""
    case, code = filed
    response = enter(client, code)
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/cases/my-case/case/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    text = visible_text(soup(page))
    assert case.reference in text
    assert "新" in text  # the status "New" in Simplified Chinese


def test_a_wrong_code_is_refused_with_a_translated_message(client, filed):
    """A code of no case gets the form again with a message in the page's language; no session."""
    _case, code = filed
    wrong = str((int(code) + 1) % 10**20).zfill(20)
    response = enter(client, wrong, language="zh-hant")
    assert response.status_code == 200
    assert "此回執碼無法開啟任何案件" in visible_text(soup(response))
    assert client.get("/zh-hant/cases/my-case/case/").status_code == 302


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: " ".join(code[i : i + 4] for i in range(0, 20, 4)),
        lambda code: "-".join(code[i : i + 5] for i in range(0, 20, 5)),
        lambda code: code.translate(FULL_WIDTH),
        lambda code: "　" + code[:10].translate(FULL_WIDTH) + "－" + code[10:] + " ",
    ],
    ids=["spaces", "dashes", "full-width", "mixed"],
)
def test_spaces_dashes_and_full_width_digits_are_accepted(client, filed, typed):
    """Spaces and dashes are ignored and full-width digits read as digits (NFKC)."""
    _case, code = filed
    response = client.post("/en/cases/my-case/", {"code": typed(code), **human_check()})
    assert response.status_code == 302


def test_letters_are_not_a_code(client, filed):
    """Anything but digits, spaces and dashes is not a code: refused like a wrong one."""
    _case, code = filed
    response = client.post("/en/cases/my-case/", {"code": code[:-1] + "x", **human_check()})
    assert response.status_code == 200 and soup(response).select_one(".form-error-summary") is not None


def test_many_wrong_codes_from_one_client_are_throttled(client, filed, settings):
    """After MYCASE_CLIENT_ATTEMPTS wrong codes the client gets 429 and even the right code is not
    checked; another client can still enter."""
    settings.MYCASE_CLIENT_ATTEMPTS = 3
    _case, code = filed
    for attempt in range(3):
        assert client.post("/en/cases/my-case/", {"code": "1" * 20, **human_check()}).status_code == 200, attempt
    throttled = client.post("/en/cases/my-case/", {"code": code, **human_check()})
    assert throttled.status_code == 429
    assert "15 minutes" in visible_text(soup(throttled))
    other = client.post("/en/cases/my-case/", {"code": code, **human_check()}, REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 302


def test_wrong_codes_spread_over_many_clients_are_throttled_site_wide(client, filed, settings):
    """Guessing from many addresses trips the looser site-wide limit, for everyone."""
    settings.MYCASE_CLIENT_ATTEMPTS = 100
    settings.MYCASE_SITE_ATTEMPTS = 5
    _case, code = filed
    for number in range(5):
        client.post("/zh-hans/cases/my-case/", {"code": "2" * 20, **human_check()}, REMOTE_ADDR=f"198.51.100.{number}")
    response = client.post("/zh-hans/cases/my-case/", {"code": code, **human_check()}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert "小时" in visible_text(soup(response))


def test_the_code_is_in_no_url_cookie_log_or_page(client, filed, caplog):
    """Neither the code nor any four digits of it appear in a redirect, a cookie, the session, a log
    line or the page after entering; a wrong code is not shown back either."""
    _case, code = filed
    caplog.set_level(logging.DEBUG)
    response = enter(client, code)
    seen = [response["Location"], client.get(response["Location"]).content.decode()]
    seen += [f"{morsel.key}={morsel.value}" for morsel in client.cookies.values()]
    seen += [str(dict(client.session))]
    wrong = enter(client.__class__(), "9" * 20)
    seen.append(wrong.content.decode())
    seen += [record.getMessage() for record in caplog.records]
    for text in seen:
        assert code not in text
        assert code[:4] + " " + code[4:8] not in text
        assert "9" * 20 not in text


def test_every_page_is_private(client, filed):
    """no-store caching, no referrer, and no autofill on the forms."""
    _case, code = filed
    for response in [client.get("/en/cases/my-case/"), client.get(enter(client, code)["Location"])]:
        assert "no-store" in response["Cache-Control"]
        assert response["Referrer-Policy"] == "no-referrer"
        document = soup(response)
        assert document.select_one('meta[name="referrer"]')["content"] == "no-referrer"
        for form in document.select("form"):
            assert form.get("autocomplete") == "off"


def test_the_session_ends_after_idling_and_with_leave(client, filed, settings, monkeypatch):
    """Idle longer than MYCASE_IDLE_SECONDS: back to the code form with a message. "Leave" ends it at once."""
    _case, code = filed
    enter(client, code)
    clock = [mycase_access.time.time()]
    monkeypatch.setattr(mycase_access.time, "time", lambda: clock[0])
    assert client.get("/en/cases/my-case/case/").status_code == 200
    clock[0] += settings.MYCASE_IDLE_SECONDS + 1
    ended = client.get("/en/cases/my-case/case/", follow=True)
    assert ended.redirect_chain[0][0] == "/en/cases/my-case/"
    assert "has ended" in visible_text(soup(ended))
    monkeypatch.undo()

    enter(client, code)
    assert client.get("/en/cases/my-case/case/").status_code == 200
    left = client.post("/en/cases/my-case/leave/", follow=True)
    assert "You have left My case" in visible_text(soup(left))
    assert client.get("/en/cases/my-case/case/").status_code == 302


def test_the_session_ends_an_hour_after_entering_even_when_active(client, filed, settings, monkeypatch):
    """The absolute limit holds however busy the claimant is."""
    _case, code = filed
    enter(client, code)
    clock = [mycase_access.time.time()]
    monkeypatch.setattr(mycase_access.time, "time", lambda: clock[0])
    for _step in range(settings.MYCASE_MAX_SECONDS // (settings.MYCASE_IDLE_SECONDS - 60)):
        clock[0] += settings.MYCASE_IDLE_SECONDS - 60
        assert client.get("/en/cases/my-case/case/").status_code == 200
    clock[0] += settings.MYCASE_IDLE_SECONDS - 60
    assert client.get("/en/cases/my-case/case/").status_code == 302


def test_my_case_is_in_every_footer(client, demo_site):
    """Every public page links to My case in its language."""
    for language in ("en", "zh-hans", "zh-hant"):
        document = soup(client.get(f"/{language}/"))
        assert document.select_one(f'.site-footer a[href="/{language}/cases/my-case/"]') is not None


def test_a_withdrawn_case_cannot_be_opened(client):
    """After erasure the code opens nothing."""
    from forms_app.cases.erasure import withdraw

    case, code = filed_case()
    withdraw(case)
    assert enter(client, code).status_code == 200
    assert client.get("/en/cases/my-case/case/").status_code == 302


def test_forms_posted_from_no_referrer_pages_still_need_the_csrf_token(filed):
    """Browsers post from no-referrer pages with "Origin: null": accepted with the CSRF token,
    refused (403) without it."""
    from django.test import Client

    _case, code = filed
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/en/cases/my-case/")
    token = soup(page).select_one("input[name=csrfmiddlewaretoken]")["value"]
    data = {"code": code, **human_check()}
    assert browser.post("/en/cases/my-case/", data, HTTP_ORIGIN="null").status_code == 403
    data["csrfmiddlewaretoken"] = token
    assert browser.post("/en/cases/my-case/", data, HTTP_ORIGIN="null").status_code == 302
    other = "https://evil.example"
    assert Client(enforce_csrf_checks=True).post("/en/cases/my-case/", data, HTTP_ORIGIN=other).status_code == 403
