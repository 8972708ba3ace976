"""Run the parsing of one request's files in a separate, limited process.

A decoder bug or a decompression bomb must cost one child process, not the site. Each request
with files gets one new child, forked from a small, already-warm fork server (fork_server.py:
one per web process, started on the first request with files, about half a second) that has
imported the decoders and nothing of Django. The child:

* limits its address space (EVIDENCE_SANDBOX_MEMORY_BYTES, RLIMIT_AS), CPU time
  (EVIDENCE_SANDBOX_CPU_SECONDS, RLIMIT_CPU), the size of any file it writes (RLIMIT_FSIZE)
  and core dumps (none); ffmpeg, which it runs for audio and video, inherits these limits;
* has none of the web process's environment but a short list of harmless variables
  (ENVIRONMENT_KEPT): the environment holds SECRET_KEY, CASE_MASTER_KEYS, CASE_HASH_KEY and the
  database's and the cache's addresses with their passwords, which a child taken over by a hostile
  file could otherwise read from its own memory. The fork server is started with that short list,
  and no memory of the web process is ever copied into it or its children;
* enters a new, empty network namespace where the kernel allows unprivileged user namespaces
  (most Linux distributions; check with ``unshare -rn true``). Where it does not, the child
  still holds no socket of the web process, but a child taken over by a hostile file could open
  one: block outgoing traffic for the app's user at the firewall as well;
* refuses, before decoding anything, images whose header declares more than
  EVIDENCE_MAX_IMAGE_PIXELS, more than EVIDENCE_MAX_PIXELS_PER_BYTE pixels per byte of file (a
  compression-ratio cap against bombs), or requests whose images together declare more than
  EVIDENCE_MAX_REQUEST_PIXELS.

The request reaches the child as an in-memory file (memfd: never on disk); the answer comes back
through a pipe, read as plain bytes (worker.decode), never unpickled. The web process waits at most
EVIDENCE_SANDBOX_TIMEOUT_SECONDS, then kills the child through its pidfd (exactly that process, even
if its number has been reused). A child that dies, runs out of time or answers nonsense makes the
whole request's files refused with PROCESSING_FAILED, in the claimant's language: nothing is stored
and nothing becomes a 500. A fork server that has died is started again for the next request.

Cost: about 3.6 ms of the machine's CPU per request with a small JPEG (the fork, the child's
page copies and decoding, its exit), measured here; 4.2 before the fork server warmed up its
decoders (fork_server.warm_up), and about 7 with multiprocessing's own fork server.
"""

import contextlib
import logging
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import limits
from .errors import PROCESSING_FAILED, EvidenceRejected
from .worker import Limits, decode, encode_request, write_all

logger = logging.getLogger(__name__)

# All that the fork server, and so every child, keeps of the web process's environment.
ENVIRONMENT_KEPT = ("PATH", "LANG", "LANGUAGE", "TZ", "TMPDIR", "HOME")
ENVIRONMENT_KEPT_PREFIXES = ("LC_", "PYTHON")
# The project's root, from which ``python -m forms_app.evidence.fork_server`` is started.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
# How long the web process waits for the fork server to fork (its first answer includes its start).
SERVER_ANSWER_SECONDS = 30


def kept_environment(environment):
    return {
        name: value
        for name, value in environment.items()
        if name in ENVIRONMENT_KEPT or name.startswith(ENVIRONMENT_KEPT_PREFIXES)
    }


class ForkServer:
    """The web process's end of one fork server (fork_server.py)."""

    def __init__(self):
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.process = subprocess.Popen(  # noqa: S603 - this interpreter, a fixed module, no shell
                [sys.executable, "-m", "forms_app.evidence.fork_server", str(theirs.fileno())],
                cwd=PROJECT_ROOT,
                env=kept_environment(os.environ),
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # the terminal's signals are for the web process
            )
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        ours.settimeout(SERVER_ANSWER_SECONDS)
        self.socket = ours

    def alive(self):
        return self.process.poll() is None

    def fork_child(self, request_fd, answer_fd):
        """Have a child forked for one request; its pidfd, or None if it has already ended."""
        socket.send_fds(self.socket, [b"c"], [request_fd, answer_fd])
        message, fds, _flags, _address = socket.recv_fds(self.socket, 1, 1)
        if message != b"y":
            for fd in fds:
                os.close(fd)
            raise OSError("the fork server refused the request")
        return fds[0] if fds else None

    def stop(self):
        self.socket.close()
        with contextlib.suppress(OSError):
            self.process.kill()
        self.process.wait()


_server = None
_server_lock = threading.Lock()


def _fork_child(request_fd, answer_fd):
    """A pidfd of a new child for this request, starting (or restarting) the fork server as needed:
    one that died since the last request is replaced and asked once more."""
    global _server
    with _server_lock:
        for attempt in (1, 2):
            if _server is None or not _server.alive():
                if _server is not None:
                    _server.stop()
                _server = ForkServer()
            try:
                return _server.fork_child(request_fd, answer_fd)
            except OSError:
                _server.stop()
                _server = None
                if attempt == 2:
                    raise


def current_limits():
    """The sandbox limits from settings, read in the web process."""
    from .media import ffmpeg_path

    return Limits(
        max_image_pixels=limits.max_image_pixels(),
        max_request_pixels=limits.max_request_pixels(),
        max_pixels_per_byte=limits.max_pixels_per_byte(),
        memory_bytes=limits.sandbox_memory_bytes(),
        cpu_seconds=limits.sandbox_cpu_seconds(),
        max_output_bytes=4 * limits.max_file_bytes() + limits.MiB,
        ffmpeg=ffmpeg_path(),
    )


def process_in_sandbox(files):
    """(request error code or "", [worker.Outcome], [working bytes]) for a list of file contents.

    Raises EvidenceRejected(PROCESSING_FAILED) if the child fails in any way.
    """
    timeout = limits.sandbox_timeout_seconds()
    deadline = time.monotonic() + timeout
    pidfd = None
    request_fd = answer_reader = answer_writer = -1
    try:
        sandbox_limits = current_limits()  # finds ffmpeg: a broken install must not become a 500
        # The most a well-behaved child can send back; anything larger is refused.
        max_message = 4 * sum(len(data) for data in files) + 8 * sandbox_limits.max_request_pixels + limits.MiB
        request_fd = os.memfd_create("evidence-request")
        write_all(request_fd, encode_request(files, sandbox_limits, timeout))
        answer_reader, answer_writer = os.pipe()
        pidfd = _fork_child(request_fd, answer_writer)
        os.close(answer_writer)  # the child holds the only writing end: its close is our end of file
        answer_writer = -1
        return decode(_read_until_closed(answer_reader, deadline, max_message), len(files))
    except Exception as error:
        # The failure's type only: nothing about the files may reach the log.
        logger.warning("Evidence sandbox failed (%s); the request's files were refused", type(error).__name__)
        raise EvidenceRejected(PROCESSING_FAILED) from error
    finally:
        for fd in (request_fd, answer_reader, answer_writer):
            if fd >= 0:
                os.close(fd)
        if pidfd is not None:
            # A child that has answered has ended or is ending; one that has not is killed here.
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(pidfd, signal.SIGKILL)
            os.close(pidfd)


def _read_until_closed(fd, deadline, max_bytes):
    """Everything written to the pipe until the child closes it, within the deadline and size."""
    chunks, size = [], 0
    # poll, not select: select refuses descriptors above 1023, which a busy web process may hand out.
    waiting = select.poll()
    waiting.register(fd, select.POLLIN)
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not waiting.poll(remaining * 1000):
            raise TimeoutError("the evidence sandbox did not answer in time")
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise ValueError("the evidence sandbox answered too much")
        chunks.append(chunk)
