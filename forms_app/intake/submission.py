"""Filing a case: one transaction for the case, its answers and its evidence, or nothing at all."""

import logging
from contextlib import nullcontext
from dataclasses import dataclass

from django.db import IntegrityError, connections, router, transaction
from django.utils.translation import gettext_lazy as _

from ..cases import activity, evidence_store, indexing, tasks
from ..cases.inserts import insert_new_rows, reserve_primary_key
from ..cases.models import Case, Evidence, FormWording, ReportedLoss
from ..cases.models.wording import wording_key
from ..cases.receipts import new_receipt_code, receipt_code_hash
from ..evidence import ProcessedEvidence
from . import field_types
from .claimant_state import initial_consents, initial_contact
from .counsel_data import limitation_date_for, position_rows
from .field_types import Role

logger = logging.getLogger(__name__)


@dataclass
class NewCase:
    case: Case
    receipt_code: str


class SubmissionFailed(Exception):
    message = _(
        "We could not save your case because of a problem on our side. Nothing was kept. "
        "Your answers are still below: please try again in a few minutes."
    )


def question_as_seen(field):
    """The wording the claimant saw, in their language, kept with the answer for counsel."""
    seen = {"label": field.label, "help_text": field.help_text, "field_type": field.field_type}
    if field_types.field_type(field.field_type).has_choices:
        seen["choices"] = dict(field.choices_as_pairs())
    return seen


def file_case(page, form, generation=None):
    """Create the Case for a valid form. Raises SubmissionFailed, leaving no row and no file.
    ``generation``: the request's content generation, when known (see counsel_data.limitation_rules)."""
    # Questions left out of the form (not applying, held back untranslated) are not stored at all.
    fields = [field for field in page.get_form_fields() if field.clean_name in form.fields]
    answers, questions, uploads = {}, {}, []
    for field in fields:
        value = form.cleaned_data.get(field.clean_name)
        if isinstance(value, list):
            uploads.extend(item for item in value if isinstance(item, ProcessedEvidence))
        answers[field.clean_name] = field_types.field_type(field.field_type).stored(value)
        questions[field.clean_name] = question_as_seen(field)
    keep_originals = field_types.consented(fields, answers, Role.CONSENT_KEEP_ORIGINAL)
    index = indexing.build_index(
        field_types.searchable_texts(fields, answers), field_types.identifiers(fields, answers)
    )
    limitation_date = limitation_date_for(page.case_type, fields, answers, generation=generation)

    wording = wording_key(questions)

    written = []

    def rows_of(case):
        """The case's other rows, unsaved (evidence files are written at once, named in ``written``)."""
        return [
            *(evidence_row(case, upload, keep_originals, written) for upload in uploads),
            *activity.consent_rows(case, initial_consents(fields, answers), case.submitted_at),
            activity.contact_row(case, initial_contact(fields, answers)),
            *statistics_rows(case, fields, answers),
            *indexing.identifier_rows(case, index),
            *tasks.case_filed_rows(case),
        ]

    try:
        # A new reference or receipt code that collides with an existing one (unlikely) fails the
        # case's insert: the whole transaction (or the one statement) is undone and tried again
        # with fresh ones, so that the insert needs no savepoint of its own.
        for attempt in range(1, REFERENCE_ATTEMPTS + 1):
            try:
                case, receipt_code = new_case(page, len(uploads), index, limitation_date)

                if _in_one_statement(wording):
                    # The case's id is taken first, so that its rows can name it.
                    case.pk = reserve_primary_key(Case)
                    case.set_answers(answers, questions, wording_key=wording)
                    with _savepoint_if_in_a_transaction():
                        insert_new_rows([case, *rows_of(case)])
                    case._state.adding, case._state.db = False, router.db_for_write(Case)
                else:
                    with transaction.atomic():
                        case.set_answers(answers, questions)  # may store the wording
                        case.save(force_insert=True)
                        insert_new_rows(rows_of(case))
                return NewCase(case=case, receipt_code=receipt_code)
            except IntegrityError as error:
                evidence_store.delete_files(written)
                written.clear()
                if attempt == REFERENCE_ATTEMPTS or not _collided(error):
                    raise
    except Exception as error:
        # Files are not transactional: remove what was written before the rollback.
        evidence_store.delete_files(written)
        # The type only: an exception message could quote what the claimant wrote.
        logger.error("Filing a case failed: %s", type(error).__name__)
        raise SubmissionFailed from error


def _in_one_statement(wording):
    """Whether the case and all its rows can be written by one INSERT statement, in autocommit
    (PostgreSQL runs a statement atomically): on PostgreSQL, when filing needs nothing else done at
    a commit (the form's wording already stored, the mail task a row of the database queue). The
    BEGIN, the case's own INSERT and the COMMIT give way to the reservation of its id: two round
    trips fewer and about a twentieth of a submission's CPU. Otherwise (SQLite, the first case of a
    wording, another task backend) filing is one transaction of several statements, with the same
    rows."""
    return (
        connections[router.db_for_write(Case)].vendor == "postgresql"
        and tasks.case_filed_task_is_a_row()
        and FormWording.is_stored(wording)
    )


def _savepoint_if_in_a_transaction():
    """Inside a caller's transaction (tests, say), a failed statement must leave it usable for the
    retry after a collision: a savepoint. Outside one, the statement is its own transaction."""
    in_transaction = connections[router.db_for_write(Case)].in_atomic_block
    return transaction.atomic() if in_transaction else nullcontext()


REFERENCE_ATTEMPTS = 5


def _collided(error):
    """Whether an IntegrityError is a new case's reference or receipt code already being taken."""
    text = str(error.__cause__ or error)
    return "reference" in text or "receipt_code_hash" in text


def new_case(page, evidence_count, index, limitation_date):
    """(the case, its receipt code): the case unsaved, with a fresh reference and receipt code; its
    answers are sealed by the caller (storing the form's wording may need the transaction)."""
    receipt_code = new_receipt_code()
    case = Case(
        case_type=page.case_type,
        language=page.locale.language_code,
        form_page=page,
        form_translation_key=page.translation_key,
        evidence_count=evidence_count,
        receipt_code_hash=receipt_code_hash(receipt_code),
        limitation_date=limitation_date,
    )
    case.create_data_key()
    indexing.apply_index(case, index)
    return case, receipt_code


def store_evidence(case, upload: ProcessedEvidence, keep_original, written):
    """One processed upload, sealed with the case key, saved under generated names; the names
    written are appended to ``written`` so a caller whose transaction fails can delete them."""
    evidence = evidence_row(case, upload, keep_original, written)
    evidence.save()
    return evidence


def evidence_row(case, upload: ProcessedEvidence, keep_original, written):
    """store_evidence's files written and its row made, but not saved (filing inserts the row with
    the case's other rows)."""
    evidence = Evidence(
        case=case,
        kind=upload.kind,
        size=upload.size,
        working_file=evidence_store.new_name(),
        working_mime=upload.working_mime,
        working_extension=upload.working_extension,
        original_mime=upload.original_mime,
        metadata_removed=upload.metadata_removed,
    )
    evidence.seal_manifest(upload.working_sha256, upload.original_sha256)
    evidence.sealed_display_name = case.seal(evidence.purpose("name"), upload.display_name.encode())
    written.append(
        evidence_store.save_sealed(evidence.working_file, case.seal(evidence.purpose("working"), upload.working))
    )
    if keep_original:
        evidence.original_file = evidence_store.new_name()
        written.append(
            evidence_store.save_sealed(
                evidence.original_file, case.seal(evidence.purpose("original"), upload.original)
            )
        )
    return evidence


def loss_rows(case, fields, answers):
    """Money answers as plain numbers, for statistics that need no decryption."""
    return [
        ReportedLoss(case=case, question_key=key, currency=value["currency"], amount=value["amount"], is_loss=is_loss)
        for key, value, is_loss in field_types.money_answers(fields, answers)
    ]


def statistics_rows(case, fields, answers):
    """Plain numbers (losses, trade positions) for statistics: only a claimant who agreed to be
    counted in statistics leaves them behind."""
    if not field_types.consented(fields, answers, Role.CONSENT_STATISTICS):
        return []
    return loss_rows(case, fields, answers) + position_rows(case, fields, answers)
