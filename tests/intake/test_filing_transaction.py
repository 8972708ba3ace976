"""Filing is one transaction: the case, its rows, its mail tasks and its form wording, or nothing."""

import pytest
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from forms_app.models import Case, FormWording
from tests.builders import intake_form
from tests.intake.builders import complete_answers
from tests.intake.test_intake import FailingEvidenceStorage

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def failing_evidence_storage(settings, evidence_dir):
    FailingEvidenceStorage.saves = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "tests.intake.test_intake.FailingEvidenceStorage",
            "OPTIONS": {"location": str(evidence_dir)},
        },
    }


def mail_tasks():
    """The case's tasks (creating the form pages queues search-index tasks too)."""
    return DBTaskResult.objects.filter(task_path__startswith="forms_app.cases.tasks.")


def test_a_reference_already_taken_is_drawn_again_and_the_case_is_filed(client, monkeypatch):
    page = intake_form("account_closure", "zh-hans")
    assert client.post(page.url, complete_answers(page, files=[])).status_code == 302
    taken = Case.objects.get().reference
    drawn = iter([taken, "WC-TEST-2345"])
    monkeypatch.setattr(Case._meta.get_field("reference"), "_get_default", lambda: next(drawn))
    response = client.post(page.url, complete_answers(page, files=[]))
    assert response.status_code == 302
    assert sorted(Case.objects.values_list("reference", flat=True)) == sorted([taken, "WC-TEST-2345"])


def test_a_receipt_code_already_taken_is_drawn_again_and_the_case_is_filed(client, monkeypatch):
    """The uniqueness of receipt codes is a named constraint (case_receipt_code_unique): its
    violation must still be told apart from other errors, on SQLite and on PostgreSQL."""
    from forms_app.intake import submission

    page = intake_form("account_closure", "zh-hans")
    assert client.post(page.url, complete_answers(page, files=[])).status_code == 302
    taken = iter([Case.objects.get().receipt_code_hash])
    real_hash = submission.receipt_code_hash
    monkeypatch.setattr(submission, "receipt_code_hash", lambda code: next(taken, None) or real_hash(code))
    response = client.post(page.url, complete_answers(page, files=[]))
    assert response.status_code == 302
    assert Case.objects.count() == 2
    assert len(set(Case.objects.values_list("receipt_code_hash", flat=True))) == 2


def test_with_the_database_queue_the_mail_tasks_are_stored_with_the_case(client, database_queue):
    page = intake_form("persecution", "en")
    with CaptureQueriesContext(connection) as queries:
        assert client.post(page.url, complete_answers(page, files=[])).status_code == 302
    case = Case.objects.get()
    # One task for both e-mails: one row written in the case's transaction.
    assert list(mail_tasks().values_list("task_path", "args_kwargs")) == [
        ("forms_app.cases.tasks.announce_new_case", {"args": [case.pk], "kwargs": {}}),
    ]
    # The case's insert needs no savepoint of its own (a collision retries the whole transaction).
    statements = [query["sql"] for query in queries.captured_queries]
    insert = next(i for i, sql in enumerate(statements) if sql.startswith('INSERT INTO "forms_app_case"'))
    assert not statements[insert - 1].startswith("SAVEPOINT")


def test_the_task_row_written_with_the_case_is_the_one_the_queue_itself_writes(client, database_queue):
    """Filing writes the task's row itself (cases.tasks.queue_rows, in one statement with the case's
    other rows): it must stay what django_tasks_db's own enqueue writes, a row its worker runs."""
    from forms_app.cases.tasks import announce_new_case

    page = intake_form("account_closure", "en")
    assert client.post(page.url, complete_answers(page, files=[])).status_code == 302
    case = Case.objects.get()
    filed = mail_tasks().get()
    enqueued = DBTaskResult.objects.get(pk=announce_new_case.enqueue(case.pk).id)

    def columns(row):
        return {
            field.attname: getattr(row, field.attname)
            for field in DBTaskResult._meta.concrete_fields
            if field.attname not in ("id", "enqueued_at")
        }

    assert columns(filed) == columns(enqueued)
    assert filed.enqueued_at is not None
    assert DBTaskResult.objects.ready().filter(pk=filed.pk).exists()


def test_a_case_that_fails_leaves_no_mail_task_and_no_remembered_wording(
    client, database_queue, failing_evidence_storage
):
    FormWording._committed.clear()
    page = intake_form("privacy_censorship", "en")
    assert client.post(page.url, complete_answers(page)).status_code == 422
    assert not Case.objects.exists()
    assert not mail_tasks().exists()
    assert not FormWording.objects.exists()
    assert not FormWording._committed


def test_wording_seen_committed_is_stored_once_and_forgotten_when_the_database_is_flushed(
    client, django_capture_on_commit_callbacks
):
    FormWording._committed.clear()
    page = intake_form("account_closure", "en")
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(page.url, complete_answers(page, files=[])).status_code == 302
    assert FormWording.objects.count() == 1
    assert set(Case.objects.values_list("wording_id", flat=True)) == FormWording._committed
    # What "flush" (and a migrate of a new database) sends.
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert not FormWording._committed


def test_a_session_key_already_taken_is_drawn_again_and_the_other_session_is_untouched(monkeypatch):
    """New session keys are not looked up first (cms/sessions.py): the insert refuses a key already
    taken, and another is drawn, so no session is ever written over."""
    from django.contrib.sessions.models import Session

    from cms import sessions

    first = sessions.SessionStore()
    first["who"] = "first"
    first.save()
    drawn = iter([first.session_key, "b" * 32])
    monkeypatch.setattr(sessions, "get_random_string", lambda *args: next(drawn))
    second = sessions.SessionStore()
    second["who"] = "second"
    second.save()
    assert second.session_key == "b" * 32
    assert sessions.SessionStore(first.session_key).load() == {"who": "first"}
    assert Session.objects.count() == 2


ON_POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture
def wording_stored(client, django_capture_on_commit_callbacks):
    """A first case of the form, committed (as far as this process knows), stores its wording;
    forgotten afterwards, since the test's transaction is rolled back."""
    FormWording._committed.clear()

    def file_first(page):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(page.url, complete_answers(page, files=[])).status_code == 302
        return Case.objects.get()

    yield file_first
    FormWording._committed.clear()


def filing_writes(client, page, answers):
    with CaptureQueriesContext(connection) as queries:
        assert client.post(page.url, answers).status_code == 302
    return [
        query["sql"] for query in queries.captured_queries if query["sql"].startswith(("INSERT", "WITH", "UPDATE"))
    ]


def test_once_its_wording_is_stored_a_case_and_all_its_rows_are_one_statement_on_postgresql(
    client, database_queue, wording_stored
):
    """The case, its evidence, consents, contact, identifiers and mail task: one INSERT, which
    outside a transaction (production) needs no BEGIN and COMMIT of its own."""
    from forms_app.models import CaseConsent, ClaimantContact, Evidence

    page = intake_form("account_closure", "en")
    first = wording_stored(page)
    writes = filing_writes(client, page, complete_answers(page))
    case = Case.objects.exclude(pk=first.pk).get()
    if ON_POSTGRESQL:
        assert len(writes) == 1
        assert writes[0].startswith('WITH inserted_0 AS (INSERT INTO "forms_app_case"')
    else:
        assert writes[0].startswith('INSERT INTO "forms_app_case"')
    assert case.answers == Case.objects.get(pk=case.pk).answers  # sealed, and opened with its key
    assert case.questions_as_seen == first.questions_as_seen
    assert case.wording_id == first.wording_id
    assert Evidence.objects.filter(case=case).count() == 2
    assert CaseConsent.objects.filter(case=case).count() == CaseConsent.objects.filter(case=first).count() > 0
    assert ClaimantContact.objects.filter(case=case).exists()
    assert list(mail_tasks().filter(args_kwargs__args=[case.pk]).values_list("task_path", flat=True)) == [
        "forms_app.cases.tasks.announce_new_case"
    ]


def test_a_reference_taken_in_the_one_statement_leaves_no_row_and_is_drawn_again(
    client, database_queue, wording_stored, monkeypatch
):
    from forms_app.models import CaseConsent

    page = intake_form("account_closure", "zh-hans")
    taken = wording_stored(page).reference
    consents_of_one = CaseConsent.objects.count()
    drawn = iter([taken, "WC-TEST-2345"])
    monkeypatch.setattr(Case._meta.get_field("reference"), "_get_default", lambda: next(drawn))
    writes = filing_writes(client, page, complete_answers(page, files=[]))
    if ON_POSTGRESQL:
        assert [sql.startswith("WITH inserted_0") for sql in writes] == [True, True]  # refused, then written
    assert sorted(Case.objects.values_list("reference", flat=True)) == sorted([taken, "WC-TEST-2345"])
    assert CaseConsent.objects.count() == 2 * consents_of_one
    assert mail_tasks().count() == 2
