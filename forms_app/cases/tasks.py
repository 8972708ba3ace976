"""Side effects of a case, run after its transaction commits, through Django's task framework.

E-mails say only that something happened and where to look: never answers, names or codes
(forms_app.cases.mail). A message that fails is tried again later (MAIL_RETRY_DELAYS, with the
database queue's ``run_after``); after the last attempt it is logged, without any address, and
recorded as a MailFailure that administrators see in the admin. Nothing here can undo or delay
the filing of a case: it is already committed when these run.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .mail import claimant as claimant_mail
from .mail import staff as staff_mail
from .models import Case, ClaimantMail, DigestEntry, MailFailure, StaffEvent

logger = logging.getLogger(__name__)


def enqueue_after_commit(task_function, *args):
    """Queue ``task_function(*args)`` so that it runs only if the current transaction commits.

    The database queue (django_tasks_db) stores the task as a row in this very transaction: it
    exists if and only if the case does, and filing commits once instead of three times. Any
    other backend (the immediate one in development and tests runs the task at once) is given
    the task after the commit."""
    if _queued_in_this_database(task_function):
        task_function.enqueue(*args)
    else:
        transaction.on_commit(lambda: task_function.enqueue(*args))


def case_filed_task_is_a_row():
    """Whether case_filed_rows gives the task's row to insert (the database queue), rather than
    leaving the task to be given to another backend at the commit."""
    return _queued_in_this_database(announce_new_case)


def _queued_in_this_database(task_function):
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task_function.get_backend(), DatabaseBackend)


def queue_rows(task_function, *args):
    """Queue ``task_function(*args)`` to run only if the current transaction commits, for a caller
    that writes rows itself: with the database queue, the task's row, unsaved, for the caller to
    insert in its transaction; with any other backend, nothing (the task is given to it after the
    commit, as enqueue_after_commit does).

    Filing writes this row with the case's other rows in one statement (cases/inserts.py). The row
    is the one django_tasks_db's DatabaseBackend.enqueue writes (its _task_to_db_task and the
    pre_save receiver that sets run_after), without that INSERT of its own and the result objects
    enqueue builds around it, about half a millisecond of CPU a case; tests/intake/
    test_filing_transaction.py compares the two rows. Nor is the task_enqueued signal sent: only
    Django's DEBUG log line listens to it."""
    from django.utils.json import normalize_json
    from django_tasks_db.models import DBTaskResult, get_date_max

    if not _queued_in_this_database(task_function):
        transaction.on_commit(lambda: task_function.enqueue(*args))
        return []
    backend = task_function.get_backend()
    backend.validate_task(task_function)
    return [
        DBTaskResult(
            id=backend._get_id(),
            args_kwargs=normalize_json({"args": list(args), "kwargs": {}}),
            priority=task_function.priority,
            task_path=task_function.module_path,
            queue_name=task_function.queue_name,
            # What django_tasks_db's pre_save receiver puts for "no delay" (inserts send no signals).
            run_after=task_function.run_after or get_date_max(),
            backend_name=backend.alias,
        )
    ]


def retry_later(task_function, attempt, *args):
    """Queue ``task_function(*args, attempt=attempt)`` after the delay for that attempt."""
    delays = settings.MAIL_RETRY_DELAYS
    delay = timedelta(seconds=delays[min(attempt - 2, len(delays) - 1)])
    if task_function.get_backend().supports_defer:
        task_function = task_function.using(run_after=timezone.now() + delay)
    task_function.enqueue(*args, attempt=attempt)


def send_or_retry(mail, task_function, args, attempt, *, what, reference):
    """Send ``mail``; on failure retry later, or after the last attempt record a MailFailure."""
    try:
        mail.send()
    except Exception as error:
        # The exception's type only: its text could quote an address.
        if attempt <= len(settings.MAIL_RETRY_DELAYS):
            logger.warning("E-mail %s for %s failed (attempt %s): %s", what, reference, attempt, type(error).__name__)
            retry_later(task_function, attempt + 1, *args)
        else:
            logger.error(
                "E-mail %s for %s given up after %s attempts: %s", what, reference, attempt, type(error).__name__
            )
            MailFailure.objects.create(message=what, reference=reference, attempts=attempt, error=type(error).__name__)
        return False
    return True


# --- Staff ---------------------------------------------------------------------------------------
@task
def notify_staff(case_id, event):
    """Fan out one staff event: a digest entry or a queued e-mail per recipient."""
    case = staff_mail.load_case(case_id)
    users, fallback = staff_mail.recipients(case, event)
    for user in users:
        if staff_mail.wants_digest(user):
            DigestEntry.objects.create(user=user, case=case, event=event)
        else:
            send_staff_mail.enqueue(case_id, event, user.pk)
    if fallback:
        send_staff_mail.enqueue(case_id, event, None)


@task
def notify_staff_of_new_case(case_id):
    # Queued at filing before announce_new_case did both; kept so that such queued tasks still run.
    notify_staff.call(case_id, StaffEvent.NEW_CASE)


@task
def send_staff_mail(case_id, event, user_id, attempt=1):
    case = staff_mail.load_case(case_id)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id is not None else None
    if user_id is not None and not staff_mail.may_receive(user):
        return
    mail = staff_mail.event_message(case, event, user)
    send_or_retry(
        mail, send_staff_mail, (case_id, event, user_id), attempt, what=f"staff:{event}", reference=case.reference
    )


def send_digest(user):
    """Send ``user`` their pending digest entries; they are removed only once it is sent."""
    entries = list(DigestEntry.objects.filter(user=user).select_related("case"))
    if not entries:
        return 0
    if staff_mail.may_receive(user):
        staff_mail.digest_message(user, entries).send()
    DigestEntry.objects.filter(pk__in=[entry.pk for entry in entries]).delete()
    return len(entries)


# --- Claimant ------------------------------------------------------------------------------------
@task
def send_claimant_mail(case_id, kind, attempt=1):
    """The acknowledgement or "there is news", if the claimant wants e-mail (see mail.claimant)."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None or case.is_erased:
        return
    address = claimant_mail.address_for(case)
    if not address:
        return
    mail = claimant_mail.claimant_message(case, kind, address)
    send_or_retry(
        mail, send_claimant_mail, (case_id, kind), attempt, what=f"claimant:{kind}", reference=case.reference
    )


@task
def announce_new_case(case_id):
    """A new case's side effects, queued as one task at filing (one row in the filing transaction):
    the claimant's acknowledgement is queued as a task of its own first, so that it is sent (and
    retried) whatever happens to the staff notification that follows."""
    send_claimant_mail.enqueue(case_id, ClaimantMail.ACKNOWLEDGEMENT.value)
    notify_staff.call(case_id, StaffEvent.NEW_CASE)


def case_filed_rows(case):
    """After a case is filed, staff are told and the claimant gets the acknowledgement: the queue's
    row (database queue) that filing writes with the case's other rows (see queue_rows)."""
    return queue_rows(announce_new_case, case.pk)


def claimant_news(case):
    enqueue_after_commit(send_claimant_mail, case.pk, ClaimantMail.NEWS.value)


def status_changed(case, to_status):
    if to_status in settings.CLAIMANT_NEWS_STATUSES:
        claimant_news(case)


def staff_event(case, event):
    enqueue_after_commit(notify_staff, case.pk, StaffEvent(event).value)
