"""Validate a batch of uploads and build their metadata-free working copies."""

import hashlib
import logging
from dataclasses import dataclass, field

from . import limits
from .errors import (
    CASE_TOO_LARGE,
    FILE_TOO_LARGE,
    FILE_TYPE,
    IMAGE_TOO_LARGE,
    TOO_MANY_FILES,
    UNREADABLE,
    EvidenceRejected,
    human_size,
)
from .images import ImageTooLarge, clean_image
from .names import FALLBACK_STEM, display_name
from .pdfs import clean_pdf
from .sniffing import sniff
from .text import clean_text

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
    metadata_removed: bool  # False for audio and video: reviewers must be told
    size: int


def process_uploads(files):
    """Check and process every upload; raise EvidenceRejected naming each refused file.

    Every file is examined so the claimant learns about all problems at once; when several
    are refused the exception lists them all (``.messages``) and ``.code`` is the first one's.
    """
    files = [upload for upload in files if upload]
    if len(files) > limits.max_files():
        raise EvidenceRejected(TOO_MANY_FILES, count=len(files), limit=limits.max_files())
    results, errors, total = [], [], 0
    for upload in files:
        name = display_name(getattr(upload, "name", ""))
        data = _read(upload, limits.max_file_bytes())
        if data is None:
            errors.append(EvidenceRejected(FILE_TOO_LARGE, name, limit=human_size(limits.max_file_bytes())))
            continue
        total += len(data)
        if total > limits.max_case_bytes():
            errors.append(EvidenceRejected(CASE_TOO_LARGE, name, limit=human_size(limits.max_case_bytes())))
            continue
        try:
            results.append(process_one(data, name))
        except EvidenceRejected as error:
            errors.append(error)
    if errors:
        raise EvidenceRejected.several(errors)
    return results


def process_one(data, name):
    """ProcessedEvidence for one file's bytes; ``name`` is its display name."""
    if not data:
        raise EvidenceRejected(UNREADABLE, name)
    detected = sniff(data)
    if detected is None:
        raise EvidenceRejected(FILE_TYPE, name)
    try:
        working, working_mime, extension = _working_copy(data, detected)
    except ImageTooLarge as error:
        raise EvidenceRejected(IMAGE_TOO_LARGE, name) from error
    except Exception as error:
        # Hostile or damaged files make decoders fail in many ways; none may become a 500.
        # Log the kind of failure only: names and contents are the claimant's secrets.
        logger.info("Evidence refused as unreadable (%s: %s)", detected.mime, type(error).__name__)
        raise EvidenceRejected(UNREADABLE, name) from error
    if name == FALLBACK_STEM:  # the upload had no usable name: "evidence.jpg"
        name = display_name("", extension)
    return ProcessedEvidence(
        display_name=name,
        kind=detected.kind,
        original=data,
        original_mime=detected.mime,
        original_sha256=hashlib.sha256(data).hexdigest(),
        working=working,
        working_mime=working_mime,
        working_extension=extension,
        working_sha256=hashlib.sha256(working).hexdigest(),
        metadata_removed=detected.kind not in ("audio", "video"),
        size=len(data),
    )


def _working_copy(data, detected):
    if detected.kind == "image":
        return clean_image(data, detected.mime)
    if detected.kind == "pdf":
        return clean_pdf(data)
    if detected.kind == "text":
        return clean_text(data)
    # Audio and video pass through unchanged: removing container metadata (recording
    # device, dates, sometimes GPS in phone videos) needs ffmpeg, which we do not have.
    return data, detected.mime, detected.extension


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
