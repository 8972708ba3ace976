"""Side effects survive the web process: an e-mail queued at filing is sent by a worker started later."""

import pytest
from aiosmtpd.controller import Controller

from .services import free_port, manage, production_env, python

FILE_A_CASE = """
from django.test import Client
from django_tasks_db.models import DBTaskResult
from forms_app.models import Case, IntakeFormPage
from tests.intake.builders import complete_answers

page = IntakeFormPage.objects.live().get(case_type="account_closure", locale__language_code="zh-hans")
response = Client(HTTP_HOST="localhost").post(page.url, complete_answers(page))
assert response.status_code == 302, response.status_code
queued = DBTaskResult.objects.filter(status="READY")
print(Case.objects.get().reference, queued.count(), ",".join(sorted(queued.values_list("task_path", flat=True))))
"""

pytestmark = pytest.mark.servers


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free loopback port, collecting what it receives."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, inbox
    controller.stop()


def test_the_worker_sends_the_queued_notification_after_the_web_process_is_gone(tmp_path, smtp_server):
    """A case filed by a web process (production settings, database task queue, no worker running)
    leaves its staff notification queued and sends nothing; `manage.py db_worker --batch`, started
    after that process has exited, sends the staff mail and the claimant's acknowledgement over
    SMTP with the reference and nothing of the answers."""
    port, inbox = smtp_server
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'cases.sqlite3'}",
        PRIVATE_STORAGE_ROOT=tmp_path / "private",
        MAILER_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        CASE_NOTIFICATION_EMAIL="intake-team@example.org",
        DEFAULT_FROM_EMAIL="cases@example.org",
    )
    # Setting up the site runs its own tasks (search indexing) inline; only the filing is queued.
    inline = {**env, "TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
    manage(inline, "migrate", "--noinput")
    manage(inline, "createcachetable")  # as a release does (README, Production): ALTCHA's replay guard
    manage(inline, "seed_demo")

    reference, queued, task_paths = python(env, FILE_A_CASE).split()
    assert (queued, task_paths) == ("1", "forms_app.cases.tasks.announce_new_case")
    assert inbox.messages == []

    manage(env, "db_worker", "--batch", "--no-startup-delay", timeout=120)
    recipients = sorted(envelope.rcpt_tos[0] for envelope in inbox.messages)
    assert "intake-team@example.org" in recipients and len(recipients) == 2
    for envelope in inbox.messages:
        text = envelope.content.decode()
        assert reference in text
        for answer in ("wxid_test123", "Zhang San", "1234.50"):
            assert answer not in text
