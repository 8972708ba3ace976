"""The sandbox child's side: every parser and decoder that touches a claimant's file runs here.

``serve`` runs in a process of its own (forked by fork_server.py for one request), limits itself,
processes that request's files and writes the results back as plain bytes: a JSON header followed
by the working copies. Nothing is pickled either way, so a child taken over by a hostile file
cannot run code in the web process by what it sends.

This module reads no Django setting and imports nothing of Django: the limits arrive with the
request (``Limits``), so the same values apply here as in the web process, including under tests'
``override_settings``.
"""

import contextlib
import json
import os
import resource
import signal
import struct
from dataclasses import asdict, dataclass

from .codes import FILE_TYPE, IMAGE_TOO_LARGE, REQUEST_PIXELS, UNREADABLE
from .images import ImageTooLarge, clean_image, image_pixels
from .media import NotStripped, strip_media
from .pdfs import clean_pdf
from .sniffing import (
    AAC,
    AMR,
    AMR_WB,
    GIF,
    HEIC,
    JPEG,
    M4A,
    MOV,
    MP3,
    MP4,
    OGG,
    PDF,
    PNG,
    TEXT,
    THREE_G2,
    THREE_GP,
    WAV,
    WEBM,
    WEBP,
    sniff,
)
from .text import clean_text


@dataclass(frozen=True)
class Limits:
    max_image_pixels: int
    max_request_pixels: int  # decoded pixels of all images of one request together
    max_pixels_per_byte: int  # compression-ratio cap: declared pixels per byte of file
    memory_bytes: int  # RLIMIT_AS of the child (ffmpeg inherits it)
    cpu_seconds: int  # RLIMIT_CPU of the child
    max_output_bytes: int  # RLIMIT_FSIZE: the largest file the child may write
    ffmpeg: str


@dataclass(frozen=True)
class Outcome:
    """One file's result. ``error`` is an errors.py code; otherwise the other fields are set."""

    error: str = ""
    detail: str = ""  # the failing exception's type, for the web process's log; never content
    kind: str = ""
    mime: str = ""
    working_mime: str = ""
    working_extension: str = ""
    metadata_removed: bool = False
    working_length: int = 0


_HEADER = struct.Struct(">I")


def encode_request(files, limits, timeout_seconds):
    """What the web process hands a child: a JSON header (limits, timeout, file sizes), then the files."""
    header = json.dumps(
        {"limits": asdict(limits), "timeout": timeout_seconds, "sizes": [len(data) for data in files]}
    ).encode()
    return b"".join([_HEADER.pack(len(header)), header, *files])


def decode_request(message):
    (length,) = _HEADER.unpack_from(message)
    header = json.loads(message[_HEADER.size : _HEADER.size + length])
    files, position = [], _HEADER.size + length
    for size in header["sizes"]:
        files.append(message[position : position + size])
        position += size
    return files, Limits(**header["limits"]), header["timeout"]


def serve(request_fd, answer_fd):
    """Entry point of the sandbox child: read the request, limit, process, answer. The caller
    exits the process right after, whatever happens here."""
    files, limits, timeout_seconds = decode_request(_read_all(request_fd))
    os.close(request_fd)
    # The web process kills a late child itself; this also ends one whose web process is gone.
    signal.alarm(int(timeout_seconds) + 2)
    isolate(limits)
    outcomes, working = process_batch(files, limits)
    header = json.dumps(
        {"request_error": outcomes if isinstance(outcomes, str) else "", "files": _as_dicts(outcomes)}
    ).encode()
    with contextlib.suppress(OSError):  # the web process stopped waiting (timeout): nothing to report
        write_all(answer_fd, b"".join([_HEADER.pack(len(header)), header, *working]))
        # The web process reads until end of file: closing now, rather than at the exit that follows
        # (about a millisecond of tearing down memory), lets it go on without waiting for that.
        os.close(answer_fd)


def _read_all(fd):
    """The whole of an in-memory file (memfd) the web process wrote the request into."""
    size = os.fstat(fd).st_size
    chunks, position = [], 0
    while position < size:
        chunk = os.pread(fd, size - position, position)
        if not chunk:
            break
        chunks.append(chunk)
        position += len(chunk)
    return b"".join(chunks)


def write_all(fd, data):
    """All of ``data`` to a file descriptor (a pipe takes it in parts)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def leave_network():
    """A new user and network namespace: only a loopback interface that is down, so no socket can
    reach anything. Entered once by the fork server, whose children all inherit it (creating a
    network namespace costs about half a millisecond). Fails quietly where user namespaces are
    disabled; a child then still holds no socket of the web process (they are not inherited)."""
    with contextlib.suppress(AttributeError, OSError):
        os.unshare(os.CLONE_NEWUSER | os.CLONE_NEWNET)


def isolate(limits):
    """The child's resource limits (the network was left by its fork server: leave_network)."""
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.max_output_bytes, limits.max_output_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core dump holding evidence on disk
    os.nice(5)


def process_batch(files, limits):
    """(outcomes, working copies) for a request's files, or (request error code, []) for all."""
    detected = [sniff(data) for data in files]
    outcomes = [None] * len(files)
    pixels = 0
    for index, (data, kind) in enumerate(zip(files, detected, strict=True)):
        if kind is None:
            outcomes[index] = Outcome(error=FILE_TYPE)
        elif kind.kind == "image":
            outcomes[index], declared = _check_image_header(data, kind, limits)
            pixels += declared
    if pixels > limits.max_request_pixels:
        return REQUEST_PIXELS, []
    working = []
    for index, (data, kind) in enumerate(zip(files, detected, strict=True)):
        if outcomes[index] is None:
            outcomes[index], copy = _process(data, kind, limits)
            working.append(copy)
    return outcomes, working


def _check_image_header(data, kind, limits):
    """(None, pixels) if the image may be decoded, else (its refusal, 0); reads the header only."""
    try:
        pixels = image_pixels(data, kind.mime)
    except ImageTooLarge:
        return Outcome(error=IMAGE_TOO_LARGE), 0
    except Exception as error:
        return Outcome(error=UNREADABLE, detail=type(error).__name__), 0
    if pixels > limits.max_image_pixels or pixels > limits.max_pixels_per_byte * len(data):
        return Outcome(error=IMAGE_TOO_LARGE), 0
    return None, pixels


def _process(data, kind, limits):
    removed = True
    try:
        if kind.kind == "image":
            working, working_mime, extension = clean_image(data, kind.mime, limits.max_image_pixels)
        elif kind.kind == "pdf":
            working, working_mime, extension = clean_pdf(data)
        elif kind.kind == "text":
            working, working_mime, extension = clean_text(data)
        else:
            try:
                working = strip_media(data, kind.mime, limits.ffmpeg)
            except NotStripped:
                # Kept as it is only if the claimant consents (checked by the form).
                working, removed = data, False
            working_mime, extension = kind.mime, kind.extension
    except (ImageTooLarge, MemoryError) as error:
        code = IMAGE_TOO_LARGE if kind.kind == "image" else UNREADABLE
        return Outcome(error=code, detail=type(error).__name__), b""
    except Exception as error:
        return Outcome(error=UNREADABLE, detail=type(error).__name__), b""
    outcome = Outcome(
        kind=kind.kind,
        mime=kind.mime,
        working_mime=working_mime,
        working_extension=extension,
        metadata_removed=removed,
        working_length=len(working),
    )
    return outcome, working


def _as_dicts(outcomes):
    return [] if isinstance(outcomes, str) else [asdict(outcome) for outcome in outcomes]


def decode(message, count):
    """(request error code, [Outcome], [working bytes]) from a child's message; ValueError if malformed.

    Runs in the web process on bytes from a child that may have been taken over: every field
    is checked and nothing is executed.
    """
    if len(message) < _HEADER.size:
        raise ValueError("short message")
    (length,) = _HEADER.unpack_from(message)
    header = json.loads(message[_HEADER.size : _HEADER.size + length])
    body = memoryview(message)[_HEADER.size + length :]
    request_error = header.get("request_error")
    if request_error:
        if request_error != REQUEST_PIXELS:
            raise ValueError("unknown request error")
        return request_error, [], []
    raw = header.get("files")
    if not isinstance(raw, list) or len(raw) != count:
        raise ValueError("wrong number of results")
    outcomes, working, position = [], [], 0
    for item in raw:
        outcome = Outcome(**{key: item[key] for key in Outcome.__dataclass_fields__})
        _check(outcome)
        outcomes.append(outcome)
        working.append(bytes(body[position : position + outcome.working_length]))
        position += outcome.working_length
    if position != len(body):
        raise ValueError("length mismatch")
    return "", outcomes, working


_ERRORS = {FILE_TYPE, IMAGE_TOO_LARGE, UNREADABLE}
_SNIFFED = {
    t.mime: t
    for t in (JPEG, PNG, GIF, WEBP, HEIC, PDF, TEXT, MP3, M4A, AAC, OGG, WAV, AMR, AMR_WB, MP4, MOV)
    + (THREE_GP, THREE_G2, WEBM)
}
_WORKING_TYPES = {("image/jpeg", "jpg"), ("image/png", "png"), ("application/pdf", "pdf"), ("text/plain", "txt")}


def _check(outcome):
    detail = outcome.detail
    if not isinstance(detail, str) or (detail and (len(detail) > 64 or not detail.isidentifier())):
        raise ValueError("bad detail")
    if not isinstance(outcome.metadata_removed, bool):
        raise ValueError("bad flag")
    if not isinstance(outcome.working_length, int) or outcome.working_length < 0:
        raise ValueError("bad length")
    if outcome.error:
        if outcome.error not in _ERRORS or outcome.working_length:
            raise ValueError("bad error")
        return
    sniffed = _SNIFFED.get(outcome.mime)
    if sniffed is None or sniffed.kind != outcome.kind:
        raise ValueError("bad type")
    if outcome.kind in ("audio", "video"):
        # Media keep their type; metadata_removed may be either.
        if (outcome.working_mime, outcome.working_extension) != (sniffed.mime, sniffed.extension):
            raise ValueError("bad media type")
    elif (
        outcome.working_mime,
        outcome.working_extension,
    ) not in _WORKING_TYPES or outcome.metadata_removed is not True:
        raise ValueError("bad working type")
