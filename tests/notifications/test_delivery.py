"""How mail leaves: a real SMTP server, anymail with tracking off, retries when the provider
fails, the bounce webhook and its signature, the mainland-China provider warning."""

import base64
import json

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.test import Client

from forms_app.cases import tasks
from forms_app.cases.mail.addresses import address_hash
from forms_app.cases.models import Case, MailFailure, UndeliverableAddress
from tests.builders import intake_form
from tests.intake.builders import complete_answers, human_check
from tests.production.services import free_port

from .helpers import file_distinct_case, secrets_of

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on a free loopback port, and Django's SMTP backend pointed at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 5},
        }
    }
    yield inbox
    controller.stop()


def test_the_acknowledgement_crosses_a_real_smtp_server_as_utf8_without_remote_content(
    smtp_inbox, monkeypatch, settings, django_capture_on_commit_callbacks
):
    """Through Django's SMTP backend and a real server: the Chinese acknowledgement arrives as
    UTF-8 text and HTML, with no image, no remote resource, nothing the claimant typed, no code."""
    import email
    from email import policy

    settings.CASE_NOTIFICATION_EMAIL = "intake-team@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        new_case = file_distinct_case(monkeypatch, "persecution", "zh-hans")
    received = {tuple(envelope.rcpt_tos): envelope for envelope in smtp_inbox.envelopes}
    assert set(received) == {("intake-team@example.org",), ("zebracorn.claimant@example.net",)}
    parsed = email.message_from_bytes(received[("zebracorn.claimant@example.net",)].content, policy=policy.default)
    assert "我们已收到您的案件" in parsed["Subject"]
    text = parsed.get_body(("plain",))
    html = parsed.get_body(("html",))
    assert text.get_content_charset() == "utf-8" and html.get_content_charset() == "utf-8"
    assert "回执码" in text.get_content()
    html_text = html.get_content()
    assert "<img" not in html_text and "src=" not in html_text and "<script" not in html_text
    for envelope in smtp_inbox.envelopes:
        parsed_message = email.message_from_bytes(envelope.content, policy=policy.default)
        decoded = str(parsed_message["Subject"])  # the To header names the recipient, of course
        for part in parsed_message.walk():
            if part.get_content_maintype() == "text":
                decoded += part.get_content()
        for secret in secrets_of(new_case):
            assert secret not in decoded


def test_anymail_sends_with_open_and_click_tracking_off(monkeypatch, settings, django_capture_on_commit_callbacks):
    """Through an anymail backend (its test backend, configured by MAILERS), every message asks
    the provider for no open and no click tracking."""
    settings.MAILERS = {"default": {"BACKEND": "anymail.backends.test.EmailBackend"}}
    settings.CASE_NOTIFICATION_EMAIL = "intake-team@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        file_distinct_case(monkeypatch)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert message.anymail_test_params["track_opens"] is False
        assert message.anymail_test_params["track_clicks"] is False


def test_a_failing_provider_leaves_the_case_saved_and_the_mail_retried_then_listed(
    settings, django_capture_on_commit_callbacks
):
    """SMTP refusing connections: the filing still succeeds; each message is tried again
    (MAIL_RETRY_DELAYS) and after the last attempt recorded for administrators, without address."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        }
    }
    settings.MAIL_RETRY_DELAYS = [1, 1]
    settings.CASE_NOTIFICATION_EMAIL = "intake-team@example.org"
    page = intake_form("persecution", "en")
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(page.url, complete_answers(page, files=[]))
    assert response.status_code == 302
    case = Case.objects.get()
    failures = sorted(MailFailure.objects.values_list("message", "reference", "attempts", "error"))
    assert failures == [
        ("claimant:acknowledgement", case.reference, 3, "ConnectionRefusedError"),
        ("staff:new_case", case.reference, 3, "ConnectionRefusedError"),
    ]


def test_with_the_database_queue_a_failed_send_is_queued_again_for_later(monkeypatch, settings):
    """On the database queue a failed attempt is re-enqueued with a later run_after and the next
    attempt number (the worker then picks it up when it is due)."""
    from django_tasks_db.models import DBTaskResult

    new_case = file_distinct_case(monkeypatch)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        }
    }
    tasks.send_claimant_mail.call(new_case.case.pk, "acknowledgement")
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "forms_app.cases.tasks.send_claimant_mail"
    assert queued.args_kwargs == {"args": [new_case.case.pk, "acknowledgement"], "kwargs": {"attempt": 2}}
    assert queued.run_after is not None
    assert not MailFailure.objects.exists()


def postmark_bounce(address):
    return json.dumps({"RecordType": "Bounce", "Type": "HardBounce", "TypeCode": 1, "Email": address, "ID": 1})


def auth(credentials):
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(credentials.encode()).decode()}


def test_the_bounce_webhook_checks_its_secret_and_stops_mail_to_the_address(
    monkeypatch, settings, django_capture_on_commit_callbacks
):
    """Without the right basic-auth secret the webhook refuses and records nothing (403 when no
    secret is configured); with it, a bounce marks the address (as a keyed hash) and the claimant
    gets no more e-mail."""
    url = "/mail/postmark/tracking/"
    body = postmark_bounce("zebracorn.claimant@example.net")
    client = Client()
    settings.ANYMAIL = {}
    assert client.post(url, body, content_type="application/json").status_code == 403
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret-value"}
    assert client.post(url, body, content_type="application/json").status_code == 400
    assert client.post(url, body, content_type="application/json", **auth("hook:wrong")).status_code == 400
    assert not UndeliverableAddress.objects.exists()
    assert client.post(url, body, content_type="application/json", **auth("hook:s3cret-value")).status_code == 200
    marked = UndeliverableAddress.objects.get()
    assert marked.address_hash == address_hash("zebracorn.claimant@example.net") and marked.reason == "bounced"

    with django_capture_on_commit_callbacks(execute=True):
        file_distinct_case(monkeypatch, contact_preference_0=["email"])
    assert "zebracorn.claimant@example.net" not in [message.to[0] for message in mail.outbox]


WARNING = {
    "en": "operated in mainland China",
    "zh-hans": "在中国大陆运营的电子邮件服务商",
    "zh-hant": "在中國大陸營運的電子郵件服務商",
}


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_an_address_at_a_mainland_provider_is_warned_before_opting_in(language):
    """E-mail as a safe channel at qq.com: the form comes back with the warning in the claimant's
    language and an "I understand" box; ticking it files the case; another provider passes at once."""
    page = intake_form("persecution", language)
    data = complete_answers(page, files=[])
    data.update(contact_email="someone@vip.qq.com", contact_preference_0=["email"])
    client = Client()
    response = client.post(page.url, data)
    assert response.status_code == 200
    assert WARNING[language] in response.content.decode()
    assert 'name="china_mail_understood"' in response.content.decode()
    assert not Case.objects.exists()
    # As a browser: the page sent back keeps its form token and the widget solves a new challenge;
    # the next case starts from a freshly opened form (a new token and a new challenge).
    again = {**data, "altcha": human_check()["altcha"], "china_mail_understood": "on"}
    assert client.post(page.url, again).status_code == 302
    other = {**data, **human_check(), "contact_email": "someone@proton.me"}
    assert client.post(page.url, other).status_code == 302
