"""What a claimant does on "My case" that writes files: a reply or evidence with a note.

Files go through the intake's own steps (forms_app.evidence checks and cleans them, and
submission.store_evidence seals and stores them); everything is saved in one transaction or not at
all, and files written before a failure are deleted.
"""

import logging

from django.db import transaction

from ..cases import activity, erasure, evidence_store
from ..cases.models import ConsentUse
from .submission import SubmissionFailed, store_evidence

logger = logging.getLogger(__name__)


def keeps_originals(case):
    return activity.consents_of(case)[ConsentUse.KEEP_ORIGINALS].granted


def send(case, *, question=None, text="", uploads=()):
    """A reply to ``question`` (or, without one, evidence with a note). Raises SubmissionFailed
    (nothing kept) or activity.CaseWithdrawn."""
    keep = keeps_originals(case)
    written = []
    try:
        with transaction.atomic():
            evidence = [store_evidence(case, upload, keep, written) for upload in uploads]
            return activity.claimant_sent(case, question=question, text=text, evidence=evidence)
    except activity.CaseWithdrawn:
        evidence_store.delete_files(written)
        raise
    except Exception as error:
        evidence_store.delete_files(written)
        # The type only: a message could quote what the claimant wrote.
        logger.error("Saving a claimant's reply failed: %s", type(error).__name__)
        raise SubmissionFailed from error


def set_consent(case, use, granted):
    """Grant or revoke one use; revoking "keep originals" deletes the stored originals."""
    on_revoke = erasure.delete_originals if use == ConsentUse.KEEP_ORIGINALS else None
    return activity.set_consent(case, use, granted, on_revoke=on_revoke)
