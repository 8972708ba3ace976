"""Validate a batch of uploads and build their metadata-free working copies."""

import hashlib
import logging
from dataclasses import dataclass, field

from . import limits
from .errors import (
    CASE_TOO_LARGE,
    FILE_TOO_LARGE,
    TOO_MANY_FILES,
    UNREADABLE,
    EvidenceRejected,
    human_size,
)
from .names import FALLBACK_STEM, display_name
from .sandbox import process_in_sandbox

logger = logging.getLogger(__name__)

_READ_CHUNK = 64 * 1024


@dataclass(frozen=True)
class ProcessedEvidence:
    display_name: str  # the claimant's filename made safe to show; never a path
    kind: str  # "image" | "pdf" | "text" | "audio" | "video"
    # Contents stay out of repr() so they never land in logs or tracebacks.
    original: bytes = field(repr=False)
    original_mime: str
    original_sha256: str
    working: bytes = field(repr=False)
    working_mime: str
    working_extension: str
    working_sha256: str
    # False only for audio or video that ffmpeg could not rewrite: the working copy is then the
    # original, and the form accepts it only with the claimant's consent to keep originals.
    metadata_removed: bool
    size: int


def process_uploads(files):
    """Check and process every upload; raise EvidenceRejected naming each refused file.

    Sizes are checked here; everything that parses a file's contents runs in the sandbox child
    (sandbox.py), all of one request's files in one child. Every file is examined so the
    claimant learns about all problems at once; when several are refused the exception lists
    them all (``.messages``) and ``.code`` is the first one's. A refusal of the whole request
    (too many pixels together, or a sandbox failure) is raised alone.
    """
    files = [upload for upload in files if upload]
    if len(files) > limits.max_files():
        raise EvidenceRejected(TOO_MANY_FILES, count=len(files), limit=limits.max_files())
    checked, total = [], 0  # (name, bytes or the refusal)
    for upload in files:
        name = display_name(getattr(upload, "name", ""))
        data = _read(upload, limits.max_file_bytes())
        if data is None:
            checked.append((name, EvidenceRejected(FILE_TOO_LARGE, name, limit=human_size(limits.max_file_bytes()))))
            continue
        total += len(data)
        if total > limits.max_case_bytes():
            checked.append((name, EvidenceRejected(CASE_TOO_LARGE, name, limit=human_size(limits.max_case_bytes()))))
        elif not data:
            checked.append((name, EvidenceRejected(UNREADABLE, name)))
        else:
            checked.append((name, data))
    contents = [item for _name, item in checked if isinstance(item, bytes)]
    outcomes = iter(_sandboxed(contents))
    results, errors = [], []
    for name, item in checked:
        result = item if isinstance(item, EvidenceRejected) else _result(name, item, *next(outcomes))
        (errors if isinstance(result, EvidenceRejected) else results).append(result)
    if errors:
        raise EvidenceRejected.several(errors)
    return results


def _sandboxed(contents):
    """[(Outcome, working bytes)] for each content, in order; raises for a whole-request refusal."""
    if not contents:
        return []
    request_error, outcomes, working = process_in_sandbox(contents)
    if request_error:
        raise EvidenceRejected(request_error)
    return list(zip(outcomes, working, strict=True))


def _result(name, data, outcome, working):
    """ProcessedEvidence, or the EvidenceRejected naming the file."""
    if outcome.error:
        if outcome.detail:
            # The kind of failure only: names and contents are the claimant's secrets.
            logger.info("Evidence refused as %s (%s)", outcome.error, outcome.detail)
        return EvidenceRejected(outcome.error, name)
    if name == FALLBACK_STEM:  # the upload had no usable name: "evidence.jpg"
        name = display_name("", outcome.working_extension)
    return ProcessedEvidence(
        display_name=name,
        kind=outcome.kind,
        original=data,
        original_mime=outcome.mime,
        original_sha256=hashlib.sha256(data).hexdigest(),
        working=working,
        working_mime=outcome.working_mime,
        working_extension=outcome.working_extension,
        working_sha256=hashlib.sha256(working).hexdigest(),
        metadata_removed=outcome.metadata_removed,
        size=len(data),
    )


def _read(upload, limit):
    """The upload's bytes, or None if it holds more than ``limit`` (its .size is not trusted)."""
    if hasattr(upload, "seek"):
        upload.seek(0)
    chunks, size = [], 0
    while size <= limit:
        chunk = upload.read(min(_READ_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return None if size > limit else b"".join(chunks)
